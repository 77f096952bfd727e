#!/usr/bin/env python3
"""Writes an Azure Functions 2019-format trace of FUNCTIONS functions x MINUTES minutes.

usage: generate_azure2019.py OUT_DIR FUNCTIONS MINUTES
Writes OUT_DIR/invocations.csv, durations.csv and memory.csv (per app, two functions an app), the
shape of the public dataset. Deterministic. Function f<i> of app a<i//2>:
- f0 is the hand-checkable one: 10 invocations every minute, Average 250 ms, app memory pct99 200 MB
  (configured as 256 MB);
- the others mix idle, sparse, diurnal and busy patterns from a fixed linear congruential sequence.
"""
import math
import os
import sys

out_dir, functions, minutes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out_dir, exist_ok=True)
triggers = ["http", "timer", "queue", "event", "storage", "orchestration", "others"]
state = 12345


def rand():
    global state
    state = (1103515245 * state + 12345) % 2**31
    return state / 2**31


with open(os.path.join(out_dir, "invocations.csv"), "w") as inv:
    inv.write("HashOwner,HashApp,HashFunction,Trigger," + ",".join(str(m) for m in range(1, minutes + 1)) + "\n")
    for i in range(functions):
        if i == 0:
            counts = [10] * minutes
        else:
            kind = i % 4
            base = 10 ** (rand() * 3)
            if kind == 0:  # sparse: a call now and then
                counts = [1 if rand() < 0.02 else 0 for _ in range(minutes)]
            elif kind == 1:  # diurnal
                counts = [int(base * (1 + math.sin(2 * math.pi * m / 1440))) for m in range(minutes)]
            elif kind == 2:  # steady with noise
                counts = [int(base * (0.5 + rand())) for _ in range(minutes)]
            else:  # bursts
                counts = [int(base * 20) if rand() < 0.01 else 0 for _ in range(minutes)]
        inv.write("o%d,a%d,f%d,%s,%s\n" % (i // 2, i // 2, i, triggers[i % len(triggers)], ",".join(map(str, counts))))

with open(os.path.join(out_dir, "durations.csv"), "w") as dur:
    dur.write("HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,"
              "percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,"
              "percentile_Average_99,percentile_Average_100\n")
    for i in range(functions):
        avg = 250 if i == 0 else int(10 + rand() * 2000)
        dur.write("o%d,a%d,f%d,%d,100,%d,%d,%d,%d,%d,%d,%d,%d,%d\n" % (i // 2, i // 2, i, avg, avg // 2, avg * 2,
                  avg // 2, avg // 2, avg, avg, avg, avg * 2, avg * 2))

with open(os.path.join(out_dir, "memory.csv"), "w") as mem:
    mem.write("HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,"
              "AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,"
              "AverageAllocatedMb_pct99,AverageAllocatedMb_pct100\n")
    for a in range((functions + 1) // 2):
        pct99 = 200 if a == 0 else int(60 + rand() * 900)
        mem.write("o%d,a%d,100,%d,%d,%d,%d,%d,%d,%d,%d,%d\n" % (a, a, pct99 // 2, pct99 // 4, pct99 // 4, pct99 // 3,
                  pct99 // 2, pct99 // 2, pct99, pct99, pct99 + 10))
