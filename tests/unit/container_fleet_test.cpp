#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include <runwise/core/error.hpp>
#include <runwise/platform/settings.hpp>
#include <runwise/providers/aws/fargate.hpp>
#include <runwise/simulate/container_fleet.hpp>
#include <runwise/simulate/function_instances.hpp>
#include <runwise/workload/generators.hpp>

using namespace runwise;
using simulate::container_fleet;
using simulate::scaling_policy;

namespace {
// One request at a time for 1 s: a ready task serves 60 requests a minute, so a step's load (busy
// tasks) is its count / 60.
workload one_second(traffic_series t) { return {.traffic = std::move(t), .duration = {milliseconds(1000)}}; }

double launches(const usage& u) {
  double n = 0;
  for (const auto& r : u.runs) n += r.tasks;
  return n;
}
}  // namespace

TEST_CASE("HPA: the Kubernetes docs' example and the 10% tolerance") {
  // Kubernetes docs ("Algorithm details"): 50 replicas at 90% CPU against a 75% target → ceil(50 × 1.2) = 60.
  static_assert(simulate::scaling::hpa_desired(50, 90, 75) == 60);
  CHECK(simulate::scaling::hpa_desired(50, 0.9, 0.75) == 60);
  // Within the default tolerance of 0.1 nothing changes: 80/75 = 1.067, 70/75 = 0.933.
  CHECK(simulate::scaling::hpa_desired(50, 80, 75) == 50);
  CHECK(simulate::scaling::hpa_desired(50, 70, 75) == 50);
  // Outside it the proportion applies both ways: 60/75 = 0.8 → 40.
  CHECK(simulate::scaling::hpa_desired(50, 60, 75) == 40);
  CHECK(simulate::scaling::hpa_desired(50, 80, 75, 0.0) == 54);  // ceil(53.3) without tolerance
}

TEST_CASE("HPA keeps its replicas while the metric stays within tolerance, target tracking does not") {
  // 450 a minute = 7.5 busy tasks: both start at ceil(7.5 / 0.7) = 11 (utilisation 0.68). Then 472.5
  // a minute = 7.875: 7.875 / (11 × 0.7) = 1.023, within 10% for the HPA; target tracking wants
  // ceil(7.875 / 0.7) = ceil(11.25) = 12.
  std::vector<double> counts(5, 450.0);
  counts.insert(counts.end(), 5, 472.5);
  const workload w = one_second(traffic_series(seconds{60}, counts));
  container_fleet::config c{.observation_delay_s = 0, .startup_s = 0};
  c.policy = scaling_policy::hpa;
  CHECK(container_fleet::run(w, c).peak_instances == 11);
  c.policy = scaling_policy::target_tracking;
  CHECK(container_fleet::run(w, c).peak_instances == 12);
}

TEST_CASE(
    "spiky traffic: a fixed fleet sized for the mean overloads, target tracking only in its lag, functions never") {
  // One request/s on average over a day of minutes, spiky with peak-to-mean 10: round(2% × 1440 / 10)
  // = 3 bursts of 10 minutes at 10 × 60 = 600 a minute; elsewhere (1440 − 300) / 1410 × 60 = 48.5.
  const workload w = one_second(make_traffic(1.0, hours(24), seconds{60}, {.pattern = traffic_pattern::spiky}));
  const auto& n = w.traffic.counts();
  std::size_t burst_steps = 0, burst_starts = 0;  // (adjacent bursts make one longer burst)
  for (std::size_t i = 0; i < n.size(); ++i) {
    const bool high = n[i] > 100;
    if (high) CHECK(n[i] == doctest::Approx(600));
    burst_steps += high;
    burst_starts += high && i > 0 && n[i - 1] < 100;
  }
  REQUIRE(burst_steps == 30);
  REQUIRE(burst_starts >= 1);

  // Fixed for the mean: ceil(1 busy task / 0.7) = 2 tasks, 120 a minute. A burst's minute j leaves
  // 480·j waiting, so at least 480 + 9 × 600 = 5,880 of its 6,000 requests are late.
  const usage mean_sized = container_fleet::run(w, {.tasks = 2});
  CHECK(mean_sized.overloaded.value() >= 3 * 5880);
  // Sized for the peak (ceil(10 / 0.7) = 15 tasks) it never is.
  CHECK(container_fleet::run(w, {}).overloaded.value() == 0);

  // Target tracking at 50%: 2 tasks at the baseline (ceil(0.81 / 0.5)), 20 in a burst (10 / 0.5).
  // A burst starting in minute k is seen at the start of minute k + 2 (the minute just ended is k + 1,
  // and the metric arrives 60 s late); the 18 new tasks launch then and serve from minute k + 3.
  // By hand, backlog / late arrivals per minute:
  //   k: 480 / 480   k+1: 960 / 600   k+2: 1,440 / 600   (120 a minute served)
  //   k+3: 1,440 + 600 − 1,200 = 840 / 600   k+4: 240 / 240   k+5: 0   (1,200 a minute)
  // = 2,520 late per burst, all in its first five minutes; none otherwise.
  container_fleet::config tt{.target_utilization = 0.5, .observation_delay_s = 60, .startup_s = 60};
  tt.policy = scaling_policy::target_tracking;
  const usage tracked = container_fleet::run(w, tt);
  CHECK(tracked.overloaded.value() == doctest::Approx(2520.0 * static_cast<double>(burst_starts)));
  CHECK(tracked.served.value() == doctest::Approx(w.traffic.total().value()));
  CHECK(tracked.peak_instances == 20);
  // Tasks bill from launch: each burst's 18 tasks run from minute k + 2 (not k + 3).
  for (const auto& r : tracked.runs)
    if (r.tasks == 18) CHECK(n[static_cast<std::size_t>(r.start.value() / 60) - 2] > 100);
  // It pays for far less idle capacity than the fleet sized for the peak.
  CHECK(tracked.idle_capacity_share < container_fleet::run(w, {}).idle_capacity_share);

  // Functions: the peak is 10 concurrent executions, far within Lambda's 1,000.
  const usage functions = simulate::function_instances::run(w, {});
  CHECK(functions.overloaded.value() == 0);
  CHECK(functions.throttled.value() == 0);
}

TEST_CASE("step scaling: adjustments by how far the metric is past the target, cooldowns, newest tasks stop first") {
  // 420 a minute (7 busy tasks) → starts at ceil(7 / 0.7) = 10. Then 690 (11.5): at t = 420 s the
  // ratio 11.5 / 7 = 1.64 ≥ 1.5 adds 3 (13); the 300 s scale-out cooldown holds until t = 720 s
  // (11.5 / 9.1 = 1.26: +1 → 14) and t = 1,020 s (11.5 / 9.8 = 1.17: +1 → 15; then 1.095 < 1.1).
  // Back at 420 from minute 20: 7 / 10.5 = 0.67 ≤ 0.7 removes 1, seen at t = 1,260 s but held by the
  // 300 s scale-in cooldown since the last scaling (1,020 s) until t = 1,320 s; it stops the newest
  // task, launched at 1,020 s. Then 7 / 9.8 = 0.71: it stays at 14 to the horizon (26 minutes).
  std::vector<double> counts(6, 420.0);
  counts.insert(counts.end(), 14, 690.0);
  counts.insert(counts.end(), 6, 420.0);
  container_fleet::config c{.observation_delay_s = 0};
  c.policy = scaling_policy::step;
  const usage u = container_fleet::run(one_second(traffic_series(seconds{60}, counts)), c);
  CHECK(u.peak_instances == 15);
  REQUIRE(u.runs.size() == 4);  // the stopped task, then the three cohorts still running
  CHECK(u.runs[0].start == seconds{1020});
  CHECK(u.runs[0].stop == seconds{1320});
  CHECK(u.runs[0].tasks == 1);
  const double starts[] = {0, 420, 720}, tasks[] = {10, 3, 1};
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(u.runs[i + 1].start == seconds{starts[i]});
    CHECK(u.runs[i + 1].stop == seconds{26 * 60});
    CHECK(u.runs[i + 1].tasks == tasks[i]);
  }
}

TEST_CASE("churn costs money on Fargate: every launch bills at least a minute") {
  // 20 s steps; 200 requests (10 busy tasks) every fourth step, none otherwise. Target tracking at
  // 50% with no lag and no cooldown: one task at rest; a busy step is seen when it has ended, 19
  // tasks launch, and are stopped 20 s later when the next (empty) step is seen.
  std::vector<double> counts(30, 0.0);
  for (std::size_t i = 3; i < counts.size(); i += 4) counts[i] = 200;
  container_fleet::config c{.target_utilization = 0.5,
                            .observation_delay_s = 0,
                            .startup_s = 0,
                            .scale_out_cooldown_s = 0,
                            .scale_in_cooldown_s = 0};
  c.policy = scaling_policy::target_tracking;
  const usage u = container_fleet::run(one_second(traffic_series(seconds{20}, counts)), c);
  // 7 busy steps (3, 7, ..., 27): 7 × 19 launches of 20 s, plus the resting task for 600 s.
  CHECK(launches(u) == 1 + 7 * 19);
  double task_seconds = 0;
  for (const auto& r : u.runs) task_seconds += r.tasks * r.length().value();
  CHECK(task_seconds == doctest::Approx(600 + 7 * 19 * 20));  // 3,260 task-seconds

  // Fargate (docs/pricing.md: $0.04048 per vCPU-hour, $0.004445 per GB-hour, 1-minute minimum per task):
  // a 0.25 vCPU / 0.5 GB task costs $0.0123425 an hour. Churned: 600 + 133 × 60 = 8,580 billed s;
  // the same 3,260 task-seconds in one run bill 3,260 s.
  using pricing::aws::fargate_billing;
  const pricing::aws::task_size small{0.25, 0.5};
  const double churned = fargate_billing::bill({}, {.runs = u.runs, .task = small}).total().value();
  const task_run one_run[] = {{seconds{0}, seconds{3260}, 1}};
  const double steady = fargate_billing::bill({}, {.runs = one_run, .task = small}).total().value();
  CHECK(churned == doctest::Approx(8580 * 0.0123425 / 3600));
  CHECK(steady == doctest::Approx(3260 * 0.0123425 / 3600));
  CHECK(churned > 2.5 * steady);
}

TEST_CASE("container_fleet settings: targets in any metric's unit, min/max, contradictions rejected") {
  // 2 requests in flight per task against 4 slots is 50% utilisation; 2 requests/s of 250 ms on 1
  // slot likewise.
  container_fleet::config c{.target = 2};
  c.metric = simulate::scaling_metric::concurrency;
  CHECK(container_fleet::utilization_target(c, 0.25, 4) == 0.5);
  c.metric = simulate::scaling_metric::requests_per_second;
  CHECK(container_fleet::utilization_target(c, 0.25, 1) == 0.5);
  // Steady count: load 3 at 50% → 6, raised to min_tasks or cut to max_tasks.
  c.policy = scaling_policy::hpa;
  CHECK(container_fleet::steady_tasks(3, 0.25, 1, c) == 6);
  c.min_tasks = 8;
  CHECK(container_fleet::steady_tasks(3, 0.25, 1, c) == 8);
  c.min_tasks = 1;
  c.max_tasks = 4;
  CHECK(container_fleet::steady_tasks(3, 0.25, 1, c) == 4);

  container_fleet::config bad{.min_tasks = 5, .max_tasks = 2};
  CHECK_THROWS_WITH_AS(bad.validate("platforms[1]"), doctest::Contains("platforms[1].scaling.min_tasks"), error);
  container_fleet::config out_of_range{.tolerance = 2};
  CHECK_THROWS_WITH_AS(check_ranges(out_of_range, "p"), doctest::Contains("p.scaling.tolerance"), error);
}

TEST_CASE("HPA scale-up rate: Kubernetes' default policies, 100% or 4 pods per 15 s, whichever is more") {
  // Kubernetes docs, "Default Behavior": from 2 pods, three 15 s periods allow 2 → max(4, 6) = 6 →
  // max(12, 10) = 12 → max(24, 16) = 24; from 50, one period allows max(100, 54) = 100.
  constexpr container_fleet::config hpa{.policy = scaling_policy::hpa};
  static_assert(container_fleet::hpa_scale_up(hpa, 2, 100, 45) == 24);
  static_assert(container_fleet::hpa_scale_up(hpa, 50, 1000, 15) == 100);
  static_assert(container_fleet::hpa_scale_up(hpa, 2, 5, 60) == 5);  // never past the desired count
  constexpr container_fleet::config one_pod_a_minute{
      .policy = scaling_policy::hpa, .scale_up_percent = 0, .scale_up_pods = 1, .scale_up_period_s = 60};
  static_assert(container_fleet::hpa_scale_up(one_pod_a_minute, 2, 10, 60) == 3);

  // 60 a minute (load 1) for 5 minutes, then 6,000 (load 100) of 1 s requests; 50% target, metric seen
  // at once, pods serve at once. Start: ceil(1 / 0.5) = 2. At 360 s the HPA wants 200; one minute is
  // four periods: 2 → 6 → 12 → 24 → 48. At 420 s: 48 → 96 → 192 → 200.
  std::vector<double> counts(5, 60.0);
  counts.insert(counts.end(), 5, 6000.0);
  const workload w = one_second(traffic_series(seconds{60}, counts));
  container_fleet::config c{.target_utilization = 0.5, .observation_delay_s = 0, .startup_s = 0};
  c.policy = scaling_policy::hpa;
  const usage u = container_fleet::run(w, c);
  CHECK(u.peak_instances == 200);
  CHECK(launches(u) == 200);  // 2 + 46 + 152
  // Late (FIFO): minute 5 has 2 pods: 6,000 − 120 = 5,880; minute 6 has 48 (2,880 a minute): backlog
  // 5,880 + 6,000 − 2,880 = 9,000, all 6,000 of its own late; minute 7 has 200 (12,000): 15,000 −
  // 12,000 = 3,000 late; then the backlog clears. 5,880 + 6,000 + 3,000 = 14,880.
  CHECK(u.overloaded.value() == doctest::Approx(14'880));
  // Mean pods: 2 × 6 minutes + 48 + 3 × 200 = 660 pod-minutes over 10 minutes.
  CHECK(u.mean_instances == doctest::Approx(66));
}

namespace {
// A user's autoscaler (issue 23, item 4): one task while requests come, none once no request has
// been seen for `idle_timeout_s` — the scale-to-zero timer a queue worker on ECS might run.
struct scale_to_zero_timer {
  double idle_timeout_s = 120;
  double last_busy_s = -1e300;
  double desired(const simulate::scaling::observation& o) {
    if (o.load > 0) {
      last_busy_s = o.now_s;
      return o.clamp(std::max(1.0, o.proportional()));
    }
    return o.now_s - last_busy_s >= idle_timeout_s ? o.clamp(0) : o.current;
  }
};
static_assert(simulate::scaling::autoscaler<scale_to_zero_timer>);
}  // namespace

TEST_CASE("A user's autoscaler: a scale-to-zero timer, by hand") {
  // Minutes of 60, 60, 0, 0, 0, 0, 60, 0, 0, 0 requests of 1 s, one at a time: loads 1, 1, 0, 0, 0,
  // 0, 1, 0, 0, 0 busy tasks. No observation delay, no start-up: the decision at minute i sees minute
  // i - 1. It starts at the first minute's load (1 task); minutes 1 and 2 see load 1 (last busy at
  // 120 s); minute 3 sees 0 but only 60 s idle: 1 task; minute 4, 120 s idle: 0 tasks (the first task
  // ran 0-240 s). Minutes 5 and 6: 0 tasks, so minute 6's 60 requests wait. Minute 7 sees minute 6's
  // load: 1 task from 420 s, which serves the 60 waiting; minute 8 (60 s idle) keeps it, minute 9
  // (120 s) stops it at 540 s. Tasks per minute 1, 1, 1, 1, 0, 0, 0, 1, 1, 0: 6 task-minutes over
  // 10, a mean of 0.6 tasks; billed runs 0-240 s and 420-540 s; 60 requests late, all 180 served.
  const workload w =
      one_second(traffic_series(seconds{60}, std::vector<double>{60, 60, 0, 0, 0, 0, 60, 0, 0, 0}));
  const container_fleet::config c{.target_utilization = 1, .min_tasks = 0, .max_tasks = 10,
                                  .observation_delay_s = 0, .startup_s = 0};
  container_fleet::step_trace steps;
  const usage u = container_fleet::run_with(w, c, scale_to_zero_timer{}, &steps);
  CHECK(steps.tasks == std::vector<double>{1, 1, 1, 1, 0, 0, 0, 1, 1, 0});
  REQUIRE(u.runs.size() == 2);
  CHECK(u.runs[0].start.value() == 0);
  CHECK(u.runs[0].stop.value() == 240);
  CHECK(u.runs[1].start.value() == 420);
  CHECK(u.runs[1].stop.value() == 540);
  CHECK(u.mean_instances == doctest::Approx(0.6));
  CHECK(u.overloaded.value() == doctest::Approx(60));
  CHECK(u.served.value() == doctest::Approx(180));
  CHECK(u.peak_instances == 1);
  CHECK_FALSE(u.fixed_size);
  // Without its steps recorded the same run (run_with never takes the fixed fleet's shortcut).
  const usage again = container_fleet::run_with(w, c, scale_to_zero_timer{});
  CHECK(again.mean_instances == u.mean_instances);
}
