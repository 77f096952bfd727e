// How fast runwise answers, as ratios against baselines measured in the same run:
//  - a closed-form quote (each platform of the catalog) against the same arithmetic written out by hand;
//  - the per-step serverless model over a month of minutes against one pass that only sums the series;
//  - a full evaluation (two platforms, ranking, break-even search) of that month.
#include <benchmark/benchmark.h>

#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

namespace {
using namespace runwise;

// The archived Lambda example written out by hand: the yardstick for quote().
void baseline_hand_written_lambda_formula(benchmark::State& state) {
  double requests_per_month = 3e6;
  for (auto _ : state) {
    benchmark::DoNotOptimize(requests_per_month);
    const double gb_s = requests_per_month * 1.0 * 0.5;
    const double total = requests_per_month * 0.2e-6 + gb_s * 0.0000166667;
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(baseline_hand_written_lambda_formula);

void lambda_quote(benchmark::State& state) {
  steady_workload w{.requests_per_month = 3e6, .duration = {milliseconds(1000)}, .memory = megabytes{512}};
  const aws_lambda::config c{};
  for (auto _ : state) {
    benchmark::DoNotOptimize(w.requests_per_month);
    auto bill = aws_lambda::quote(w, c);
    benchmark::DoNotOptimize(bill);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(lambda_quote);

void fargate_quote(benchmark::State& state) {
  steady_workload w{.requests_per_month = 3e6, .duration = {milliseconds(1000)}, .memory = megabytes{512}};
  const aws_fargate::config c{};
  for (auto _ : state) {
    benchmark::DoNotOptimize(w.requests_per_month);
    auto bill = aws_fargate::quote(w, c);
    benchmark::DoNotOptimize(bill);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(fargate_quote);

// Every other platform of the catalog on the same steady workload (Lambda and Fargate above keep
// their names for continuity with earlier figures).
template <class P>
void quote(benchmark::State& state) {
  steady_workload w{.requests_per_month = 3e6, .duration = {milliseconds(1000)}, .memory = megabytes{512}};
  const typename P::config c{};
  for (auto _ : state) {
    benchmark::DoNotOptimize(w.requests_per_month);
    auto bill = P::quote(w, c);
    benchmark::DoNotOptimize(bill);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_TEMPLATE(quote, aws_ecs_ec2);
BENCHMARK_TEMPLATE(quote, aws_eks_ec2);
BENCHMARK_TEMPLATE(quote, aws_eks_fargate);
BENCHMARK_TEMPLATE(quote, gcp_cloud_run);
BENCHMARK_TEMPLATE(quote, azure_functions);
BENCHMARK_TEMPLATE(quote, azure_container_apps);

workload month_of_minutes() {
  return {.name = "bench",
          .traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60},
                                  {.pattern = traffic_pattern::diurnal, .peak_to_mean = 3}),
          .duration = {milliseconds(200)},
          .memory = megabytes{512}};
}

// One pass over the month's 43,800 steps that only sums them: the floor for any per-step model.
void baseline_sum_of_month(benchmark::State& state) {
  const workload w = month_of_minutes();
  for (auto _ : state) {  // (traffic_series::total() is taken once at construction: sum here)
    double sum = 0;
    for (double c : w.traffic.counts()) sum += c;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(w.traffic.size()));
}
BENCHMARK(baseline_sum_of_month);

void function_instances_month(benchmark::State& state) {
  const workload w = month_of_minutes();
  for (auto _ : state) benchmark::DoNotOptimize(simulate::function_instances::run(w, {}));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(w.traffic.size()));
}
BENCHMARK(function_instances_month);

void evaluate_month_two_platforms(benchmark::State& state) {
  const workload w = month_of_minutes();
  const evaluator<aws_lambda, aws_fargate> ev;
  for (auto _ : state) benchmark::DoNotOptimize(ev.evaluate(w));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(evaluate_month_two_platforms)->Unit(benchmark::kMillisecond);
}  // namespace

BENCHMARK_MAIN();
