#!/usr/bin/env bash
# Runs every libFuzzer harness for a bounded time on a copy of its seed corpus (CI: 30 s each).
# Usage: scripts/fuzz.sh [SECONDS]   (build first: cmake --preset fuzz && cmake --build --preset fuzz)
# A crash, sanitizer report or uncaught exception fails the run and leaves the input in build/fuzz/findings.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${FUZZ_SECONDS:-30}}
bin=build/fuzz/tests/fuzz
work=build/fuzz/corpus
findings=build/fuzz/findings
mkdir -p "$findings"
total=0
for harness in fuzz_spec fuzz_azure_2021 fuzz_azure_2019; do
  corpus_name=${harness#fuzz_}
  rm -rf "$work/$corpus_name" && mkdir -p "$work/$corpus_name"
  cp tests/fuzz/corpus/"$corpus_name"/* "$work/$corpus_name/"
  log="build/fuzz/$harness.log"
  if ! "$bin/$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
       -artifact_prefix="$findings/$harness-" "$work/$corpus_name" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz: $harness found a failure (input in $findings)" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "fuzz: $harness: ${runs:-0} executions in ${seconds} s, no findings" >&2
  total=$((total + ${runs:-0}))
done
echo "fuzz: $total executions in total, no findings" >&2
