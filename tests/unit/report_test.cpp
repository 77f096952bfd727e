#include <doctest/doctest.h>

#include <runwise/report.hpp>
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

using namespace runwise;

TEST_CASE("the text report shows each option's bill, the recommendation and the break-even") {
  evaluator<aws_lambda, aws_fargate> ev;
  ev.config<aws_lambda>().billing.free_tier = true;
  ev.config<aws_lambda>().billing.prices.per_gb_second = {0.00001667};
  ev.config<aws_fargate>().billing.task = {1, 2};
  ev.config<aws_fargate>().capacity.tasks = 1;
  const workload w{.name = "orders-api",
                   .traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60}),
                   .duration = {milliseconds(1000)},
                   .memory = megabytes{512}};
  const std::string text = report::text(ev.evaluate(w));
  CHECK(text.find("orders-api") != std::string::npos);
  CHECK(text.find("3,000,000 requests") != std::string::npos);
  CHECK(text.find("$18.74") != std::string::npos);  // AWS's archived example
  CHECK(text.find("$36.04") != std::string::npos);  // docs/pricing.md Fargate month
  CHECK(text.find("requests $0.40, compute $18.34") != std::string::npos);
  CHECK(text.find("Recommendation: serverless on aws_lambda") != std::string::npos);
  CHECK(text.find("aws_lambda = aws_fargate: ") != std::string::npos);
}
