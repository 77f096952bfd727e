// Applications of several components: shared fixed costs once, tasks of several components packed
// onto one cluster, and the exact least-cost placement. Every expected figure is derived by hand
// from docs/pricing.md (t3.medium $0.0416/h, EKS control plane $0.10/h, Lambda $0.20 per million requests
// and $0.0000166667 per GB-s on x86_64) in the comments.
#include <doctest/doctest.h>

#include <runwise/application.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace runwise;

namespace {
constexpr double month_s = 730 * 3600.0;  // 2,628,000 s

/// A constant-rate component with no cold-start INIT time (so Lambda bills only requests and duration).
workload steady(const std::string& name, double requests_per_month, double ms, double mb, double vcpus = 0.25) {
  return {.name = name,
          .traffic = make_traffic(requests_per_month / month_s, hours(730), seconds{60}),
          .duration = {milliseconds(ms)},
          .init = seconds{0},
          .memory = megabytes{mb},
          .cpu = vcpu{vcpus}};
}

template <class P>
sharing_member member_on(const workload& w, const typename P::config& c, option_result& keep) {
  keep = evaluate_option<P>(w, c);
  return {&w, &keep.use, keep.cost};
}

std::vector<selected_platform> lambda_and_ecs() { return {select<aws_lambda>({}), select<aws_ecs_ec2>({})}; }

const placed_component& component_named(const application_evaluation& r, const std::string& name) {
  for (const auto& c : r.components)
    if (c.name == name) return c;
  FAIL("no component " << name);
  return r.components.front();
}
}  // namespace

TEST_CASE("two components on EKS pay the $73.00 control plane once and share one t3.medium") {
  // Each: one 0.25 vCPU / 512 MiB pod (1 task for 1 request/s of 100 ms at 70% utilisation). Alone:
  // the cheapest x86 node, t3.medium, 730 h × $0.0416 = $30.37, plus 730 h × $0.10 = $73.00.
  // Together: an EKS t3.medium leaves 4,096 − (255 + 11 × 17) − 100 = 3,554 MiB and 1.93 vCPU, room
  // for both pods: one node, $30.37 + $73.00 = $103.37 instead of 2 × $103.37.
  const workload a = steady("a", month_s, 100, 512), b = steady("b", month_s, 100, 512);
  option_result ka, kb;
  const aws_eks_ec2::config c{};
  const sharing_member members[] = {member_on<aws_eks_ec2>(a, c, ka), member_on<aws_eks_ec2>(b, c, kb)};
  CHECK(to_cents(ka.cost.total()) == 10337);
  const cost_breakdown together = price_together<aws_eks_ec2>(members, c);
  CHECK(to_cents(together["control_plane"]) == 7300);
  CHECK(to_cents(together["instances"]) == 3037);
  CHECK(to_cents(together.total()) == 10337);
  // The default rule (any platform) counts the control plane once but keeps each member's instances.
  CHECK(to_cents(price_members_sharing_fixed_items(members).total()) == 7300 + 2 * 3037);
}

TEST_CASE("tasks that each need half a node pack onto one node when their components share a cluster") {
  // 1 vCPU / 1,900 MiB each: an ECS t3.medium registers 4,096 × 7,985 / 8,192 = 3,992.5 MiB and 2 vCPU,
  // so one task alone rents a whole node ($30.37) and two share one: $30.37, not $60.74.
  const workload a = steady("a", month_s, 100, 1900, 1), b = steady("b", month_s, 100, 1900, 1);
  option_result ka, kb;
  const aws_ecs_ec2::config c{};
  const sharing_member members[] = {member_on<aws_ecs_ec2>(a, c, ka), member_on<aws_ecs_ec2>(b, c, kb)};
  CHECK(to_cents(ka.cost["instances"]) == 3037);
  CHECK(to_cents(kb.cost["instances"]) == 3037);
  CHECK(to_cents(price_together<aws_ecs_ec2>(members, c).total()) == 3037);
}

TEST_CASE("shared nodes follow the tasks over time: one component's tasks hand their node to the other's") {
  // a runs one full-node task for the first 100 h, b one for the next 100 h: one node for 200 h,
  // launched once (the hand-over at 100 h keeps the count at one).
  const task_run first[] = {{hours(0), hours(100), 1}}, second[] = {{hours(100), hours(200), 1}};
  const pricing::aws::sized_runs members[] = {{first, {2, 1000}}, {second, {2, 1000}}};
  const auto nt = pricing::aws::shared_node_time(members, {2, 3992.5});
  REQUIRE(nt);
  CHECK(nt->instance_seconds == doctest::Approx(200 * 3600.0));
  CHECK(nt->launches == 1);
  const pricing::aws::sized_runs too_big[] = {{first, {4, 1000}}};
  CHECK_FALSE(pricing::aws::shared_node_time(too_big, {2, 3992.5}));
}

TEST_CASE("first-fit decreasing over counts of mixed sizes") {
  // Two 1 vCPU / 1,800 MiB tasks fill an m5.large-sized ECS node's 2 vCPU (7,985 MiB); the two
  // 0.25 vCPU / 512 MiB tasks find no CPU left there and open a second node.
  const std::vector<simulate::sized_count> mixed{{{0.25, 512}, 2}, {{1, 1800}, 2}};
  CHECK(simulate::first_fit_decreasing_counts(mixed, {2, 7985, 1e9, 0}) == 2);
  // Fourteen 0.25 vCPU / 512 MiB tasks: 7 per ECS t3.medium (3,992.5 MiB / 512): 2 nodes; one more
  // 1 vCPU / 2,048 MiB task goes first (largest) and leaves room for 3 small ones: 3 nodes.
  CHECK(simulate::first_fit_decreasing_counts(std::vector<simulate::sized_count>{{{0.25, 512}, 14}},
                                              {2, 3992.5, 1e9, 0}) == 2);
  CHECK(simulate::first_fit_decreasing_counts(std::vector<simulate::sized_count>{{{0.25, 512}, 14}, {{1, 2048}, 1}},
                                              {2, 3992.5, 1e9, 0}) == 3);
}

TEST_CASE("the placement search is exact: fixed costs shared beat the per-component choice") {
  // Platform 0 costs 10 per component; platform 1 a fixed 15 plus 1 per component. One component:
  // 10 < 16 → platform 0. Three: 30 > 18 → all on platform 1.
  auto cost = [](std::size_t k, std::uint32_t mask) {
    const double n = std::popcount(mask);
    return k == 0 ? 10 * n : 15 + n;
  };
  auto any = [](std::size_t, std::size_t) { return true; };
  auto none = [](std::size_t, std::size_t) { return 0.0; };
  const auto one = decide::cheapest_placement(2, 1, cost, any, none);
  REQUIRE(one);
  CHECK(one->platform_of == std::vector<std::size_t>{0});
  const auto three = decide::cheapest_placement(2, 3, cost, any, none);
  REQUIRE(three);
  CHECK(three->platform_of == std::vector<std::size_t>{1, 1, 1});
  CHECK(three->cost == 18);
  // Component 2 cannot run on platform 1: {0, 1} together on 1 (17) and 2 on 0 (10) = 27 < 30.
  const auto limited = decide::cheapest_placement(
      2, 3, cost, [](std::size_t k, std::size_t i) { return k == 0 || i != 2; }, none);
  REQUIRE(limited);
  CHECK(limited->platform_of == std::vector<std::size_t>{1, 1, 0});
  CHECK(limited->cost == 27);
  // Equal costs: fewer platforms first, then the components' own preference.
  auto flat = [](std::size_t, std::uint32_t mask) { return 5.0 * std::popcount(mask); };
  const auto tie = decide::cheapest_placement(2, 2, flat, any, [](std::size_t k, std::size_t) { return k * 1.0; });
  REQUIRE(tie);
  CHECK(tie->platform_of == std::vector<std::size_t>{1, 1});
  CHECK_FALSE(decide::cheapest_placement(
      2, 1, cost, [](std::size_t, std::size_t) { return false; }, none));
}

TEST_CASE("sharing a cluster moves two components off Lambda once it pays, and not before") {
  // Each component: 10 M requests of 100 ms at 1,024 MB. Lambda: 10 × $0.20 + 10 M × 0.1 s × 1 GB ×
  // $0.0000166667 = $2.00 + $16.67 = $18.67. ECS alone: 3.8 requests/s keep 0.38 tasks busy, one
  // 0.25 vCPU task at 70% → one t3.medium, $30.37. Each alone is cheaper on Lambda (greedy: $37.33),
  // but three 1,024 MiB tasks fit a t3.medium (3,992.5 MiB), so both share one node: $30.37.
  // The shared node wins when 2 × Lambda > $30.368, i.e. above 15.184 / 1.86667 = 8.13 M requests each.
  const application busy{.name = "pair",
                         .components = {{steady("a", 10e6, 100, 1024)}, {steady("b", 10e6, 100, 1024)}}};
  const application_evaluation r = evaluate_application(busy, lambda_and_ecs());
  CHECK(r.greedy_platforms == std::vector<std::string>{"aws_lambda", "aws_lambda"});
  CHECK(to_cents(r.greedy_total) == 3733);
  CHECK(component_named(r, "a").platform == "aws_ecs_ec2");
  CHECK(component_named(r, "b").platform == "aws_ecs_ec2");
  CHECK(to_cents(r.total) == 3037);
  CHECK(r.advice.kind == choice::containers);
  CHECK(r.advice.platform == "aws_ecs_ec2");

  // 7 M each: Lambda $13.07 each, $26.13 for both, under one node's $30.37: both stay on Lambda.
  const application lighter{.name = "pair",
                            .components = {{steady("a", 7e6, 100, 1024)}, {steady("b", 7e6, 100, 1024)}}};
  const application_evaluation l = evaluate_application(lighter, lambda_and_ecs());
  CHECK(component_named(l, "a").platform == "aws_lambda");
  CHECK(component_named(l, "b").platform == "aws_lambda");
  CHECK(to_cents(l.total) == 2613);
  CHECK(l.advice.kind == choice::serverless);
}

TEST_CASE("an always-busy API and a rarely triggered event task are placed hybrid, unless the cluster has room") {
  // API: 95 requests/s of 100 ms keep 9.5 tasks busy → ceil(9.5 / 0.7) = 14 tasks of 0.25 vCPU /
  // 512 MiB, 7 per ECS t3.medium: 2 nodes, $60.74 (Lambda: 249.66 M requests × ($0.20/M + 0.1 s ×
  // 0.5 GB × $0.0000166667) = $257.98). Resize: 20,000 events of 2 s at 2,048 MB, 1 vCPU. Lambda:
  // 80,000 GB-s × $0.0000166667 + 20,000 × $0.20/M = $1.33 + $0.004 = $1.34. On the cluster its
  // always-on task needs a third node (+$30.37). Hybrid: $60.74 + $1.34 = $62.07.
  const workload resize = steady("resize", 20'000, 2000, 2048, 1);
  const application shop{.name = "shop",
                         .components = {{steady("api", 95 * month_s, 100, 512)}, {resize, trigger::event}}};
  const application_evaluation r = evaluate_application(shop, lambda_and_ecs());
  CHECK(r.advice.kind == choice::hybrid);
  CHECK(component_named(r, "api").platform == "aws_ecs_ec2");
  CHECK(component_named(r, "resize").platform == "aws_lambda");
  CHECK(to_cents(r.total) == 6207);
  CHECK(r.advice.platform == "aws_lambda+aws_ecs_ec2");
  bool pattern = false;
  for (const auto& why : r.advice.reasons)
    pattern = pattern || why.find("article's hybrid pattern") != std::string::npos;
  CHECK(pattern);
  // Everything on ECS: 3 nodes, $91.10; everything on Lambda: $257.98 + $1.34 = $259.32.
  REQUIRE(r.all_on_one.size() == 2);
  CHECK(r.all_on_one[0].platform == "aws_ecs_ec2");
  CHECK(to_cents(r.all_on_one[0].cost.total()) == 9110);
  CHECK(to_cents(r.all_on_one[1].cost.total()) == 25932);

  // API at 65 requests/s: 6.5 busy → 10 tasks, 2 nodes (7 + 3). With the resize task first on node 1
  // (1 vCPU, 2,048 MiB), 3 API tasks join it and 7 fill node 2: still 2 nodes, so the event task
  // costs nothing more on the cluster than its idle room and stays there: $60.74, all containers.
  const application roomy{.name = "shop",
                          .components = {{steady("api", 65 * month_s, 100, 512)}, {resize, trigger::event}}};
  const application_evaluation s = evaluate_application(roomy, lambda_and_ecs());
  CHECK(s.advice.kind == choice::containers);
  CHECK(component_named(s, "resize").platform == "aws_ecs_ec2");
  CHECK(to_cents(s.total) == 6074);
}

TEST_CASE("one team runs one platform: the operations line is counted once for its components") {
  // ops_hourly_usd 100: ECS on EC2 is "instances", 16 ops hours a month → $1,600 per component alone,
  // $1,600 once for both (plus the shared $30.37 node).
  workload a = steady("a", month_s, 100, 512), b = steady("b", month_s, 100, 512);
  a.needs.ops_hourly_usd = b.needs.ops_hourly_usd = 100;
  const application app{.name = "ops", .components = {{a}, {b}}};
  const application_evaluation r = evaluate_application(app, {select<aws_ecs_ec2>({})});
  REQUIRE(r.groups.size() == 1);
  CHECK(to_cents(r.groups[0].bill["operations"]) == 160000);
  CHECK(to_cents(r.total) == 160000 + 3037);
  CHECK(to_cents(r.shared) == 160000 + 3037);  // what two separate bills would have paid on top
}

TEST_CASE("a component that cannot run somewhere makes that single-platform alternative infeasible") {
  // A 20-minute job: Lambda stops at 15 minutes, so "everything on Lambda" is infeasible, naming the job.
  const application app{.name = "batch",
                        .components = {{steady("api", 1e5, 100, 512)}, {steady("job", 100, 20 * 60'000.0, 1024, 1)}}};
  const application_evaluation r = evaluate_application(app, lambda_and_ecs());
  const option_result& on_lambda = r.all_on_one.back();
  CHECK(on_lambda.platform == "aws_lambda");
  CHECK_FALSE(on_lambda.feasible);
  REQUIRE_FALSE(on_lambda.infeasible_reasons.empty());
  CHECK(on_lambda.infeasible_reasons[0].rfind("job: ", 0) == 0);
  CHECK(component_named(r, "job").platform == "aws_ecs_ec2");
}

TEST_CASE("bad applications name the field") {
  const workload w = steady("a", 1e5, 100, 512);
  CHECK_THROWS_WITH_AS(application{}.validate(), doctest::Contains("application.components: must list at least one"),
                       error);
  application many;
  for (int i = 0; i < 11; ++i) many.components.push_back({steady("c" + std::to_string(i), 1e5, 100, 512)});
  CHECK_THROWS_WITH_AS(many.validate(),
                       doctest::Contains("application.components: has 11 components; runwise places at most 10"),
                       error);
  const application twice{.components = {{w}, {w}}};
  CHECK_THROWS_WITH_AS(twice.validate(), doctest::Contains("application.components[1].name: \"a\" is already"), error);
  workload shorter = steady("b", 1e5, 100, 512);
  shorter.traffic = make_traffic(1, hours(24), seconds{60});
  const application horizons{.components = {{w}, {shorter}}};
  CHECK_THROWS_WITH_AS(horizons.validate(), doctest::Contains("application.components[1].traffic: covers 24 h"), error);
  workload negative = w;
  negative.memory = megabytes{-1};
  const application bad_memory{.components = {{w}, {negative}}};
  CHECK_THROWS_WITH_AS(bad_memory.validate(), doctest::Contains("application.components[1].memory_mb"), error);
  const application ok{.components = {{w}}};
  CHECK_THROWS_WITH_AS(evaluate_application(ok, {}), doctest::Contains("platforms"), error);
}

TEST_CASE("one load balancer for the HTTP components, directly triggered components pay no front door") {
  // Fargate behind an ALB. Each component: 1 request/s of 100 ms → one 0.25 vCPU / 0.5 GB task,
  // 730 h × (0.25 × $0.04048 + 0.5 × $0.004445) = $9.010025. ALB: 730 h × $0.0225 = $16.425, and
  // 3,600 new connections an hour = 1/s = 0.04 LCU (25/s per LCU) → 730 × 0.04 × $0.008 = $0.2336.
  // The queue-triggered worker reaches its task without the ALB. Together: $9.010025 × 2 + $16.425
  // + $0.2336 = $34.678625, with the ALB's hours once.
  aws_fargate::config behind_alb;
  behind_alb.entry.kind = pricing::aws::front_door::alb;
  const application app{
      .name = "alb",
      .components = {{steady("api", month_s, 100, 512)}, {steady("worker", month_s, 100, 512), trigger::queue}}};
  const application_evaluation r = evaluate_application(app, {select<aws_fargate>(behind_alb)});
  CHECK(to_cents(component_named(r, "api").alone) == 901 + 1643 + 23);
  CHECK(component_named(r, "worker").own.options[0].cost["alb_hours"].value() == 0);
  REQUIRE(r.groups.size() == 1);
  CHECK(to_cents(r.groups[0].bill["alb_hours"]) == 1643);
  CHECK(to_cents(r.total) == 3468);

  // Two HTTP components share the ALB's hours: 2 × ($9.010025 + $0.2336) + $16.425 = $34.91225.
  const application both{.name = "alb",
                         .components = {{steady("a", month_s, 100, 512)}, {steady("b", month_s, 100, 512)}}};
  const application_evaluation s = evaluate_application(both, {select<aws_fargate>(behind_alb)});
  CHECK(to_cents(s.total) == 3491);
  bool once = false;
  for (const auto& why : s.advice.reasons) once = once || why.find("load balancer's hours") != std::string::npos;
  CHECK(once);
}

TEST_CASE("the evaluator places an application on its compile-time platforms") {
  // The hybrid case above through evaluator<aws_lambda, aws_ecs_ec2>: the same placement and $62.07.
  const application shop{.name = "shop",
                         .components = {{steady("api", 95 * month_s, 100, 512)},
                                        {steady("resize", 20'000, 2000, 2048, 1), trigger::event}}};
  const evaluator<aws_lambda, aws_ecs_ec2> ev;
  const application_evaluation r = ev.evaluate(shop);
  CHECK(r.advice.kind == choice::hybrid);
  CHECK(to_cents(r.total) == 6207);
}

TEST_CASE("a fleet too small for its component cannot win the placement on cost") {
  // the CLI's workload (3 M requests of 1 s at 512 MB): one fixed 0.25 vCPU / 0.5 GB Fargate task
  // costs $9.01 but serves 60 requests a minute while 68.5 arrive. Lambda: 3 M × $0.20/M + 1.5 M GB-s
  // × $0.0000166667 = $0.60 + $25.00 = $25.60, and it keeps up: the placement takes Lambda.
  aws_fargate::config one_task;
  one_task.capacity.tasks = 1;
  const application app{.name = "orders", .components = {{steady("orders-api", 3e6, 1000, 512)}}};
  const application_evaluation r = evaluate_application(app, {select<aws_lambda>({}), select<aws_fargate>(one_task)});
  CHECK(component_named(r, "orders-api").platform == "aws_lambda");
  CHECK(to_cents(r.total) == 2560);
  CHECK(to_cents(detail::option_on(component_named(r, "orders-api").own, "aws_fargate").cost.total()) == 901);
  bool said = false;
  for (const auto& why : r.advice.reasons) said = said || why.find("is not placed on aws_fargate") != std::string::npos;
  CHECK(said);
}
