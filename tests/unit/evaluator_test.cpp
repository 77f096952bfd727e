#include <doctest/doctest.h>

#include <runwise/runwise.hpp>
#include <runwise/decide/cheapest.hpp>
#include <runwise/decide/topsis.hpp>
#include <runwise/providers.hpp>

#include "archived_example.hpp"

using namespace runwise;
using namespace runwise::testing;

namespace {
/// A decision policy that always prefers containers: proves the decision slot is a real policy.
struct prefer_containers {
  static recommendation decide(std::vector<option_result>& options, const decision_context&) {
    for (auto& o : options) o.score = o.kind == platform_kind::containers ? 1.0 : 0.0;
    std::stable_sort(options.begin(), options.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    return {choice::containers, options.front().platform, {"containers, always"}};
  }
};
}  // namespace

static_assert(platform<aws_lambda>);
static_assert(platform<aws_fargate>);
static_assert(platform<gcp_cloud_run>);
static_assert(platform<azure_functions>);
static_assert(platform<azure_container_apps>);
static_assert(!platform<int>);
static_assert(decision_policy<decide::cheapest>);
static_assert(decision_policy<prefer_containers>);
static_assert(catalog_registry::size == 8);  // every platform id of the CLI
static_assert(catalog_registry::find("aws_fargate") == 1);
static_assert(!catalog_registry::find("aws_lambada"));

TEST_CASE("the trace-driven path reproduces AWS's archived example: $18.74") {
  evaluator<aws_lambda, aws_fargate> ev;
  ev.config<aws_lambda>().billing.free_tier = true;
  ev.config<aws_lambda>().billing.prices.per_gb_second = {0.00001667};
  const evaluation e = ev.evaluate(archived_example());
  const option_result& lambda = option(e, "aws_lambda");
  CHECK(cents(lambda.cost.total()) == 1874);
  CHECK(cents(lambda.cost["compute"]) == 1834);
  CHECK(cents(lambda.cost["requests"]) == 40);
  CHECK(lambda.use.arrived.value() == doctest::Approx(3e6));
}

TEST_CASE("one Fargate task of 1 vCPU / 2 GB for the month: $36.04, and cost decides") {
  evaluator<aws_fargate, decide::cheapest, aws_lambda> ev;  // policies in any order
  ev.config<aws_fargate>().billing.task = {1, 2};
  ev.config<aws_fargate>().capacity.tasks = 1;
  const evaluation e = ev.evaluate(archived_example());
  CHECK(cents(option(e, "aws_fargate").cost.total()) == 3604);
  // Without the free tier Lambda costs 3 M × $0.20/M + 1.5 M GB-s × $0.0000166667 = $25.60.
  CHECK(cents(option(e, "aws_lambda").cost.total()) == 2560);
  CHECK(e.options.front().platform == "aws_lambda");
  CHECK(e.advice.kind == choice::serverless);
  CHECK(e.advice.platform == "aws_lambda");
  REQUIRE(!e.advice.reasons.empty());
  CHECK(e.advice.reasons.front().find("ranked by cost") != std::string::npos);
  CHECK(option(e, "aws_lambda").score == 1.0);
  // One task serves 1 request/s; 3 M a month is 1.14/s, so its queue grows all month: its cost
  // score is 25.60 / 36.04 but almost nothing is on time.
  const option_result& fargate = option(e, "aws_fargate");
  CHECK(fargate.scores.front().second == doctest::Approx(25.60 / 36.04).epsilon(1e-3));
  CHECK(fargate.score < 0.01);
  CHECK(fargate.use.served.value() == doctest::Approx(3e6 - 43'800 * (3e6 / 43'800 - 60)));
}

TEST_CASE("a decision policy passed to the evaluator replaces the default") {
  evaluator<aws_lambda, prefer_containers, aws_fargate> ev;
  const evaluation e = ev.evaluate(archived_example());
  CHECK(e.advice.kind == choice::containers);
  CHECK(e.advice.platform == "aws_fargate");
}

TEST_CASE("hard limits rule an option out with a reason, and it is never recommended") {
  workload w = archived_example();
  w.duration = {seconds{20 * 60}};  // 20-minute jobs
  w.traffic = make_traffic(10.0 / hours(730).value(), hours(730), seconds{60});
  const evaluation e = evaluator<aws_lambda, aws_fargate>{}.evaluate(w);
  const option_result& lambda = option(e, "aws_lambda");
  CHECK_FALSE(lambda.feasible);
  REQUIRE(lambda.infeasible_reasons.size() == 1);
  CHECK(lambda.infeasible_reasons[0].find("15 minutes") != std::string::npos);
  CHECK(e.advice.platform == "aws_fargate");
  CHECK(e.options.back().platform == "aws_lambda");

  w.needs.gpu = true;
  const evaluator<aws_lambda, aws_fargate> both;
  CHECK_THROWS_WITH_AS((void)both.evaluate(w),
                       doctest::Contains("platforms: no selected platform can run this workload"), runwise::error);
}

TEST_CASE("an invalid platform setting is an error naming it") {
  evaluator<aws_lambda, aws_fargate> ev;
  ev.config<aws_fargate>().billing.task = {0.25, 4};
  CHECK_THROWS_WITH_AS((void)ev.evaluate(archived_example()),
                       doctest::Contains("aws_fargate.task: 0.25 vCPU with 4 GB"), runwise::error);
  evaluator<aws_lambda> lambda_only;
  lambda_only.config<aws_lambda>().billing.prices.per_request = {-1};
  CHECK_THROWS_WITH_AS((void)lambda_only.evaluate(archived_example()),
                       "aws_lambda.prices.per_request: must not be negative, got -1", runwise::error);
  workload bad = archived_example();
  bad.memory = megabytes{-5};
  CHECK_THROWS_WITH_AS((void)ev.evaluate(bad), doctest::Contains("workload.memory_mb: must be between 1 MB"),
                       runwise::error);
}

TEST_CASE("run-time selection through the registry gives the compile-time evaluator's answer") {
  aws_fargate::config fargate;
  fargate.billing.task = {1, 2};
  fargate.capacity.tasks = 1;
  std::vector<selected_platform> chosen;
  chosen.push_back(
      catalog_registry::visit(*catalog_registry::find("aws_lambda"), []<class P>() { return select<P>({}); }));
  chosen.push_back(select<aws_fargate>(fargate));
  const evaluation dynamic = evaluate_selected(archived_example(), chosen);

  evaluator<aws_lambda, aws_fargate> ev;
  ev.config<aws_fargate>() = fargate;
  const evaluation fixed = ev.evaluate(archived_example());
  REQUIRE(dynamic.options.size() == fixed.options.size());
  for (std::size_t i = 0; i < fixed.options.size(); ++i) {
    CHECK(dynamic.options[i].platform == fixed.options[i].platform);
    CHECK(dynamic.options[i].cost.total().value() == fixed.options[i].cost.total().value());
  }
  CHECK(catalog_registry::id_list() ==
        "aws_lambda, aws_fargate, aws_ecs_ec2, aws_eks_ec2, aws_eks_fargate, gcp_cloud_run, "
        "azure_functions, azure_container_apps");
}
