#!/usr/bin/env python3
"""The docs the code cites exist, and the tutorial's code compiles.

check_docs.py ROOT [CXX]
  - every path the sources and docs cite (docs/*.md, examples/..., tests/..., bench/..., scripts/...,
    include/runwise/... and header paths under include/runwise such as `providers/aws/lambda.hpp`)
    exists in the repository, and none cites the working notes kept outside it;
  - the examples (beside the CLI) and the README's C++ snippets name no detail::;
  - with CXX, docs/tutorial.md's C++ blocks, in order, compile as one program (its #include lines
    first, the rest the body of main, after a workload `w`).
Exits 1 naming file:line of each citation that does not resolve, or with the compiler's errors.
"""
import os
import re
import subprocess
import sys
import tempfile

NOTES = re.compile(r"\b(PRICES|CONTRACT|DESIGN|STYLE|DEVELOPERS)\.md\b|\.\./shared/")
REPO_PATH = re.compile(r"(?<![\w./-])((?:docs|examples|tests|bench|scripts|packaging|include/runwise)/[\w./-]*\w)")
HEADER = re.compile(r"(?<![\w./-])((?:core|workload|trace|simulate|pricing|criteria|platform|providers|decide|"
                    r"evaluate|analyze|report)/[\w/]+\.hpp)")
SKIP_DIRS = {"build", ".git", "upward"}
SUFFIXES = (".hpp", ".cpp", ".md", ".txt", ".cmake", ".py", ".sh", ".json")


def sources(root):
    for top in ["include", "examples", "tests", "bench", "docs", "scripts", "packaging", "src"]:
        for d, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = [x for x in dirs if x not in SKIP_DIRS]
            for f in files:
                if f.endswith(SUFFIXES) or f == "CMakeLists.txt":
                    yield os.path.join(d, f)
    yield os.path.join(root, "README.md")


def exists(root, path):
    path = path.rstrip(".")
    if any(ch in path for ch in "*<>{}") or "XXXX" in path:
        return True
    return os.path.exists(os.path.join(root, path))


def check_citations(root):
    bad = []
    for p in sources(root):
        rel = os.path.relpath(p, root)
        try:
            lines = open(p, encoding="utf-8").read().split("\n")
        except UnicodeDecodeError:
            continue
        for i, line in enumerate(lines, 1):
            if NOTES.search(line) and rel != "tests/house/check_docs.py":
                bad.append(f"{rel}:{i}: cites notes outside the repository: {line.strip()[:100]}")
            for m in REPO_PATH.finditer(line):
                if not exists(root, m.group(1)):
                    bad.append(f"{rel}:{i}: {m.group(1)} does not exist")
            for m in HEADER.finditer(line):
                if not exists(root, "include/runwise/" + m.group(1)) and not exists(root, m.group(1)):
                    bad.append(f"{rel}:{i}: {m.group(1)} is not a header of include/runwise")
    return bad


def check_public_use(root):
    """The examples (beside the CLI) and the README's code use the public API, never detail::."""
    bad = []
    for d, _, files in os.walk(os.path.join(root, "examples")):
        if os.path.relpath(d, root).startswith(os.path.join("examples", "cli")):
            continue
        for f in files:
            if f.endswith((".cpp", ".hpp")):
                p = os.path.join(d, f)
                for i, line in enumerate(open(p, encoding="utf-8"), 1):
                    if "detail::" in line:
                        bad.append(f"{os.path.relpath(p, root)}:{i}: an example names detail::")
    readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
    for block in re.findall(r"```cpp\n(.*?)```", readme, re.S):
        if "detail::" in block:
            bad.append("README.md: a C++ snippet names detail::")
    return bad


def check_tutorial(root, cxx):
    text = open(os.path.join(root, "docs", "tutorial.md"), encoding="utf-8").read()
    blocks = re.findall(r"```cpp\n(.*?)```", text, re.S)
    includes, body = [], []
    for b in blocks:
        for line in b.split("\n"):
            (includes if line.startswith("#include") else body).append(line)
    tu = "\n".join(includes) + """
int main() {
  const runwise::workload w{.name = "tutorial",
                            .traffic = runwise::make_traffic(1.0, runwise::hours(730), runwise::seconds{60}),
                            .duration = {runwise::milliseconds(120)}};
""" + "\n".join("  " + line for line in body) + "\n}\n"
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "tutorial.cpp")
        open(src, "w").write(tu)
        r = subprocess.run([cxx, "-std=c++20", "-fsyntax-only", "-I", os.path.join(root, "include"), src],
                           capture_output=True, text=True)
        if r.returncode != 0:
            return [f"docs/tutorial.md's code does not compile ({len(blocks)} blocks):\n{tu}\n{r.stderr}"]
    print(f"docs/tutorial.md: {len(blocks)} C++ blocks compile")
    return []


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
    bad = check_citations(root) + check_public_use(root)
    if len(sys.argv) > 2:
        bad += check_tutorial(root, sys.argv[2])
    for b in bad:
        print(b)
    print(f"citations that do not resolve: {len(bad)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
