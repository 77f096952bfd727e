// ECS and EKS on EC2, and EKS on Fargate, against docs/pricing.md and the AWS documents cited in the code.
#include <doctest/doctest.h>

#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

using namespace runwise;
using pricing::aws::ec2_cluster_billing;
namespace orchestrator = simulate::orchestrator;
using ecs = ec2_cluster_billing<orchestrator::ecs>;
using eks = ec2_cluster_billing<orchestrator::eks>;

TEST_CASE("the EKS control plane costs $0.10 an hour: $73.00 for 730 hours, $438 on extended support") {
  CHECK(to_cents(pricing::aws::eks_control_plane_cost(pricing::aws::eks_prices, pricing::aws::eks_support::standard,
                                                      hours(730))) == 7300);
  CHECK(to_cents(pricing::aws::eks_control_plane_cost(pricing::aws::eks_prices, pricing::aws::eks_support::extended,
                                                      hours(730))) == 43800);
}

TEST_CASE(
    "what a node leaves for tasks: ECS registers 7,985 of 8,192 MiB; EKS reserves CPU in tiers and 255 + 11 MiB per "
    "pod") {
  const simulate::node_shape m5_large{2, 8, 29, 0};
  const auto e = orchestrator::ecs::allocatable(m5_large);
  CHECK(e.vcpu == 2);
  CHECK(e.memory_mib == doctest::Approx(7985));  // the ECS documentation's m4.large (8 GiB) example
  const auto k = orchestrator::eks::allocatable(m5_large);
  CHECK(k.vcpu == doctest::Approx(2 - 0.070));  // 6% of the first core + 1% of the second: "cpu: 70m" on m5.large
  CHECK(k.memory_mib == doctest::Approx(8192 - (255 + 11 * 29) - 100));
  CHECK(k.pods == 29);
}

TEST_CASE("first-fit decreasing packs the textbook example into four bins") {
  // Items 5, 7, 5, 2, 4, 2, 5, 1, 6 into bins of 10: sorted 7,6,5,5,5,4,2,2,1 → {7,2,1}, {6,4}, {5,5}, {5,2}.
  std::vector<simulate::resources> items;
  for (double m : {5, 7, 5, 2, 4, 2, 5, 1, 6}) items.push_back({0, m, 0, 0});
  CHECK(simulate::first_fit_decreasing(items, {1, 10, 100, 0}) == 4);
  CHECK(simulate::first_fit_decreasing({{1, 11, 1, 0}}, {1, 10, 100, 0}) == 0);  // does not fit at all
}

TEST_CASE("tasks that fit two per instance use half the instances of tasks that fit one") {
  const task_run month[] = {{seconds{0}, hours(730), 4}};
  const ecs::config on_m5{.instance = 1};  // m5.large: 2 vCPU, 7,985 MiB for tasks
  const auto two_per_node = ecs::bill(on_m5, {.runs = month, .task = {1, 3000, 1, 0}});  // 2 fit
  const auto one_per_node = ecs::bill(on_m5, {.runs = month, .task = {1, 4500, 1, 0}});  // 1 fits
  CHECK(two_per_node["instances"].value() == doctest::Approx(2 * 730 * 0.096));
  CHECK(one_per_node["instances"].value() == doctest::Approx(4 * 730 * 0.096));
  CHECK(two_per_node.size() == 1);  // ECS has no control-plane fee
  CHECK(eks::bill({.instance = 1}, {.runs = month, .task = {1, 3000, 1, 0}})["control_plane"].value() ==
        doctest::Approx(73));
}

TEST_CASE("nodes follow the task count over time, and the cheapest fitting type is chosen") {
  // Four 1-vCPU tasks for an hour, then two for an hour, two per m5.large: 2 nodes, then 1.
  const task_run runs[] = {{seconds{0}, hours(2), 2}, {seconds{0}, hours(1), 2}};
  CHECK(ecs::bill({.instance = 1}, {.runs = runs, .task = {1, 3000, 1, 0}})["instances"].value() ==
        doctest::Approx(3 * 0.096));
  // Automatic choice for small x86 tasks: t3.medium ($0.0416) beats m5.large and c5.large.
  const task_run month[] = {{seconds{0}, hours(730), 1}};
  CHECK(ecs::choose_instance({}, {.runs = month, .task = {0.25, 512, 1, 0}}) == 0);
  // arm64: c6g.medium ($0.034) for a task that fits in 1 vCPU / 2 GiB.
  CHECK(ecs::choose_instance({.arch = pricing::architecture::arm64}, {.runs = month, .task = {0.5, 1024, 1, 0}}) == 5);
  // A GPU task goes to g5.xlarge.
  CHECK(ecs::choose_instance({}, {.runs = month, .task = {1, 4096, 1, 1}}) == 6);
}

TEST_CASE("Spot or reserved capacity takes the discount you get, and asks for it") {
  const task_run month[] = {{seconds{0}, hours(730), 1}};
  const ecs::config spot{.instance = 1, .purchase = pricing::aws::ec2_purchase::spot, .discount = 0.6};
  CHECK(ecs::bill(spot, {.runs = month, .task = {1, 1024, 1, 0}})["instances"].value() ==
        doctest::Approx(730 * 0.096 * 0.4));
  const ecs::config no_discount{.purchase = pricing::aws::ec2_purchase::spot};
  CHECK_THROWS_WITH_AS(no_discount.validate("p"), doctest::Contains("p.discount: give the discount"), runwise::error);
}

TEST_CASE("EKS on Fargate: a 1 vCPU / 8 GB pod runs on 2 vCPU / 9 GB, plus the control plane") {
  // EKS User Guide: Fargate adds 256 MB to the pod and rounds up to the next valid size.
  constexpr auto pod = pricing::aws::eks_fargate_pod_size(1, 8);
  static_assert(pod.vcpu == 2 && pod.memory_gb == 9);
  static_assert(pricing::aws::eks_fargate_pod_size(0, 0).vcpu == 0.25);
  static_assert(pricing::aws::eks_fargate_pod_size(0.25, 0.5).memory_gb == 1);  // 0.5 GB + 256 MB → 1 GB
  aws_eks_fargate::config c;
  c.capacity.tasks = 1;
  const auto bill = aws_eks_fargate::quote({.requests_per_month = 1e5, .memory = megabytes{8192}, .cpu = vcpu{1}}, c);
  CHECK(bill.total().value() == doctest::Approx(730 * (2 * 0.04048 + 9 * 0.004445) + 73));
}

TEST_CASE("every AWS container platform evaluates the same workload") {
  const workload w{
      .traffic = make_traffic(10, hours(730), seconds{60}), .duration = {milliseconds(100)}, .memory = megabytes{512}};
  const evaluation e = evaluator<aws_fargate, aws_ecs_ec2, aws_eks_ec2, aws_eks_fargate, aws_lambda>{}.evaluate(w);
  REQUIRE(e.options.size() == 5);
  for (const auto& o : e.options) {
    CAPTURE(o.platform);
    CHECK(o.feasible);
    CHECK(o.cost.total().value() > 0);
  }
}

TEST_CASE("a task too large for the instance type the config names is infeasible, and the reason says why") {
  // A 2 vCPU / 7,680 MB task on t3.medium (2 vCPU, 4 GiB, 17 pods: docs/pricing.md and the VPC CNI table).
  // EKS leaves 2 − (6% of the first core + 1% of the second) = 1.93 vCPU and
  // 4,096 − (255 + 11 × 17) − 100 = 3,554 MiB; ECS registers 4,096 × 7,985 / 8,192 = 3,992.5 MiB.
  const workload w{.traffic = make_traffic(10, hours(730), seconds{60}),
                   .duration = {milliseconds(100)},
                   .memory = megabytes{7680},
                   .cpu = vcpu{2}};
  aws_eks_ec2::config k;
  k.billing.instance = 0;  // t3.medium
  const option_result on_eks = evaluate_option<aws_eks_ec2>(w, k);
  CHECK_FALSE(on_eks.feasible);
  REQUIRE(on_eks.infeasible_reasons.size() == 1);
  CHECK(on_eks.infeasible_reasons[0] ==
        "a 2 vCPU / 7680 MB task does not fit a t3.medium node (2 vCPU, 4 GiB, no GPU; 1.93 vCPU and 3554 MiB "
        "allocatable after kube-reserved and the eviction threshold): too little vCPU and memory; name a larger "
        "instance_type, or omit it for the cheapest type that fits");

  aws_ecs_ec2::config e;
  e.billing.instance = 0;
  const option_result on_ecs = evaluate_option<aws_ecs_ec2>(w, e);
  CHECK_FALSE(on_ecs.feasible);
  REQUIRE(on_ecs.infeasible_reasons.size() == 1);
  CHECK(on_ecs.infeasible_reasons[0].find(
            "3992.5 MiB allocatable as the ECS agent registers it): too little memory;") != std::string::npos);

  // With no type named ECS picks one that fits: m5.large registers 8,192 × 7,985 / 8,192 = 7,985 MiB.
  CHECK(evaluate_option<aws_ecs_ec2>(w, {}).feasible);
}
