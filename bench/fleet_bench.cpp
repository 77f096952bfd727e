// Fleet mode against its yardstick (issue #8, target 2), both over the same generated Azure
// Functions 2019 trace (RUNWISE_FLEET_FUNCTIONS functions, default 10,000, × 1,440 minutes, with
// durations and per-app memory files; the shape of bench/generate_azure2019.py), in one binary:
//  - baseline_parse_and_price_two_closed_form: a hand-written single-purpose program that reads the
//    three files and prices each function on Lambda and Fargate in closed form from its monthly
//    totals — the least a fleet tool must do;
//  - fleet_all_platforms: what `runwise fleet` does per function (streaming reader, per-step
//    capacity models, criteria-free cheapest decision, summary) on all eight catalog platforms, on one
//    thread; fleet_all_platforms_two_threads splits the functions between two threads (wall time).
// items_per_second = functions per second.
#include <benchmark/benchmark.h>

#include <runwise/fleet.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace {
using namespace runwise;

std::size_t fleet_functions() {
  const char* s = std::getenv("RUNWISE_FLEET_FUNCTIONS");
  return s ? static_cast<std::size_t>(std::strtoul(s, nullptr, 10)) : 10'000;
}

// The trace files, written once into a temporary directory.
struct generated_trace {
  std::filesystem::path dir, invocations, durations, memory;
  std::size_t functions = 0;
  double bytes = 0;

  explicit generated_trace(std::size_t n, std::size_t minutes = 1440) : functions(n) {
    dir = std::filesystem::temp_directory_path() / ("runwise_fleet_bench_" + std::to_string(n));
    std::filesystem::create_directories(dir);
    invocations = dir / "invocations.csv", durations = dir / "durations.csv", memory = dir / "memory.csv";
    unsigned long long state = 12345;  // generate_azure2019.py's linear congruential sequence
    auto rand = [&] {
      state = (1103515245ULL * state + 12345) % (1ULL << 31);
      return static_cast<double>(state) / static_cast<double>(1ULL << 31);
    };
    const char* triggers[] = {"http", "timer", "queue", "event", "storage", "orchestration", "others"};
    std::FILE* f = std::fopen(invocations.string().c_str(), "wb");
    std::fputs("HashOwner,HashApp,HashFunction,Trigger", f);
    for (std::size_t m = 1; m <= minutes; ++m) std::fprintf(f, ",%zu", m);
    std::fputc('\n', f);
    for (std::size_t i = 0; i < n; ++i) {
      std::fprintf(f, "o%zu,a%zu,f%zu,%s", i / 2, i / 2, i, triggers[i % 7]);
      const double base = i == 0 ? 0 : std::pow(10.0, rand() * 3);
      for (std::size_t m = 0; m < minutes; ++m) {
        long count = 10;  // f0: 10 a minute, the hand-checkable one
        if (i > 0) switch (i % 4) {
            case 0:
              count = rand() < 0.02 ? 1 : 0;
              break;  // sparse
            case 1:
              count = static_cast<long>(base * (1 + std::sin(2 * 3.141592653589793 * m / 1440)));
              break;
            case 2:
              count = static_cast<long>(base * (0.5 + rand()));
              break;  // steady with noise
            default:
              count = rand() < 0.01 ? static_cast<long>(base * 20) : 0;
              break;  // bursts
          }
        std::fprintf(f, ",%ld", count);
      }
      std::fputc('\n', f);
    }
    std::fclose(f);
    f = std::fopen(durations.string().c_str(), "wb");
    std::fputs(
        "HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,"
        "percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,"
        "percentile_Average_99,percentile_Average_100\n",
        f);
    for (std::size_t i = 0; i < n; ++i) {
      const long avg = i == 0 ? 250 : static_cast<long>(10 + rand() * 2000);
      std::fprintf(f, "o%zu,a%zu,f%zu,%ld,100,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%ld\n", i / 2, i / 2, i, avg, avg / 2,
                   avg * 2, avg / 2, avg / 2, avg, avg, avg, avg * 2, avg * 2);
    }
    std::fclose(f);
    f = std::fopen(memory.string().c_str(), "wb");
    std::fputs(
        "HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,"
        "AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,"
        "AverageAllocatedMb_pct99,AverageAllocatedMb_pct100\n",
        f);
    for (std::size_t a = 0; a < (n + 1) / 2; ++a) {
      const long p = a == 0 ? 200 : static_cast<long>(60 + rand() * 900);
      std::fprintf(f, "o%zu,a%zu,100,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%ld\n", a, a, p / 2, p / 4, p / 4, p / 3, p / 2,
                   p / 2, p, p, p + 10);
    }
    std::fclose(f);
    bytes = static_cast<double>(std::filesystem::file_size(invocations));
  }
  ~generated_trace() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

const generated_trace& trace_files() {
  static const generated_trace t(fleet_functions());
  return t;
}

// ---- The yardstick: written by hand for this one job, no runwise. ----

// Calls on_line(line) for every line after the header; 1 MB reads, the buffer reused.
template <class F>
void for_each_line(const std::filesystem::path& path, F&& on_line) {
  std::FILE* f = std::fopen(path.string().c_str(), "rb");
  std::vector<char> buf(1 << 20);
  std::size_t kept = 0;
  bool header = true;
  for (;;) {
    if (kept == buf.size()) buf.resize(buf.size() * 2);
    const std::size_t got = std::fread(buf.data() + kept, 1, buf.size() - kept, f);
    const std::size_t end = kept + got;
    std::size_t start = 0;
    for (std::size_t i = kept; i < end; ++i)
      if (buf[i] == '\n') {
        if (!header) on_line(std::string_view(buf.data() + start, i - start));
        header = false;
        start = i + 1;
      }
    kept = end - start;
    std::copy(buf.begin() + static_cast<std::ptrdiff_t>(start), buf.begin() + static_cast<std::ptrdiff_t>(end),
              buf.begin());
    if (got == 0) break;
  }
  std::fclose(f);
}

// The i-th comma-separated field of a line (i < 4), and where the fields after it start.
std::string_view field(std::string_view line, int i, std::size_t* after = nullptr) {
  std::size_t at = 0;
  for (int k = 0; k < i; ++k) at = line.find(',', at) + 1;
  const std::size_t end = std::min(line.find(',', at), line.size());
  if (after) *after = end + 1;
  return line.substr(at, end - at);
}

double number_at(std::string_view line, int i) {
  const std::string_view s = field(line, i);
  double x = 0;
  std::from_chars(s.data(), s.data() + s.size(), x);
  return x;
}

void baseline_parse_and_price_two_closed_form(benchmark::State& state) {
  const generated_trace& t = trace_files();
  double checksum = 0;
  for (auto _ : state) {
    std::unordered_map<std::string, double> duration_ms, memory_mb;  // by function, by app
    for_each_line(t.durations, [&](std::string_view l) { duration_ms[std::string(field(l, 2))] = number_at(l, 3); });
    for_each_line(t.memory, [&](std::string_view l) { memory_mb[std::string(field(l, 1))] = number_at(l, 10); });
    double lambda_usd = 0, fargate_usd = 0;
    std::string key;
    for_each_line(t.invocations, [&](std::string_view l) {
      std::size_t at = 0;
      field(l, 3, &at);
      double requests = 0, minutes = 0;
      for (const char* p = l.data() + at; p < l.data() + l.size(); ++p) {
        long count = 0;
        p = std::from_chars(p, l.data() + l.size(), count).ptr;
        requests += static_cast<double>(count), minutes += 1;
      }
      key.assign(field(l, 2));
      const auto d = duration_ms.find(key);
      const double seconds = (d == duration_ms.end() ? 100 : d->second) / 1000;
      key.assign(field(l, 1));
      const auto m = memory_mb.find(key);
      const double gb = std::max(128.0, std::ceil((m == memory_mb.end() ? 128 : m->second) / 128) * 128) / 1024;
      // Lambda x86 (docs/pricing.md, AWS pricing page): $0.20 per million requests, $0.0000166667 per GB-s.
      lambda_usd += requests * 0.2e-6 + requests * seconds * gb * 0.0000166667;
      // Fargate x86 (docs/pricing.md): $0.04048 per vCPU-hour, $0.004445 per GB-hour; 0.25 vCPU / 0.5 GB
      // tasks, enough of them for the mean concurrency at 70% utilisation, all day.
      const double hours = minutes / 60, concurrency = requests * seconds / (minutes * 60);
      const double tasks = std::max(1.0, std::ceil(concurrency / 0.7));
      fargate_usd += tasks * hours * (0.25 * 0.04048 + 0.5 * 0.004445);
    });
    checksum = lambda_usd + fargate_usd;
    benchmark::DoNotOptimize(checksum);
  }
  state.counters["bytes_per_second"] = benchmark::Counter(t.bytes, benchmark::Counter::kIsIterationInvariantRate);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.functions));
}
BENCHMARK(baseline_parse_and_price_two_closed_form)->Unit(benchmark::kMillisecond);

// ---- runwise: the library path of `runwise fleet` (examples/cli/fleet_command.hpp). ----

std::vector<selected_platform> all_platforms() {
  std::vector<selected_platform> out;
  for (std::size_t i = 0; i < catalog_registry::size; ++i)
    out.push_back(catalog_registry::visit(i, []<class P>() { return select<P>({}); }));
  return out;
}

// Average duration (ms) by function and pct99 memory (MB) by app, with runwise's readers.
std::pair<std::unordered_map<std::string, double>, std::unordered_map<std::string, double>> read_durations_and_memory(
    const generated_trace& t) {
  std::unordered_map<std::string, double> duration_ms, memory_mb;
  trace::read_azure_2019_durations(t.durations.string(),
                                   [&](const auto& r) { duration_ms[std::string(r.function)] = r.average_ms; });
  auto reader = trace::azure_2019_memory_reader::open(t.memory.string());
  trace::azure_2019_memory_row r;
  while (reader.next(r)) memory_mb[std::string(r.app)] = r.pct99_mb();
  return {std::move(duration_ms), std::move(memory_mb)};
}

// Evaluates blocks of `block` functions into `summary`: each thread claims the next unclaimed block
// from `next_block` when it has finished its last (so the two threads end together whatever the
// functions cost), skipping the rows of blocks that the other thread claimed. With one thread it
// reads every row.
void fleet_part(const generated_trace& t, const std::vector<selected_platform>& platforms,
                const std::unordered_map<std::string, double>& duration_ms,
                const std::unordered_map<std::string, double>& memory_mb, std::atomic<std::size_t>& next_block,
                analyze::fleet_summary& summary) {
  constexpr std::size_t block = 64;
  auto reader = trace::azure_2019_invocations_reader::open(t.invocations.string());
  trace::azure_2019_function_minutes row;
  std::string key;
  std::size_t at = 0;  // rows read or skipped so far
  for (;;) {
    const std::size_t first = next_block.fetch_add(1) * block;
    for (; at < first; ++at)  // the other thread's rows
      if (!reader.skip()) return;
    for (; at < first + block; ++at) {
      if (!reader.next(row)) return;
      workload w{.name = std::string(row.function), .traffic = trace::to_traffic_series(row)};
      key.assign(row.function);
      if (auto d = duration_ms.find(key); d != duration_ms.end())
        w.duration.mean = milliseconds(std::max(d->second, 1e-3));
      key.assign(row.app);
      if (auto m = memory_mb.find(key); m != memory_mb.end()) w.memory = megabytes{analyze::fleet_memory_mb(m->second)};
      w.init = milliseconds(253);
      summary.add(analyze::evaluate_function(w, platforms));
    }
  }
}

void fleet(benchmark::State& state, std::size_t threads) {
  const generated_trace& t = trace_files();
  const auto platforms = all_platforms();
  const std::vector<std::string> ids = platform_ids(platforms);
  for (auto _ : state) {
    const auto maps = read_durations_and_memory(t);  // (not a structured binding: lambdas capture it)
    const auto& duration_ms = maps.first;
    const auto& memory_mb = maps.second;
    std::vector<analyze::fleet_summary> parts(threads, analyze::fleet_summary(ids));
    std::atomic<std::size_t> next_block{0};
    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < threads; ++i)
      pool.emplace_back([&, i] { fleet_part(t, platforms, duration_ms, memory_mb, next_block, parts[i]); });
    fleet_part(t, platforms, duration_ms, memory_mb, next_block, parts[0]);
    for (auto& th : pool) th.join();
    double total = 0;
    for (const auto& s : parts) total += s.chosen_total();
    benchmark::DoNotOptimize(total);
  }
  state.counters["bytes_per_second"] = benchmark::Counter(t.bytes, benchmark::Counter::kIsIterationInvariantRate);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.functions));
}

void fleet_all_platforms(benchmark::State& state) { fleet(state, 1); }
BENCHMARK(fleet_all_platforms)->Unit(benchmark::kMillisecond);

// Both cores: each thread reads the file, parses the rows of the blocks of 64 functions it claims
// (skipping the others') and evaluates them; wall time, since the work is on two threads.
void fleet_all_platforms_two_threads(benchmark::State& state) { fleet(state, 2); }
BENCHMARK(fleet_all_platforms_two_threads)->Unit(benchmark::kMillisecond)->UseRealTime();

// One platform, to see what each costs (argument: index in the catalog).
void fleet_one_platform(benchmark::State& state) {
  const generated_trace& t = trace_files();
  const auto all = all_platforms();
  const std::vector<selected_platform> platforms{all[static_cast<std::size_t>(state.range(0))]};
  state.SetLabel(platforms.front().id);
  const auto [duration_ms, memory_mb] = read_durations_and_memory(t);
  for (auto _ : state) {
    analyze::fleet_summary s({platforms.front().id});
    std::atomic<std::size_t> next_block{0};
    fleet_part(t, platforms, duration_ms, memory_mb, next_block, s);
    benchmark::DoNotOptimize(s.chosen_total());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.functions));
}
BENCHMARK(fleet_one_platform)->DenseRange(0, catalog_registry::size - 1)->Unit(benchmark::kMillisecond);
}  // namespace

BENCHMARK_MAIN();
