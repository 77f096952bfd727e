// How fast the request-level simulator and the trace readers are, as ratios against baselines
// measured in the same run (bench/README.md has the figures):
//  - the simulator on SimFaaS's README case against only drawing the same Poisson arrivals and
//    service times (the floor for any simulator of this model);
//  - a busy function (1,000 instances) to show the heaps' cost as instances grow;
//  - the 2019 per-minute and 2021 per-invocation readers on generated files, in rows and bytes per
//    second, against a pass that only finds the line ends.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include <runwise/core/detail/csv.hpp>
#include <runwise/core/detail/random.hpp>
#include <runwise/simulate/request_simulator.hpp>
#include <runwise/trace/azure_2019_invocations.hpp>
#include <runwise/trace/azure_2021_invocations.hpp>

namespace {
using namespace runwise;

simulate::request_simulator_config simfaas_case() {
  return {.service = {.distribution = simulate::service_distribution::exponential, .warm_s = 1.991, .cold_s = 2.244},
          .keep_alive_s = 600,
          .max_concurrency = 1000,
          .horizon_s = 1e6,
          .seed = 1};
}

// The same random numbers the simulator needs per request: an exponential gap and an exponential
// service time, summed so that nothing is optimised away.
void baseline_poisson_arrivals_and_service_draws(benchmark::State& state) {
  std::int64_t items = 0;
  for (auto _ : state) {
    detail::splitmix64 rng(1);
    double t = 0, busy = 0;
    std::int64_t n = 0;
    while (t < 1e6) {
      t += -(1 / 0.9) * std::log1p(-rng.uniform());
      busy += -1.991 * std::log1p(-rng.uniform());
      ++n;
    }
    benchmark::DoNotOptimize(busy);
    items += n;
  }
  state.SetItemsProcessed(items);
}
BENCHMARK(baseline_poisson_arrivals_and_service_draws)->Unit(benchmark::kMillisecond);

void simulator_simfaas_case(benchmark::State& state) {
  const auto c = simfaas_case();
  std::int64_t items = 0;
  for (auto _ : state) {
    const auto r = simulate::simulate_poisson(0.9, c);
    benchmark::DoNotOptimize(r.mean_instances);
    items += static_cast<std::int64_t>(r.requests);
  }
  state.SetItemsProcessed(items);
}
BENCHMARK(simulator_simfaas_case)->Unit(benchmark::kMillisecond);

// 1,000 requests/s of 1 s each: about 1,000 busy instances, heaps of that size.
void simulator_busy_function(benchmark::State& state) {
  auto c = simfaas_case();
  c.service = {.distribution = simulate::service_distribution::exponential, .warm_s = 1, .cold_s = 1.5};
  c.max_concurrency = 1e6;
  c.horizon_s = 1000;
  std::int64_t items = 0;
  for (auto _ : state) {
    const auto r = simulate::simulate_poisson(1000, c);
    benchmark::DoNotOptimize(r.mean_instances);
    items += static_cast<std::int64_t>(r.requests);
  }
  state.SetItemsProcessed(items);
}
BENCHMARK(simulator_busy_function)->Unit(benchmark::kMillisecond);

/// A generated 2019 file: 2,000 functions × 1,440 minutes of small counts (~6 MB).
const std::string& file_2019() {
  static const std::string path = [] {
    std::string p = "runwise_bench_2019.csv";
    std::ofstream out(p, std::ios::binary);
    out << "HashOwner,HashApp,HashFunction,Trigger";
    for (int m = 1; m <= 1440; ++m) out << ',' << m;
    out << '\n';
    detail::splitmix64 rng(3);
    for (int f = 0; f < 2000; ++f) {
      out << "0123456789abcdef0123456789abcdef,fedcba9876543210fedcba9876543210," << f << ",http";
      for (int m = 0; m < 1440; ++m) out << ',' << (rng.below(8) == 0 ? rng.below(500) : 0);
      out << '\n';
    }
    return p;
  }();
  return path;
}

/// A generated 2021 file: 300,000 invocations with shortened ids (~14 MB).
const std::string& file_2021() {
  static const std::string path = [] {
    std::string p = "runwise_bench_2021.csv";
    std::ofstream out(p, std::ios::binary);
    out << "app,func,end_timestamp,duration\n";
    detail::splitmix64 rng(4);
    double t = 0;
    char line[160];
    for (int i = 0; i < 300'000; ++i) {
      t += -0.01 * std::log1p(-rng.uniform());
      std::snprintf(line, sizeof line, "7b2c43a2bc30f6bb%04u,e3cdb48830f66eb8%04u,%.17g,%.3f\n",
                    static_cast<unsigned>(rng.below(100)), static_cast<unsigned>(rng.below(50)), t + 0.5,
                    0.001 * static_cast<double>(rng.below(5000)));
      out << line;
    }
    return p;
  }();
  return path;
}

std::int64_t file_size(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  return static_cast<std::int64_t>(in.tellg());
}

void baseline_line_ends(benchmark::State& state, const std::string& path) {
  std::int64_t lines = 0;
  for (auto _ : state) {
    auto src = detail::line_source::open(path);
    std::string_view line;
    while (src.next(line)) benchmark::DoNotOptimize(line);
    lines += static_cast<std::int64_t>(src.line_number());
  }
  state.SetItemsProcessed(lines);
  state.SetBytesProcessed(state.iterations() * file_size(path));
}
void baseline_line_ends_2019(benchmark::State& state) { baseline_line_ends(state, file_2019()); }
void baseline_line_ends_2021(benchmark::State& state) { baseline_line_ends(state, file_2021()); }
BENCHMARK(baseline_line_ends_2019)->Unit(benchmark::kMillisecond);
BENCHMARK(baseline_line_ends_2021)->Unit(benchmark::kMillisecond);

void read_azure_2019_invocations(benchmark::State& state) {
  const std::string& path = file_2019();
  std::int64_t rows = 0;
  for (auto _ : state) {
    double total = 0;
    rows += static_cast<std::int64_t>(
        trace::read_azure_2019_invocations(path, [&](const auto& row) { total += row.counts[0]; }));
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(rows);
  state.SetBytesProcessed(state.iterations() * file_size(path));
}
BENCHMARK(read_azure_2019_invocations)->Unit(benchmark::kMillisecond);

void read_azure_2021(benchmark::State& state) {
  const std::string& path = file_2021();
  std::int64_t rows = 0;
  for (auto _ : state) {
    double busy = 0;
    rows += static_cast<std::int64_t>(trace::read_azure_2021(path, [&](const auto& call) { busy += call.duration_s; }));
    benchmark::DoNotOptimize(busy);
  }
  state.SetItemsProcessed(rows);
  state.SetBytesProcessed(state.iterations() * file_size(path));
}
BENCHMARK(read_azure_2021)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::remove("runwise_bench_2019.csv");
  std::remove("runwise_bench_2021.csv");
  return 0;
}
