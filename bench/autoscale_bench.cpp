// How fast the container capacity policy runs a month of minutes under each scaling policy, in
// task-steps per second (tasks running × steps: the work a per-task model would do) and in steps per
// second, against the `fixed` policy measured in the same run (bench/README.md has the figures).
// The traffic is a diurnal wave (peak-to-mean 3) with Poisson noise, so the autoscalers act every
// day and their scale-ins stop tasks.
#include <benchmark/benchmark.h>

#include <cstdint>

#include <runwise/simulate/container_fleet.hpp>
#include <runwise/workload/generators.hpp>

namespace {
using namespace runwise;
using simulate::container_fleet;
using simulate::scaling_policy;

// 50 requests/s of 200 ms: 10 busy tasks on average, 30 at the daily peak.
const workload& busy_month() {
  static const workload w{
      .name = "bench",
      .traffic = make_traffic(50, hours(730), seconds{60},
                              {.pattern = traffic_pattern::diurnal, .peak_to_mean = 3, .poisson_noise = true}),
      .duration = {milliseconds(200)}};
  return w;
}

void run_policy(benchmark::State& state, scaling_policy policy) {
  const workload& w = busy_month();
  container_fleet::config c{};
  c.policy = policy;
  double task_steps = 0;
  for (auto _ : state) {
    const usage u = container_fleet::run(w, c);
    benchmark::DoNotOptimize(u.overloaded);
    task_steps += u.mean_instances * static_cast<double>(w.traffic.size());
  }
  const auto steps = static_cast<std::int64_t>(w.traffic.size());
  state.SetItemsProcessed(state.iterations() * steps);  // minutes per second
  state.counters["task_steps_per_s"] = benchmark::Counter(task_steps, benchmark::Counter::kIsRate);
}

// The baseline: the fixed policy (sized for the peak) runs the same queue with no decisions.
void baseline_fixed_month(benchmark::State& state) { run_policy(state, scaling_policy::fixed); }
BENCHMARK(baseline_fixed_month)->Unit(benchmark::kMicrosecond);

void target_tracking_month(benchmark::State& state) { run_policy(state, scaling_policy::target_tracking); }
BENCHMARK(target_tracking_month)->Unit(benchmark::kMicrosecond);

void hpa_month(benchmark::State& state) { run_policy(state, scaling_policy::hpa); }
BENCHMARK(hpa_month)->Unit(benchmark::kMicrosecond);

void step_month(benchmark::State& state) { run_policy(state, scaling_policy::step); }
BENCHMARK(step_month)->Unit(benchmark::kMicrosecond);
}  // namespace

BENCHMARK_MAIN();
