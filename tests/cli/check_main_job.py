#!/usr/bin/env python3
"""Checks the README's main job (runwise with no arguments) for figures that cannot be true.

usage: check_main_job.py RUNWISE SPEC

SPEC is the built-in example (examples/cli/builtin_spec.hpp) as a file; the script first checks that
evaluating it prints the same report as the main job, so the checks below are about the main job.
  - no duty cycle above 100 %: a function instance cannot be busy more than all of the time;
  - at every reported break-even, both options keep up (serve at least 99.9 % of the requests on
    time, the rule of criteria::adequate): re-evaluated at that traffic, neither throttles or
    overloads more than 0.1 % of the requests.
"""
import json
import re
import subprocess
import sys
import tempfile


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def run(*args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        fail("%s exited %d: %s" % (" ".join(args), done.returncode, done.stderr))
    return done.stdout


runwise, spec_path = sys.argv[1], sys.argv[2]
main_job = run(runwise)
if run(runwise, "evaluate", spec_path) != main_job:
    fail(spec_path + " is not the built-in example: its report differs from the main job's")

for percent in re.findall(r"duty cycle ([0-9.]+)%", main_job):
    if float(percent) > 100:
        fail("duty cycle %s%% in the main job" % percent)

spec = json.load(open(spec_path))
report = json.loads(run(runwise, "evaluate", spec_path, "--format", "json"))
checked = 0
for b in report["break_even"]:
    if b["requests_per_month"] is None:
        if not b["reason"]:
            fail("%s = %s: no break-even and no reason" % (b["serverless"], b["containers"]))
        continue
    spec["workload"]["traffic"]["requests_per_month"] = b["requests_per_month"]
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        json.dump(spec, f)
        f.flush()
        at = json.loads(run(runwise, "evaluate", f.name, "--format", "json"))
    for o in at["options"]:
        if o["platform"] not in (b["serverless"], b["containers"]):
            continue
        u = o["usage"]
        missed = u["expected_throttled"] + u["expected_overloaded"]
        if missed > 0.001 * u["arrived"]:
            fail("%s = %s at %.0f requests a month: %s misses %.0f of %d requests"
                 % (b["serverless"], b["containers"], b["requests_per_month"], o["platform"], missed, u["arrived"]))
    checked += 1
if checked == 0:
    fail("no break-even to check")
print("ok: %d break-evens, both options keep up at each" % checked)
