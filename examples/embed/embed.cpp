// Embedding runwise: evaluate one workload on Lambda and Fargate in a dozen lines.
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

#include <cstdio>

int main() {
  using namespace runwise;
  const workload api{.name = "orders-api",
                     .traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60},
                                             {.pattern = traffic_pattern::business_hours}),
                     .duration = {milliseconds(120)},
                     .memory = megabytes{512}};

  evaluator<aws_lambda, aws_fargate> ev;  // platforms chosen at compile time
  ev.config<aws_lambda>().billing.arch = pricing::architecture::arm64;
  const evaluation result = ev.evaluate(api);

  for (const option_result& o : result.options)
    std::printf("%-12s %s\n", o.platform.c_str(), to_string(o.cost.total()).c_str());
  std::printf("-> %s on %s\n", std::string(to_string(result.advice.kind)).c_str(), result.advice.platform.c_str());
}
