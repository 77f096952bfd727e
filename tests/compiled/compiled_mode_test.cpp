// The separately compiled mode (runwise::compiled): this file is compiled with
// RUNWISE_SEPARATE_COMPILATION, so <runwise/runwise.hpp> declares the heavy templates extern and
// their code comes from the library. The evaluations must be those of the header-only mode: the
// figures below are the hand-derived ones tests/unit checks in header-only mode (derivations
// repeated here from docs/pricing.md), through every compiled entry point: the evaluator with each of the
// three decision policies, the registry (select, evaluate_selected, reprice), make_traffic and the
// workload check. tests/unit/evaluator_test.cpp is compiled into the same program too (its
// tests run again, their names ending "(compiled mode)").
#include <doctest/doctest.h>

#include <runwise/runwise.hpp>
#include <runwise/decide/cheapest.hpp>
#include <runwise/decide/topsis.hpp>
#include <runwise/providers.hpp>

#ifndef RUNWISE_SEPARATE_COMPILATION
#error "this test is the separately compiled mode: link runwise::compiled, which defines RUNWISE_SEPARATE_COMPILATION"
#endif

#include <string>
#include <string_view>
#include <vector>

#include "../unit/archived_example.hpp"

using namespace runwise;
using namespace runwise::testing;

namespace {
bool says(const recommendation& r, std::string_view phrase) {
  for (const auto& why : r.reasons)
    if (why.find(phrase) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("Lambda and the task break even at $36.04 / the per-request Lambda cost") {
  // A 1 s, 512 MB request costs 0.5 GB-s × $0.0000166667 + $0.0000002: 36.0401 / 8.53335e-6 ≈ 4.22 M.
  // The task serves two requests at once (5.256 M a month), so it keeps up at the crossing: a
  // break-even counts only where both options keep up.
  evaluator<aws_lambda, aws_fargate> ev;
  ev.config<aws_fargate>().billing.task = {1, 2};
  ev.config<aws_fargate>().capacity.tasks = 1;
  const evaluation e = ev.evaluate({.traffic = make_traffic(1.0, hours(730), seconds{60}),
                                    .duration = {milliseconds(1000)},
                                    .memory = megabytes{512},
                                    .concurrency_per_instance = 2});
  REQUIRE(e.break_even.size() == 1);
  REQUIRE(e.break_even[0].requests_per_month);
  const double expected = 730 * (0.04048 + 2 * 0.004445) / (0.5 * 0.0000166667 + 0.2 / 1e6);
  CHECK(*e.break_even[0].requests_per_month == doctest::Approx(expected).epsilon(1e-6));
}

TEST_CASE("300 requests/s all month go to ECS on EC2, and Lambda costs $814.68") {
  // Lambda: 788.4 M requests × $0.20/M = $157.68, + 788.4 M × 0.1 s × 0.5 GB × $0.0000166667 = $657.00.
  const workload w{.name = "ingest",
                   .traffic = make_traffic(300, hours(730), seconds{60}),
                   .duration = {milliseconds(100)},
                   .memory = megabytes{512},
                   .cpu = vcpu{0.25}};
  const evaluation e = evaluator<aws_lambda, aws_fargate, aws_ecs_ec2, aws_eks_ec2, aws_eks_fargate>{}.evaluate(w);
  CHECK(cents(option(e, "aws_lambda").cost.total()) == 81468);
  CHECK(e.advice.kind == choice::containers);
  CHECK(e.advice.platform == "aws_ecs_ec2");
  REQUIRE(e.hosting);
  CHECK(e.hosting->runs_on == hosting::instances);
  CHECK(e.hosting->orchestrator == orchestration::ecs);
}

TEST_CASE("TOPSIS ranks a task that cannot keep up after Lambda") {
  // One task of 0.25 vCPU serves 1 / 0.1 s = 10 requests/s against 300 arriving.
  const workload w{.traffic = make_traffic(300, hours(730), seconds{60}),
                   .duration = {milliseconds(100)},
                   .memory = megabytes{512},
                   .cpu = vcpu{0.25}};
  evaluator<aws_lambda, aws_fargate, decide::topsis> small;
  small.config<aws_fargate>().capacity.tasks = 1;
  const evaluation e = small.evaluate(w);
  CHECK(e.advice.reasons[0].find("TOPSIS closeness") != std::string::npos);
  CHECK(e.advice.platform == "aws_lambda");
  CHECK(says(e.advice, "aws_fargate cannot keep up"));
}

TEST_CASE("platforms chosen by id, and a price-only change repriced without simulating") {
  std::vector<selected_platform> chosen;
  for (std::string_view id : {"aws_lambda", "azure_container_apps"})
    chosen.push_back(catalog_registry::visit(*catalog_registry::find(id), []<class P>() { return select<P>({}); }));
  // Container Apps, 3 M requests of 1 s at 0.5 vCPU / 1 GiB, 10 per replica: one replica all month,
  // 2,628,000 s × (0.5 × $0.000024 + 1 × $0.000003) = $39.42, + 3 M × $0.40/M = $1.20.
  const workload w{.traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60}),
                   .duration = {milliseconds(1000)},
                   .memory = megabytes{1024},
                   .cpu = vcpu{0.5},
                   .concurrency_per_instance = 10};
  const evaluation e = evaluate_selected<decide::cheapest>(w, chosen);
  CHECK(cents(option(e, "azure_container_apps").cost.total()) == 4062);
  // Lambda: 3 M × $0.20/M + 3 M GB-s × $0.0000166667 = $0.60 + $50.00 = $50.60; Container Apps is cheaper.
  CHECK(cents(option(e, "aws_lambda").cost.total()) == 5060);
  CHECK(e.advice.platform == "azure_container_apps");
  // Half the prices: half the bill, from the same usage.
  const option_result& lambda = option(e, "aws_lambda");
  CHECK(cents(chosen[0].run_priced(w, 0.5, &lambda).cost.total()) == 2530);
}

TEST_CASE("bad input is still an error naming the field") {
  CHECK_THROWS_WITH_AS(make_traffic(-1, hours(730), seconds{60}), doctest::Contains("traffic.requests_per_second"),
                       runwise::error);
  workload bad = archived_example();
  bad.memory = megabytes{-5};
  CHECK_THROWS_WITH_AS((void)evaluator<aws_lambda>{}.evaluate(bad), doctest::Contains("workload.memory_mb"),
                       runwise::error);
}
