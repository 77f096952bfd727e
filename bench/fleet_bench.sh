#!/bin/sh
# Times `runwise fleet` on a generated 2019-format trace and reports its peak RSS.
# usage: bench/fleet_bench.sh RUNWISE [FUNCTIONS [MINUTES]]   (default 10000 × 1440; not part of ctest)
set -eu
runwise=$1 functions=${2:-10000} minutes=${3:-1440}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$(dirname "$0")/generate_azure2019.py" "$dir" "$functions" "$minutes"
ls -l "$dir"/invocations.csv | awk '{printf "invocations file: %.1f MB\n", $5 / 1e6}'
/usr/bin/time -v "$runwise" fleet --invocations "$dir/invocations.csv" --durations "$dir/durations.csv" \
  --memory "$dir/memory.csv" --output "$dir/rows.csv" --summary "$dir/summary.json" 2>"$dir/time.txt"
grep -E "Elapsed \(wall|Maximum resident|User time|System time|Percent of CPU" "$dir/time.txt"
echo "rows: $(($(wc -l <"$dir/rows.csv") - 1))"
