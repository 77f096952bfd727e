#!/usr/bin/env bash
# Compile time of a consumer translation unit (issue #8, target 5), against the same kind of TU
# that includes only <vector>, <string>, <map> and <algorithm>. Two consumers include
# <runwise/runwise.hpp> and evaluate one workload on Lambda and Fargate:
#   quote     in closed form (steady_workload, aws_lambda::quote, aws_fargate::quote);
#   evaluate  trace-driven: a month of minutes through evaluator<aws_lambda, aws_fargate>, which
#             compiles the capacity models, the six criteria, the ranking and the advice;
#   compiled  the same source in the opt-in separately compiled mode (-DRUNWISE_SEPARATE_COMPILATION,
#             what linking runwise::compiled sets): that work is in the library, declared extern here.
#             Compiled only, like the others, so the library is not needed.
#   include   <runwise/runwise.hpp> (the core, no providers) and an empty main, against a TU with only the four standard
#             headers and an empty main (issue 23's measure: what including the core header costs).
# Each TU is compiled with -O2 -std=c++20 to an object file, several times, interleaved; the script
# prints the median CPU time (user + sys) of each and the ratios, for g++ and, when present, clang++.
#
#   bench/compile_time.sh [repetitions=5] [max_quote_ratio] [max_evaluate_ratio] [max_compiled_ratio] [max_include_ratio]
#
# With the bounds, exits 1 when a ratio exceeds one (the ctest passes generous bounds, so a slow or
# loaded machine does not fail CI: ratios are compared, not absolute times).
# RUNWISE_CXX="g++-13 clang++-17" chooses the compilers; RUNWISE_HEADER=runwise/all.hpp measures
# another umbrella header.
set -euo pipefail

repetitions=${1:-5}
max_quote_ratio=${2:-}
max_evaluate_ratio=${3:-}
max_compiled_ratio=${4:-}
max_include_ratio=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
include_dir=${RUNWISE_INCLUDE_DIR:-$here/../include}
header=${RUNWISE_HEADER:-runwise/runwise.hpp}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/quote_tu.cpp" <<EOF
// A consumer: one workload priced on Lambda and Fargate in closed form, the cheaper printed.
#include <${header}>
#include <runwise/providers.hpp>

#include <cstdio>

int main() {
  using namespace runwise;
  const steady_workload w{.requests_per_month = 3e6, .duration = {milliseconds(120)}, .memory = megabytes{512}};
  const double lambda = aws_lambda::quote(w, {}).total().value();
  const double fargate = aws_fargate::quote(w, {}).total().value();
  std::printf("aws_lambda %.2f\\naws_fargate %.2f\\n", lambda, fargate);
  std::printf("-> %s\\n", lambda <= fargate ? "aws_lambda" : "aws_fargate");
}
EOF

cat >"$work/evaluate_tu.cpp" <<EOF
// A consumer: one workload (a month of minutes) evaluated on Lambda and Fargate, the advice printed.
#include <${header}>
#include <runwise/providers.hpp>

#include <cstdio>

int main() {
  using namespace runwise;
  const workload api{.name = "orders-api",
                     .traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60},
                                             {.pattern = traffic_pattern::business_hours}),
                     .duration = {milliseconds(120)},
                     .memory = megabytes{512}};
  const evaluation result = evaluator<aws_lambda, aws_fargate>{}.evaluate(api);
  for (const option_result& o : result.options) std::printf("%s %.2f\\n", o.platform.c_str(), o.cost.total().value());
  std::printf("-> %s\\n", result.advice.platform.c_str());
}
EOF

cat >"$work/baseline_tu.cpp" <<'EOF'
// The yardstick: a program of the same size with the four standard headers only.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <cstdio>

int main() {
  std::map<std::string, double> cost{{"aws_lambda", 3.1}, {"aws_fargate", 9.01}};
  std::vector<std::pair<std::string, double>> options(cost.begin(), cost.end());
  std::sort(options.begin(), options.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  for (const auto& [platform, usd] : options) std::printf("%s %.2f\n", platform.c_str(), usd);
  std::printf("-> %s\n", options.front().first.c_str());
}
EOF

cat >"$work/include_tu.cpp" <<EOF
#include <${header}>
int main() {}
EOF

cat >"$work/std_include_tu.cpp" <<'EOF'
#include <algorithm>
#include <map>
#include <string>
#include <vector>
int main() {}
EOF

# CPU seconds (user + sys) of one compilation.
cpu_seconds() {
  local TIMEFORMAT='%3U %3S'
  local t
  t=$({ time "$@" >/dev/null 2>"$work/errors"; } 2>&1) || {
    cat "$work/errors" >&2
    exit 2
  }
  awk '{ printf "%.3f\n", $1 + $2 }' <<<"$t"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

compilers=${RUNWISE_CXX:-}
if [[ -z $compilers ]]; then
  for c in g++ clang++; do command -v "$c" >/dev/null && compilers+=" $c"; done
fi

status=0
check() { # check NAME RATIO BOUND
  if [[ -n $3 ]] && awk -v x="$2" -v m="$3" 'BEGIN { exit !(x > m) }'; then
    echo "runwise: $cxx compiles the $1 consumer in $2 times the baseline's time, above $3" >&2
    status=1
  fi
}
printf '%-9s %-20s %10s %8s %10s %10s %7s %10s %10s %9s %9s %9s\n' compiler header baseline_s quote_s evaluate_s \
  compiled_s quote/b evaluate/b compiled/b std_inc_s include_s include/s
for cxx in $compilers; do
  flags=(-std=c++20 -O2 -I"$include_dir" -c -o "$work/out.o")
  baseline=() quote=() evaluate=() compiled=() std_include=() include=()
  # Interleaved, so a change of machine load during the run hits all four alike.
  for ((i = 0; i < repetitions; ++i)); do
    baseline+=("$(cpu_seconds "$cxx" "${flags[@]}" "$work/baseline_tu.cpp")")
    quote+=("$(cpu_seconds "$cxx" "${flags[@]}" "$work/quote_tu.cpp")")
    evaluate+=("$(cpu_seconds "$cxx" "${flags[@]}" "$work/evaluate_tu.cpp")")
    compiled+=("$(cpu_seconds "$cxx" "${flags[@]}" -DRUNWISE_SEPARATE_COMPILATION "$work/evaluate_tu.cpp")")
    std_include+=("$(cpu_seconds "$cxx" "${flags[@]}" "$work/std_include_tu.cpp")")
    include+=("$(cpu_seconds "$cxx" "${flags[@]}" "$work/include_tu.cpp")")
  done
  si=$(printf '%s\n' "${std_include[@]}" | median)
  inc=$(printf '%s\n' "${include[@]}" | median)
  ir=$(awk -v x="$inc" -v b="$si" 'BEGIN { printf "%.2f", x / b }')
  b=$(printf '%s\n' "${baseline[@]}" | median)
  q=$(printf '%s\n' "${quote[@]}" | median)
  e=$(printf '%s\n' "${evaluate[@]}" | median)
  c=$(printf '%s\n' "${compiled[@]}" | median)
  qr=$(awk -v x="$q" -v b="$b" 'BEGIN { printf "%.2f", x / b }')
  er=$(awk -v x="$e" -v b="$b" 'BEGIN { printf "%.2f", x / b }')
  cr=$(awk -v x="$c" -v b="$b" 'BEGIN { printf "%.2f", x / b }')
  printf '%-9s %-20s %10.3f %8.3f %10.3f %10.3f %7s %10s %10s %9.3f %9.3f %9s\n' "$cxx" "$header" "$b" "$q" "$e" "$c" \
    "$qr" "$er" "$cr" "$si" "$inc" "$ir"
  check quote "$qr" "$max_quote_ratio"
  check evaluate "$er" "$max_evaluate_ratio"
  check "evaluate (compiled mode)" "$cr" "$max_compiled_ratio"
  check "include-only" "$ir" "$max_include_ratio"
done
exit $status
