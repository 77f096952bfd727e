// What a project that takes runwise in writes: one include, nothing to link. Built by each consumer
// project under tests/package/, against an install tree, the source tree or a pkg-config file.
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

#include <cmath>
#include <cstdio>

int main() {
  // AWS's archived Lambda pricing-page example: 3,000,000 requests a month of 1 s at 512 MB, free
  // tier on, $0.00001667 per GB-s → $18.74 (the same figure tests/static/quote_static.cpp checks).
  runwise::aws_lambda::config c;
  c.billing.free_tier = true;
  c.billing.prices.per_gb_second = {0.00001667};
  const runwise::steady_workload w{
      .requests_per_month = 3e6, .duration = {runwise::milliseconds(1000)}, .memory = runwise::megabytes{512}};
  const double total = runwise::aws_lambda::quote(w, c).total().value();
  std::printf("runwise %.*s: $%.2f a month on Lambda\n", static_cast<int>(runwise::version.size()),
              runwise::version.data(), total);
  // The package manager's idea of the version (CMake's runwise_VERSION, pkg-config's Version) must be
  // the header's.
  const bool same_version = runwise::version == RUNWISE_EXPECTED_VERSION;
  if (!same_version) std::printf("but the package says it is %s\n", RUNWISE_EXPECTED_VERSION);
  return same_version && std::lround(total * 100) == 1874 ? 0 : 1;
}
