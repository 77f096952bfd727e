// The article's six criteria and the platform traits they read. Expected figures are derived by hand
// from the stated assumptions (criteria::assumptions, docs/criteria.md) and docs/pricing.md.

#include <doctest/doctest.h>

#include <runwise/runwise.hpp>
#include <runwise/decide/cheapest.hpp>
#include <runwise/decide/topsis.hpp>
#include <runwise/providers.hpp>

using namespace runwise;

namespace {
/// A platform that declares no traits: the criteria fall back to default_traits(kind), which needs
/// only the kind.
struct bare_containers {
  static constexpr platform_kind kind = platform_kind::containers;
};

workload steady(double per_second, double duration_ms, double memory_mb) {
  return {.name = "steady",
          .traffic = make_traffic(per_second, hours(730), seconds{60}),
          .duration = {milliseconds(duration_ms)},
          .memory = megabytes{memory_mb}};
}

double score_of(const option_result& o, std::string_view criterion) {
  for (const auto& [name, s] : o.scores)
    if (name == criterion) return s;
  throw std::runtime_error("no score " + std::string(criterion));
}
const std::string& evidence_of(const option_result& o, std::string_view criterion) {
  for (const auto& [name, s] : o.evidence)
    if (name == criterion) return s;
  throw std::runtime_error("no evidence " + std::string(criterion));
}
const option_result& option(const evaluation& e, std::string_view id) {
  for (const auto& o : e.options)
    if (o.platform == id) return o;
  throw std::runtime_error("no option " + std::string(id));
}
}  // namespace

static_assert(criteria::criterion<criteria::cost> && criteria::criterion<criteria::maintenance> &&
              criteria::criterion<criteria::control> && criteria::criterion<criteria::scalability> &&
              criteria::criterion<criteria::testing> && criteria::criterion<criteria::deployment_time>);
static_assert(!criteria::criterion<int>);
static_assert(decision_policy<decide::weighted_sum> && decision_policy<decide::topsis>);
// Traits: declared by each AWS platform, derived from the kind for one that declares none.
static_assert(traits_of<aws_lambda>().runs_on == hosting::functions);
static_assert(traits_of<aws_fargate>().runs_on == hosting::managed_containers &&
              traits_of<aws_fargate>().orchestrator == orchestration::ecs);
static_assert(traits_of<aws_ecs_ec2>().runs_on == hosting::instances && traits_of<aws_ecs_ec2>().gpu);
static_assert(traits_of<aws_eks_ec2>().orchestrator == orchestration::kubernetes);
static_assert(traits_of<aws_eks_fargate>().orchestrator == orchestration::kubernetes &&
              !traits_of<aws_eks_fargate>().gpu);
static_assert(traits_of<bare_containers>().runs_on == hosting::managed_containers &&
              traits_of<bare_containers>().own_os_image && !traits_of<bare_containers>().own_kernel);
static_assert(default_traits(platform_kind::serverless).runs_on == hosting::functions);

TEST_CASE("maintenance: ops hours follow managed functions < Fargate < EC2-backed ECS < EKS") {
  const criteria::assumptions a;
  // functions 2; managed containers 6; instances 16; Kubernetes adds 12.
  CHECK(a.monthly_ops_hours(traits_of<aws_lambda>()) == 2);
  CHECK(a.monthly_ops_hours(traits_of<aws_fargate>()) == 6);
  CHECK(a.monthly_ops_hours(traits_of<aws_ecs_ec2>()) == 16);
  CHECK(a.monthly_ops_hours(traits_of<aws_eks_fargate>()) == 18);
  CHECK(a.monthly_ops_hours(traits_of<aws_eks_ec2>()) == 28);
}

TEST_CASE("deployment time: amortised setup plus deploys × minutes, overridable") {
  criteria::assumptions a;
  // Lambda: 4 h / 12 + 20 × 2 min = 1 h a month; Fargate: 16 / 12 + 20 × 6 / 60 = 3.33 h;
  // EKS on EC2: (24 + 16) / 12 + 20 × 7 / 60 = 5.67 h.
  CHECK(a.monthly_deploy_hours(traits_of<aws_lambda>(), 20) == doctest::Approx(1.0));
  CHECK(a.monthly_deploy_hours(traits_of<aws_fargate>(), 20) == doctest::Approx(16.0 / 12 + 2));
  CHECK(a.monthly_deploy_hours(traits_of<aws_eks_ec2>(), 20) == doctest::Approx(40.0 / 12 + 140.0 / 60));
  a.deploy_minutes.functions = 10;
  CHECK(a.monthly_deploy_hours(traits_of<aws_lambda>(), 6) == doctest::Approx(4.0 / 12 + 1));
}

TEST_CASE("control: capabilities of seven, halved per unmet need") {
  // Lambda none: 0.2; Fargate 4 (image, long-running, state, connections): 0.2 + 0.8 × 4/7;
  // ECS on EC2 6 (+ kernel, GPU); EKS on EC2 all 7: 1.
  CHECK(criteria::control::capability_score(traits_of<aws_lambda>()) == doctest::Approx(0.2));
  CHECK(criteria::control::capability_score(traits_of<aws_fargate>()) == doctest::Approx(0.2 + 0.8 * 4 / 7));
  CHECK(criteria::control::capability_score(traits_of<aws_ecs_ec2>()) == doctest::Approx(0.2 + 0.8 * 6 / 7));
  CHECK(criteria::control::capability_score(traits_of<aws_eks_ec2>()) == doctest::Approx(1.0));

  workload w = steady(1, 100, 512);
  w.needs.stateful = true;
  w.needs.persistent_connections = true;
  const evaluation e = evaluator<aws_lambda, aws_fargate>{}.evaluate(w);
  // Two needs Lambda cannot meet: 0.2 × 0.5 × 0.5.
  CHECK(score_of(option(e, "aws_lambda"), "control") == doctest::Approx(0.05));
  CHECK(evidence_of(option(e, "aws_lambda"), "control")
            .find("cannot give state kept in process, persistent connections") != std::string::npos);
  CHECK(evidence_of(option(e, "aws_fargate"), "control").find("meets the workload's need for state kept in process") !=
        std::string::npos);
}

TEST_CASE("testing: an image runs the same locally, functions are emulated") {
  CHECK(criteria::testing::local_score(traits_of<aws_lambda>()) == 0.5);
  CHECK(criteria::testing::local_score(traits_of<aws_eks_fargate>()) == 1.0);
}

TEST_CASE("cost and scalability are measured on the simulated traffic") {
  // 1 request/s of 1 s at 512 MB: Lambda 2,628,000 × ($0.20/M + 0.5 GB-s × $0.0000166667) = $0.53 +
  // $21.90 (+ INIT of a few cold starts). One Fargate task (0.25 vCPU / 0.5 GB) serves 1 request/s:
  // ceil(1 / 0.7) = 2 tasks × $9.01 = $18.02, so Fargate is cheaper: cost score 18.02 / 22.43.
  const evaluation e = evaluator<aws_lambda, aws_fargate>{}.evaluate(steady(1, 1000, 512));
  const option_result& lambda = option(e, "aws_lambda");
  const option_result& fargate = option(e, "aws_fargate");
  CHECK(score_of(fargate, "cost") == 1.0);
  CHECK(score_of(lambda, "cost") == doctest::Approx(18.02 / 22.43).epsilon(2e-3));
  CHECK(evidence_of(fargate, "cost").find("it bills 2 tasks around the clock, busy 50% of the time") !=
        std::string::npos);
  // A fixed fleet that keeps up keeps 0.8 (it will not grow); Lambda, nothing throttled: 1.
  CHECK(score_of(fargate, "scalability") == doctest::Approx(0.8));
  CHECK(score_of(lambda, "scalability") == 1.0);
  CHECK(evidence_of(fargate, "scalability").find("pre-determined 2 tasks") != std::string::npos);
}

TEST_CASE("a latency objective that a cold start breaks costs Lambda scalability") {
  // Poisson arrivals, one per 20 minutes on average: a request finds no other within the 600 s
  // keep-alive before it with probability e^-0.5 = 0.61, so most start cold.
  workload w = steady(1.0 / 1200, 100, 512);
  w.needs.max_latency_ms = 200;  // INIT 253 ms + 100 ms > 200 ms
  const evaluation e = evaluator<aws_lambda, aws_fargate>{}.evaluate(w);
  const option_result& lambda = option(e, "aws_lambda");
  CHECK(lambda.use.cold_start_rate() > 0.5);
  CHECK(score_of(lambda, "scalability") == 0.0);  // more than 10% missed
  CHECK(evidence_of(lambda, "scalability").find("exceed the 200 ms objective (253 ms INIT + 100 ms)") !=
        std::string::npos);
}

TEST_CASE("TCO: with ops_hourly_usd the operations line enters the cost") {
  workload w = steady(1, 1000, 512);
  w.needs.ops_hourly_usd = 100;
  const evaluation e = evaluator<aws_lambda, aws_fargate, aws_eks_ec2>{}.evaluate(w);
  // 730 h is one month: Lambda 2 h, Fargate 6 h, EKS on EC2 28 h × $100.
  CHECK(option(e, "aws_lambda").cost["operations"].value() == doctest::Approx(200));
  CHECK(option(e, "aws_fargate").cost["operations"].value() == doctest::Approx(600));
  CHECK(option(e, "aws_eks_ec2").cost["operations"].value() == doctest::Approx(2800));
  // Fargate's $18.02 becomes $618.02, more than Lambda's $222.43: serverless wins on cost now.
  CHECK(detail::to_cents(option(e, "aws_fargate").cost.total().value()) == 61802);
  CHECK(score_of(option(e, "aws_lambda"), "cost") == 1.0);
  CHECK(evidence_of(option(e, "aws_fargate"), "maintenance").find("$600.00 at $100.00/h") != std::string::npos);
}
