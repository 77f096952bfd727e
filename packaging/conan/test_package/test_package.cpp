#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

#include <cmath>
#include <cstdio>

int main() {
  // 3 M requests of 1 s at 512 MB: $0.60 requests + 1.5 M GB-s × $0.0000166667 = $25.60 a month.
  const runwise::steady_workload w{.requests_per_month = 3e6, .duration = {runwise::milliseconds(1000)},
                                   .memory = runwise::megabytes{512}};
  const double total = runwise::aws_lambda::quote(w, {}).total().value();
  std::printf("runwise %s: $%.2f a month on AWS Lambda\n", RUNWISE_VERSION_STRING, total);
  return std::lround(total * 100) == 2560 ? 0 : 1;
}
