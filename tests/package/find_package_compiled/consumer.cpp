// A program in the separately compiled mode: the evaluation's code comes from librunwise_compiled.
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

#ifndef RUNWISE_SEPARATE_COMPILATION
#error "runwise::compiled should define RUNWISE_SEPARATE_COMPILATION"
#endif

#include <cmath>
#include <cstdio>

int main() {
  // AWS's archived Lambda pricing-page example as a month of minutes: 3,000,000 requests of 1 s at
  // 512 MB, free tier on, $0.00001667 per GB-s → $18.74 (tests/unit/evaluator_test.cpp).
  using namespace runwise;
  evaluator<aws_lambda, aws_fargate> ev;
  ev.config<aws_lambda>().billing.free_tier = true;
  ev.config<aws_lambda>().billing.prices.per_gb_second = {0.00001667};
  const workload w{.traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60}),
                   .duration = {milliseconds(1000)},
                   .memory = megabytes{512}};
  const evaluation e = ev.evaluate(w);
  const double lambda = e.options.front().platform == "aws_lambda" ? e.options.front().cost.total().value()
                                                                   : e.options.back().cost.total().value();
  std::printf("aws_lambda $%.2f -> %s\n", lambda, e.advice.platform.c_str());
  return std::lround(lambda * 100) == 1874 ? 0 : 1;
}
