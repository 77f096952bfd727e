#include <doctest/doctest.h>

#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

using namespace runwise;

TEST_CASE("break_even_scale finds where a difference changes sign") {
  CHECK(*analyze::break_even_scale([](double k) { return 2 * k - 10; }) == doctest::Approx(5).epsilon(1e-8));
  CHECK(*analyze::break_even_scale([](double k) { return 3 - k * k; }) ==
        doctest::Approx(std::sqrt(3.0)).epsilon(1e-8));
  CHECK_FALSE(analyze::break_even_scale([](double k) { return k + 1; }));
}

TEST_CASE("break_even_scale: a few evaluations past the scan for linear costs, bisection's pace for a step") {
  // Lambda-like linear cost against a flat fleet: the scan reaches the bracket around 5 at its 52nd
  // point (10^(-6 + 12 × 52 / 96) = 6.5); false position then lands on the root within rounding.
  int calls = 0;
  const auto linear = analyze::break_even_scale([&](double k) { return ++calls, 2 * k - 10; });
  CHECK(*linear == doctest::Approx(5).epsilon(1e-9));
  CHECK(calls <= 53 + 6);
  // A container count that jumps at 5 (the difference changes sign by a step, not through 0):
  // Illinois still closes the bracket to 1e-9, at about bisection's pace (log2(1.33 / 1e-9) ≈ 30).
  calls = 0;
  const auto step = analyze::break_even_scale([&](double k) { return ++calls, k < 5 ? -1.0 : 1.0; });
  CHECK(*step == doctest::Approx(5).epsilon(1e-8));
  CHECK(calls <= 53 + 70);
}

TEST_CASE("Lambda and one Fargate task cost the same at $36.04 / per-request Lambda cost") {
  // One 1 vCPU / 2 GB task costs $36.04 a month (docs/pricing.md). A 1 s, 512 MB Lambda request costs
  // 0.5 GB-s × $0.0000166667 + $0.0000002 (docs/pricing.md), so they meet at 36.0401 / 8.53335e-6 ≈ 4.22 M requests a month.
  // The task serves two requests at once, 2 per second or 5.256 M a month, so it keeps up at the
  // crossing (a break-even counts only where both options keep up: trustworthy_figures_test.cpp
  // has the one-at-a-time task that cannot).
  evaluator<aws_lambda, aws_fargate> ev;
  ev.config<aws_fargate>().billing.task = {1, 2};
  ev.config<aws_fargate>().capacity.tasks = 1;
  const workload w{.traffic = make_traffic(1.0, hours(730), seconds{60}),
                   .duration = {milliseconds(1000)},
                   .memory = megabytes{512},
                   .concurrency_per_instance = 2};
  const evaluation e = ev.evaluate(w);
  REQUIRE(e.break_even.size() == 1);
  CHECK(e.break_even[0].serverless == "aws_lambda");
  CHECK(e.break_even[0].containers == "aws_fargate");
  const double expected = 730 * (0.04048 + 2 * 0.004445) / (0.5 * 0.0000166667 + 0.2 / 1e6);
  REQUIRE(e.break_even[0].requests_per_month);
  CHECK(*e.break_even[0].requests_per_month == doctest::Approx(expected).epsilon(1e-6));
}
