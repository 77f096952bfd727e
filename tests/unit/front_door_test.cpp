// Front doors against docs/pricing.md's published prices (AWS whitepaper and pricing pages).
#include <doctest/doctest.h>

#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

using namespace runwise;
using pricing::aws::aws_front_door;
using pricing::aws::front_door;

namespace {
cost_breakdown door(front_door kind, double count, double payload_kb = 6, seconds duration = milliseconds(200),
                    bool lambda_targets = false) {
  const pricing::front_door_input in{
      .total = requests{count}, .horizon = hours(730), .payload_kb = payload_kb, .duration = duration};
  if (lambda_targets) return aws_front_door<true>::bill({.kind = kind}, in);
  return aws_front_door<false>::bill({.kind = kind}, in);
}
}  // namespace

TEST_CASE("API Gateway REST: $3.50 per million for the first 333 M, $2.80 beyond") {
  CHECK(door(front_door::api_gateway_rest, 1e6)["api_gateway"].value() == doctest::Approx(3.50));
  CHECK(door(front_door::api_gateway_rest, 400e6)["api_gateway"].value() == doctest::Approx(333 * 3.50 + 67 * 2.80));
  // 21 B requests: 333 M + 667 M + 19 B in the first three tiers, 1 B at $1.51.
  CHECK(door(front_door::api_gateway_rest, 21e9)["api_gateway"].value() ==
        doctest::Approx(333 * 3.50 + 667 * 2.80 + 19'000 * 2.38 + 1'000 * 1.51));
}

TEST_CASE("API Gateway HTTP: $1.00 per million, metered in 512 KB increments") {
  CHECK(door(front_door::api_gateway_http, 1e6, 6)["api_gateway"].value() == doctest::Approx(1.00));
  CHECK(door(front_door::api_gateway_http, 1e6, 512)["api_gateway"].value() == doctest::Approx(1.00));
  CHECK(door(front_door::api_gateway_http, 1e6, 600)["api_gateway"].value() == doctest::Approx(2.00));
  CHECK(door(front_door::api_gateway_http, 1e6, 1024)["api_gateway"].value() == doctest::Approx(2.00));
  // $0.90 per million after 300 M.
  CHECK(door(front_door::api_gateway_http, 400e6)["api_gateway"].value() == doctest::Approx(300 + 100 * 0.90));
}

TEST_CASE("ALB: $0.0225 an hour plus $0.008 per LCU-hour, an LCU being the largest dimension") {
  // 100 requests/s, one new connection each: 4 LCU of new connections (25/s each) beats
  // 6 KB × 360,000 requests = 2.06 GB/h and 100 × 0.2 s = 20 active connections.
  const double requests_per_month = 100.0 * hours(730).value();
  const auto alb = door(front_door::alb, requests_per_month);
  CHECK(alb["alb_hours"].value() == doctest::Approx(730 * 0.0225));
  CHECK(alb["alb_lcu"].value() == doctest::Approx(730 * 4 * 0.008));
  // 512 KB per request: processed bytes dominate, at 1 GB/h per LCU for EC2 targets and 0.4 for Lambda.
  const double gb_per_hour = 360'000.0 * 512 / (1024 * 1024);
  CHECK(door(front_door::alb, requests_per_month, 512)["alb_lcu"].value() ==
        doctest::Approx(730 * gb_per_hour * 0.008));
  CHECK(door(front_door::alb, requests_per_month, 512, milliseconds(200), true)["alb_lcu"].value() ==
        doctest::Approx(730 * gb_per_hour / 0.4 * 0.008));
}

TEST_CASE("a function URL and no front door cost nothing") {
  CHECK(door(front_door::function_url, 1e9, 6, milliseconds(200), true).size() == 0);
  CHECK(door(front_door::none, 1e9).size() == 0);
}

TEST_CASE("a platform's front door is its own line item on the same traffic") {
  evaluator<aws_lambda, aws_fargate> ev;
  ev.config<aws_lambda>().entry.kind = front_door::api_gateway_rest;
  ev.config<aws_fargate>().entry.kind = front_door::alb;
  const workload w{.traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60}),
                   .duration = {milliseconds(100)},
                   .memory = megabytes{128}};
  const evaluation e = ev.evaluate(w);
  for (const auto& o : e.options) {
    if (o.platform == "aws_lambda") CHECK(o.cost["api_gateway"].value() == doctest::Approx(3 * 3.50));
    if (o.platform == "aws_fargate") CHECK(o.cost["alb_hours"].value() == doctest::Approx(730 * 0.0225));
  }
}
