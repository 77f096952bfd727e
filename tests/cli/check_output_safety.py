#!/usr/bin/env python3
"""Output files under hostile and careless use (issue 24, items 1-5), as real filesystem and process
tests in a temporary directory.

usage: check_output_safety.py RUNWISE SPEC GENERATOR CASE

SPEC is a small evaluate spec; GENERATOR is bench/generate_azure2019.py (a fleet trace). CASE is one
of: symlink, concurrent, special, full, signal. Each prints what it checked and exits 1 on the first
failure.
"""
import glob
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

runwise, spec, generator, case = sys.argv[1:5]


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def run(*args, **kw):
    return subprocess.run([runwise, *args], capture_output=True, text=True, **kw)


def temporaries(directory):
    return glob.glob(os.path.join(directory, ".*runwise-*")) + glob.glob(os.path.join(directory, "*runwise-tmp"))


def check_symlink(d):
    # 1. A link planted under the old fixed temporary name, and one under a name the attacker
    # guesses, point at a victim: the victim keeps its content and out.json is a regular file.
    victim = os.path.join(d, "victim")
    with open(victim, "w") as f:
        f.write("victim\n")
    out = os.path.join(d, "out.json")
    os.symlink(victim, out + ".runwise-tmp")
    os.symlink(victim, os.path.join(d, ".out.json.runwise-000000"))
    r = run("evaluate", spec, "--format", "json", "--output", out)
    if r.returncode != 0:
        fail("evaluate --output exited %d: %s" % (r.returncode, r.stderr))
    if open(victim).read() != "victim\n":
        fail("the victim behind a planted link was written")
    st = os.lstat(out)
    if not stat.S_ISREG(st.st_mode):
        fail("out.json is not a regular file")
    if '"options"' not in open(out).read():
        fail("out.json does not hold the report")
    # A new file gets 0666 less the umask (not mkstemp's 0600); an existing one keeps its mode.
    mask = os.umask(0)
    os.umask(mask)
    if stat.S_IMODE(st.st_mode) != 0o666 & ~mask:
        fail("new file mode %o, expected %o" % (stat.S_IMODE(st.st_mode), 0o666 & ~mask))
    os.chmod(out, 0o640)
    run("evaluate", spec, "--output", out)
    if stat.S_IMODE(os.stat(out).st_mode) != 0o640:
        fail("the existing file's mode 640 was not kept")
    # --output naming a link is refused (exit 2): neither the link nor its target changes.
    link = os.path.join(d, "link.json")
    os.symlink(victim, link)
    r = run("evaluate", spec, "--output", link)
    if r.returncode != 2 or "link.json: is a symbolic link" not in r.stderr:
        fail("--output to a link: exit %d, %s" % (r.returncode, r.stderr))
    if not os.path.islink(link) or open(victim).read() != "victim\n":
        fail("the link or its target changed")
    # The same for fleet --output and --summary.
    trace = os.path.join(d, "trace")
    subprocess.run([sys.executable, generator, trace, "20", "60"], check=True)
    inv = os.path.join(trace, "invocations.csv")
    os.symlink(victim, os.path.join(d, "rows.csv.runwise-tmp"))
    rows = os.path.join(d, "rows.csv")
    r = run("fleet", "--invocations", inv, "--output", rows, "--summary", os.path.join(d, "summary.json"))
    if r.returncode != 0 or open(victim).read() != "victim\n" or len(open(rows).read().splitlines()) != 21:
        fail("fleet --output with a planted link: exit %d, %s" % (r.returncode, r.stderr))
    r = run("fleet", "--invocations", inv, "--summary", link)
    if r.returncode != 2 or not os.path.islink(link):
        fail("fleet --summary to a link: exit %d, %s" % (r.returncode, r.stderr))
    planted = {os.path.join(d, ".out.json.runwise-000000"), out + ".runwise-tmp", rows + ".runwise-tmp"}
    if set(temporaries(d)) != planted:
        fail("temporary files left behind: %s" % (set(temporaries(d)) - planted))
    print("symlink: planted links untouched, links refused, modes kept")


def check_concurrent(d):
    # 2. Two fleet runs with the same --output at once: the last rename wins, whole.
    trace = os.path.join(d, "trace")
    subprocess.run([sys.executable, generator, trace, "4000", "1440"], check=True)
    inv = os.path.join(trace, "invocations.csv")
    solo = os.path.join(d, "solo.csv")
    r = run("fleet", "--invocations", inv, "--output", solo)
    if r.returncode != 0:
        fail("fleet exited %d: %s" % (r.returncode, r.stderr))
    shared = os.path.join(d, "shared.csv")
    runs = [subprocess.Popen([runwise, "fleet", "--invocations", inv, "--output", shared],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(3)]
    codes = [p.wait() for p in runs]
    if codes != [0, 0, 0]:
        fail("concurrent runs exited %s" % codes)
    lines = open(shared).read().splitlines()
    if len(lines) != 4001:
        fail("%d lines in the shared output, expected 4,001 (a header and one row per function)" % len(lines))
    if open(shared).read() != open(solo).read():
        fail("the shared output differs from one run's")
    if temporaries(d):
        fail("temporary files left behind: %s" % temporaries(d))
    print("concurrent: 3 runs, 4,001 lines, the same as one run's")


def check_special(d):
    # 3. A FIFO is written directly and stays a FIFO; a directory is refused; as root, /dev/null
    # stays the character device it is.
    fifo = os.path.join(d, "pipe")
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo).read()))
    reader.start()
    r = run("evaluate", spec, "--output", fifo, timeout=60)
    reader.join(60)
    if r.returncode != 0 or not received or "Recommendation" not in received[0]:
        fail("evaluate --output FIFO: exit %d, %s" % (r.returncode, r.stderr))
    if not stat.S_ISFIFO(os.lstat(fifo).st_mode):
        fail("the FIFO was replaced")
    os.mkdir(os.path.join(d, "dir"))
    r = run("evaluate", spec, "--output", os.path.join(d, "dir"))
    if r.returncode != 2 or "is a directory" not in r.stderr:
        fail("--output to a directory: exit %d, %s" % (r.returncode, r.stderr))
    before = os.lstat("/dev/null")
    r = run("evaluate", spec, "--output", "/dev/null")
    after = os.lstat("/dev/null")
    if r.returncode != 0 or not stat.S_ISCHR(after.st_mode) or after.st_rdev != before.st_rdev:
        fail("--output /dev/null: exit %d, still a device: %s" % (r.returncode, stat.S_ISCHR(after.st_mode)))
    if temporaries("/dev"):
        fail("temporary files left in /dev: %s" % temporaries("/dev"))
    # /dev/stdout is this process's standard output: appended to, as `>>` asks.
    log = os.path.join(d, "log.txt")
    with open(log, "w") as f:
        f.write("first line\n")
    with open(log, "a") as f:
        r = subprocess.run([runwise, "evaluate", spec, "--output", "/dev/stdout"], stdout=f, stderr=subprocess.PIPE)
    text = open(log).read()
    if r.returncode != 0 or not text.startswith("first line\nrunwise "):
        fail("--output /dev/stdout under >>: exit %d, %r" % (r.returncode, text[:40]))
    print("special: FIFO written and kept, directory refused, /dev/null kept, /dev/stdout appended")


def check_full(d):
    # 4. Standard output on a full device: exit 1 with the reason, for every command.
    trace = os.path.join(d, "trace")
    subprocess.run([sys.executable, generator, trace, "20", "60"], check=True)
    inv = os.path.join(trace, "invocations.csv")
    for args in (["evaluate", spec], ["catalog"], ["fleet", "--invocations", inv], []):
        with open("/dev/full", "w") as full:
            r = subprocess.run([runwise, *args], stdout=full, stderr=subprocess.PIPE, text=True)
        if r.returncode != 1 or "error: standard output: cannot be written (No space left on device)" not in r.stderr:
            fail("%s > /dev/full: exit %d, %r" % (args, r.returncode, r.stderr))
    r = run("fleet", "--invocations", inv, "--output", "/dev/full")
    if r.returncode != 1 or "error: /dev/full: cannot be written" not in r.stderr:
        fail("fleet --output /dev/full: exit %d, %r" % (r.returncode, r.stderr))
    print("full: evaluate, catalog, fleet and the main job exit 1 naming standard output; fleet names its file")


def check_signal(d):
    # 5. SIGTERM or Ctrl-C (SIGINT) during a run: the temporary file is removed, FILE never appears,
    # and the process ends by the signal.
    out = os.path.join(d, "out.json")
    for sig in (signal.SIGTERM, signal.SIGINT):
        p = subprocess.Popen([runwise, "evaluate", spec, "--monte-carlo", "5000000", "--output", out],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while not temporaries(d) and time.time() < deadline and p.poll() is None:
            time.sleep(0.01)
        if not temporaries(d):
            p.kill()
            fail("no temporary file appeared while the run worked")
        p.send_signal(sig)
        code = p.wait(30)
        if code != -sig:
            fail("after %s the exit status is %d" % (sig.name, code))
        if temporaries(d) or os.path.exists(out):
            fail("after %s: left %s" % (sig.name, temporaries(d) + ([out] if os.path.exists(out) else [])))
    print("signal: SIGTERM and SIGINT leave nothing behind")


with tempfile.TemporaryDirectory() as d:
    {"symlink": check_symlink, "concurrent": check_concurrent, "special": check_special, "full": check_full,
     "signal": check_signal}[case](d)
