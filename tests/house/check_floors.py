#!/usr/bin/env python3
"""The house check: every folder of include/runwise includes only folders on floors below its own.

The floors, bottom up, are FLOORS; the headers at the top of include/runwise are umbrellas (they
may include anything, and no folder includes them). Prints the house (floors, their headers and
lines, the largest header) and every arrow that points up or sideways; exits 1 if there is one.

usage: check_floors.py [INCLUDE_DIR]   (default: include/runwise beside this script's tests/)
"""
import os
import re
import sys

FLOORS = ["core", "workload", "trace", "simulate", "pricing", "criteria", "platform", "providers",
          "decide", "evaluate", "analyze", "report"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def floor_of(rel):
    parts = rel.split("/")
    return parts[0] if len(parts) > 1 else "."


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "include", "runwise")
    root = os.path.normpath(root)
    headers = {}
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith(".hpp"):
                p = os.path.join(d, f)
                headers[os.path.relpath(p, root)] = open(p, encoding="utf-8").read()
    bad = []
    unknown = sorted({floor_of(h) for h in headers} - set(FLOORS) - {"."})
    for folder in unknown:
        bad.append(f"{folder}/ is on no floor: add it to FLOORS in {os.path.relpath(__file__)}")
    for rel, text in sorted(headers.items()):
        src = floor_of(rel)
        for inc in INCLUDE.findall(text):
            target = os.path.normpath(os.path.join(os.path.dirname(rel), inc))
            if target not in headers:
                bad.append(f"{rel}: includes {inc}, which is not a header of the library")
                continue
            dst = floor_of(target)
            if src == "." or src == dst or src in unknown or dst in unknown:
                continue
            if dst == ".":
                bad.append(f"{rel}: includes the umbrella {target}")
            elif FLOORS.index(dst) > FLOORS.index(src):
                bad.append(f"{rel}: includes {target}, on a floor above ({dst}/ over {src}/)")
    print("floors, bottom up (headers, lines):")
    for folder in FLOORS + ["."]:
        files = [h for h in headers if floor_of(h) == folder]
        lines = sum(headers[h].count("\n") for h in files)
        print(f"  {folder + '/' if folder != '.' else 'umbrellas':<11} {len(files):3d} {lines:6d}")
    largest = max(headers, key=lambda h: headers[h].count("\n"))
    print(f"largest header: {largest} ({headers[largest].count(chr(10))} lines)")
    print(f"arrows up or across: {len(bad)}")
    for b in bad:
        print("  " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
