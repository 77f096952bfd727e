// Sensitivity and Monte Carlo of an application (analyze/application_uncertainty.hpp), and the
// default Monte Carlo inputs. Expected figures are derived by hand from docs/pricing.md (t3.medium
// $0.0416/h; Lambda $0.20 per million requests and $0.0000166667 per GB-s on x86_64).
#include <doctest/doctest.h>

#include <runwise/analyze/application_uncertainty.hpp>
#include <runwise/application.hpp>

#include <string>
#include <vector>

using namespace runwise;

namespace {
/// 10 M requests a month of 100 ms at 1,024 MB, no INIT: on Lambda 10 × $0.20 + 1,000,000 GB-s ×
/// $0.0000166667 = $18.6667; one t3.medium on ECS (three 1,024 MiB tasks fit its 3,992.5 MiB) is
/// 730 h × $0.0416 = $30.368, and both components share that one node.
workload ten_million(const std::string& name) {
  return {.name = name,
          .traffic = make_traffic(1e7 / (730 * 3600.0), hours(730), seconds{60}),
          .duration = {milliseconds(100)},
          .init = seconds{0},
          .memory = megabytes{1024},
          .cpu = vcpu{0.25}};
}
}  // namespace

TEST_CASE("without inputs, Monte Carlo assumes traffic x0.5 to x2 (triangular) and prices +/-10% (uniform)") {
  const std::vector<selected_platform> platforms{select<aws_lambda>({}), select<aws_fargate>({})};
  std::vector<std::string> described;
  const analyze::uncertain_inputs in = analyze::default_uncertain_inputs(platforms, &described);
  CHECK(in.traffic.kind == analyze::distribution_kind::triangular);
  CHECK(in.traffic.low == 0.5);
  CHECK(in.traffic.mode == 1);
  CHECK(in.traffic.high == 2);
  REQUIRE(in.prices.size() == 2);
  CHECK(in.prices[1].first == "aws_fargate");
  CHECK(in.prices[1].second.kind == analyze::distribution_kind::uniform);
  CHECK(in.prices[1].second.low == doctest::Approx(0.9));
  CHECK(in.prices[1].second.high == doctest::Approx(1.1));
  CHECK_FALSE(in.duration_ms);
  CHECK_FALSE(in.memory_mb);
  CHECK(described.size() == 2);
  CHECK_NOTHROW(in.validate(platforms));
}

TEST_CASE("an application's Monte Carlo prices its placement with shared costs once, per draw") {
  const application app{.name = "pair", .components = {{ten_million("a")}, {ten_million("b")}}};
  const std::vector<selected_platform> platforms{select<aws_lambda>({}), select<aws_ecs_ec2>({})};
  const application_evaluation placed = evaluate_application(app, platforms);
  REQUIRE(placed.components[0].platform == "aws_ecs_ec2");
  REQUIRE(placed.components[1].platform == "aws_ecs_ec2");

  // ECS prices at x0.8 (uniform on 0.7999..0.8001), traffic fixed: the shared node costs
  // 0.8 × $30.368 = $24.2944 in every draw (± 0.0001 × $30.368 = $0.003), not twice that.
  analyze::uncertain_inputs in;
  in.prices = {{"aws_ecs_ec2", analyze::distribution::uniform(0.7999, 0.8001)}};
  const auto u = analyze::monte_carlo_application(app, placed, platforms, in, {}, {.draws = 50, .seed = 2});
  CHECK(u.p_feasible == 1);
  CHECK(u.p5_usd == doctest::Approx(24.2944).epsilon(1.5e-4));
  CHECK(u.p95_usd == doctest::Approx(24.2944).epsilon(1.5e-4));
  REQUIRE(u.components.size() == 2);
  CHECK(u.components[0].first == "a");
  // Each component alone: Lambda $18.6667 against a whole node at $24.2944, so Lambda is cheapest.
  CHECK(u.components[0].second.options[0].platform == "aws_lambda");
  CHECK(u.components[0].second.options[0].p_cheapest == 1);

  // Traffic x2 in every draw (triangular 1.9999..2.0001): the total is the placement's total for the
  // application with twice the traffic, evaluated from scratch (the same placement: both on ECS).
  analyze::uncertain_inputs twice;
  twice.traffic = analyze::distribution::triangular(1.9999, 2, 2.0001);
  const auto t = analyze::monte_carlo_application(app, placed, platforms, twice, {}, {.draws = 20});
  application doubled = app;
  for (auto& c : doubled.components) c.work.traffic = c.work.traffic.scaled(2);
  const application_evaluation again = evaluate_application(doubled, platforms);
  REQUIRE(again.components[0].platform == "aws_ecs_ec2");
  REQUIRE(again.components[1].platform == "aws_ecs_ec2");
  CHECK(t.p5_usd == doctest::Approx(again.total.value()).epsilon(1e-3));
  CHECK(t.p95_usd == doctest::Approx(again.total.value()).epsilon(1e-3));

  analyze::uncertain_inputs duration;
  duration.duration_ms = analyze::distribution::uniform(50, 150);
  CHECK_THROWS_WITH(analyze::monte_carlo_application(app, placed, platforms, duration),
                    doctest::Contains("uncertainty.inputs.duration_ms"));
}

TEST_CASE("an application's sensitivity sweeps each component on its own") {
  const application app{.name = "pair", .components = {{ten_million("a")}, {ten_million("b")}}};
  const auto sweeps = analyze::application_sensitivity(app, {select<aws_lambda>({}), select<aws_ecs_ec2>({})});
  REQUIRE(sweeps.size() == 2);
  CHECK(sweeps[1].component == "b");
  // Alone, each is cheaper on Lambda ($18.6667 against $30.368) and better on the other criteria too.
  CHECK(sweeps[0].report.verdict == "aws_lambda");
  CHECK(sweeps[1].report.verdict == "aws_lambda");
}
