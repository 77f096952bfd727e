// Issue #8 target 4: Monte Carlo speed — trace-driven evaluations of a one-month, per-minute workload
// (43,800 steps) per second on one core, against a baseline in the same binary that only sums the
// (rescaled) series once per draw: the floor for any model that looks at every step.
#include <benchmark/benchmark.h>

#include <runwise/uncertainty.hpp>

namespace {
using namespace runwise;

// A month of minutes: 3 M requests on a diurnal wave (peak-to-mean 3) with Poisson noise, i.e. a trace
// (observed counts), 200 ms at 512 MB.
workload month_trace() {
  return {.name = "bench",
          .traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60},
                                  {.pattern = traffic_pattern::diurnal, .peak_to_mean = 3, .poisson_noise = true}),
          .duration = {milliseconds(200)},
          .memory = megabytes{512}};
}

// The same month as expected counts (a generated average): the cold-start formula's std::exp path.
workload month_expected() {
  workload w = month_trace();
  w.traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60},
                           {.pattern = traffic_pattern::diurnal, .peak_to_mean = 3});
  return w;
}

// Baseline: each draw rescales the series in place and sums it.
void baseline_rescale_and_sum(benchmark::State& state) {
  const workload w = month_trace();
  traffic_series scratch;
  double k = 0.5;
  for (auto _ : state) {
    k = k > 1.5 ? 0.5 : k + 0.001;
    scratch.assign_scaled(w.traffic, k);
    double sum = 0;  // the pass every per-step model makes at least once
    for (double c : scratch.counts()) sum += c;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(baseline_rescale_and_sum);

// One platform's capacity model per draw (what dominates an evaluation).
template <class Capacity>
void capacity_per_draw(benchmark::State& state, const workload& base, const typename Capacity::config& c) {
  workload w = base;
  double k = 0.5;
  for (auto _ : state) {
    k = k > 1.5 ? 0.5 : k + 0.001;
    w.traffic.assign_scaled(base.traffic, k);
    benchmark::DoNotOptimize(Capacity::run(w, c));
  }
  state.SetItemsProcessed(state.iterations());
}
void lambda_capacity_trace(benchmark::State& s) {
  capacity_per_draw<simulate::function_instances>(s, month_trace(), {});
}
void lambda_capacity_expected(benchmark::State& s) {
  capacity_per_draw<simulate::function_instances>(s, month_expected(), {});
}
// The same trace through function_instances' other loops: provisioned concurrency takes the
// fixed-cap block loop; a scale-out allowance below the limit (100 per 10 s: 300 per half minute <
// 1,000) makes the cap depend on the warm pool, the general step-by-step loop.
void lambda_capacity_trace_provisioned(benchmark::State& s) {
  capacity_per_draw<simulate::function_instances>(s, month_trace(), {.provisioned_concurrency = 2});
}
void lambda_capacity_trace_general_loop(benchmark::State& s) {
  capacity_per_draw<simulate::function_instances>(s, month_trace(), {.scale_out_per_10s = 100});
}
void fargate_fixed_capacity_trace(benchmark::State& s) {
  capacity_per_draw<simulate::container_fleet>(s, month_trace(), {.tasks = 20});
}
void fargate_target_tracking_trace(benchmark::State& s) {
  capacity_per_draw<simulate::container_fleet>(s, month_trace(), {.policy = simulate::scaling_policy::target_tracking});
}
BENCHMARK(lambda_capacity_trace);
BENCHMARK(lambda_capacity_expected);
BENCHMARK(lambda_capacity_trace_provisioned);
BENCHMARK(lambda_capacity_trace_general_loop);
BENCHMARK(fargate_fixed_capacity_trace);
BENCHMARK(fargate_target_tracking_trace);

std::vector<selected_platform> lambda_and_fargate() {
  aws_fargate::config f;
  f.capacity.tasks = 20;
  return {select<aws_lambda>({}), select<aws_fargate>(f)};
}

// Full Monte Carlo draws on one thread: sample traffic and both price sheets, simulate, price,
// decide (decide::cheapest). items = draws; each draw evaluates two platforms.
void monte_carlo_draws(benchmark::State& state, unsigned threads) {
  const workload w = month_trace();
  const auto platforms = lambda_and_fargate();
  analyze::uncertain_inputs in;
  in.traffic = analyze::distribution::triangular(0.5, 1, 1.5);
  in.prices = {{"aws_lambda", analyze::distribution::uniform(0.8, 1)}};
  const auto draws = static_cast<std::size_t>(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(
        analyze::monte_carlo<decide::cheapest>(w, platforms, in, {}, {.draws = draws, .seed = 1, .threads = threads}));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
void monte_carlo_draws_one_thread(benchmark::State& state) { monte_carlo_draws(state, 1); }
// Two workers: wall-clock time is what the second core saves (CPU time counts both threads).
void monte_carlo_draws_two_threads(benchmark::State& state) { monte_carlo_draws(state, 2); }
BENCHMARK(monte_carlo_draws_one_thread)->Arg(400)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(monte_carlo_draws_two_threads)->Arg(400)->Unit(benchmark::kMillisecond)->UseRealTime();

// Price-only uncertainty: the usage is simulated once and priced again per draw.
void monte_carlo_prices_only(benchmark::State& state) {
  const workload w = month_trace();
  const auto platforms = lambda_and_fargate();
  analyze::uncertain_inputs in;
  in.prices = {{"aws_lambda", analyze::distribution::uniform(0.8, 1)},
               {"aws_fargate", analyze::distribution::uniform(0.7, 1)}};
  for (auto _ : state)
    benchmark::DoNotOptimize(
        analyze::monte_carlo<decide::cheapest>(w, platforms, in, {}, {.draws = 1000, .seed = 1, .threads = 1}));
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(monte_carlo_prices_only)->Unit(benchmark::kMillisecond);
}  // namespace

BENCHMARK_MAIN();
