// The Azure trace readers on excerpts of the real traces (tests/data/README.md) and on generated
// files of the same formats. Expected figures were counted with awk on the files, not by the readers.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include <runwise/simulate/trace_arrivals.hpp>
#include <runwise/trace/azure_2019_durations.hpp>
#include <runwise/trace/azure_2019_invocations.hpp>
#include <runwise/trace/azure_2019_memory.hpp>
#include <runwise/trace/azure_2021_invocations.hpp>

using namespace runwise;

namespace {
const std::string data = RUNWISE_TEST_DATA_DIR;

/// The message of the runwise::error that `f` throws (fails the test when it throws none).
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const runwise::error& e) {
    CHECK(e.code() == errc::invalid_input);
    return e.what();
  }
  FAIL("no runwise::error thrown");
  return {};
}

std::size_t count_2019(std::string_view text) {
  trace::azure_2019_invocations_reader r(detail::line_source::from_text(std::string(text), "gen.csv"));
  trace::azure_2019_function_minutes row;
  std::size_t n = 0;
  while (r.next(row)) ++n;
  return n;
}
}  // namespace

TEST_CASE("2019 invocations: the sample's partial day of 480 minutes") {
  // awk: 10 rows, minute columns 480..959, per-row totals 1, 1, 8, 160, 480, 480, 96, 331, 160, 97.
  const double totals[] = {1, 1, 8, 160, 480, 480, 96, 331, 160, 97};
  std::size_t i = 0;
  const auto rows = trace::read_azure_2019_invocations(data + "/azure2019_invocations_10.csv", [&](const auto& row) {
    REQUIRE(i < 10);
    CHECK(row.counts.size() == 480);
    CHECK(row.first_minute == 480);
    const traffic_series t = trace::to_traffic_series(row);
    CHECK(t.step() == seconds{60});
    CHECK(t.horizon() == hours(8));
    CHECK(t.total().value() == totals[i]);
    if (i == 0) {
      CHECK(row.function.substr(0, 8) == "0951ccc9");
      CHECK(row.trigger == "http");
    }
    if (i == 2) CHECK(row.trigger == "timer");
    ++i;
  });
  CHECK(rows == 10);
}

TEST_CASE("2019 invocations: generated files, a partial day and CRLF line ends") {
  CHECK(count_2019("HashOwner,HashApp,HashFunction,Trigger,1,2,3\no,a,f,http,0,5,1\r\no,a,g,timer,1,1,1\n") == 2);
  // A single minute, no final newline.
  trace::azure_2019_invocations_reader r(
      detail::line_source::from_text("HashOwner,HashApp,HashFunction,Trigger,1440\no,a,f,queue,7", "one.csv"));
  trace::azure_2019_function_minutes row;
  REQUIRE(r.next(row));
  CHECK(row.first_minute == 1440);
  CHECK(row.counts.size() == 1);
  CHECK(row.counts[0] == 7);
  CHECK(row.trigger == "queue");
  CHECK_FALSE(r.next(row));
}

TEST_CASE("2019 invocations: rows of plain digits and rows that need the general parser read the same") {
  // The reader reads rows of plain counts in one pass and leaves anything else (spaces, a sign,
  // decimals, ten digits or more) to a split and from_chars: both give the written values.
  const std::string header = "HashOwner,HashApp,HashFunction,Trigger,1,2,3\n";
  trace::azure_2019_invocations_reader r(detail::line_source::from_text(
      header + "o,a,f,http,0,5,123456789\no,a,g,timer, 4,+5,1234567890\no,a,h,queue,0.5,2e3,007\n", "mixed.csv"));
  trace::azure_2019_function_minutes row;
  const std::vector<std::vector<double>> expected{{0, 5, 123456789}, {4, 5, 1234567890}, {0.5, 2000, 7}};
  const std::string_view functions[] = {"f", "g", "h"}, triggers[] = {"http", "timer", "queue"};
  for (std::size_t i = 0; i < 3; ++i) {
    REQUIRE(r.next(row));
    CHECK(row.owner == "o");
    CHECK(row.app == "a");
    CHECK(row.function == functions[i]);
    CHECK(row.trigger == triggers[i]);
    CHECK(std::vector<double>(row.counts.begin(), row.counts.end()) == expected[i]);
    CHECK(row.line == i + 2);
  }
  CHECK_FALSE(r.next(row));
  // A trailing comma is a fourth minute column; a missing count is a missing column.
  CHECK(error_of([&] { count_2019(header + "o,a,f,http,1,2,3,\n"); }) ==
        "gen.csv:2: expected 7 columns (HashOwner,HashApp,HashFunction,Trigger and 3 minutes), got 8");
  CHECK(error_of([&] { count_2019(header + "o,a,f,http,1,2\n"); }) ==
        "gen.csv:2: expected 7 columns (HashOwner,HashApp,HashFunction,Trigger and 3 minutes), got 6");
  CHECK(error_of([&] { count_2019(header + "o,a,f\n"); }) ==
        "gen.csv:2: expected 7 columns (HashOwner,HashApp,HashFunction,Trigger and 3 minutes), got 3");
}

TEST_CASE("2019 invocations: skip() passes over a row without reading it") {
  // What a fleet split over threads does: each reader reads its own rows and skips the others',
  // even malformed ones (the reader that owns them reports them), and blank lines are not rows.
  trace::azure_2019_invocations_reader r(detail::line_source::from_text(
      "HashOwner,HashApp,HashFunction,Trigger,1\no,a,f,http,1\n\no,a,g,http,x\no,a,h,http,3\n", "skip.csv"));
  trace::azure_2019_function_minutes row;
  REQUIRE(r.next(row));
  CHECK(row.function == "f");
  CHECK(r.skip());  // g, malformed, not read
  REQUIRE(r.next(row));
  CHECK(row.function == "h");
  CHECK(row.counts[0] == 3);
  CHECK(row.line == 5);
  CHECK_FALSE(r.skip());
  CHECK_FALSE(r.next(row));
}

TEST_CASE("2019 invocations: malformed input names file:line and the column") {
  const std::string header = "HashOwner,HashApp,HashFunction,Trigger,1,2,3\n";
  CHECK(error_of([&] { count_2019(header + "o,a,f,http,1,2\n"); }) ==
        "gen.csv:2: expected 7 columns (HashOwner,HashApp,HashFunction,Trigger and 3 minutes), got 6");
  CHECK(error_of([&] { count_2019(header + "o,a,f,http,1,2,3\no,a,g,http,1,x,3\n"); }) ==
        "gen.csv:3: column 2: expected a number, got \"x\"");
  CHECK(error_of([&] { count_2019(header + "o,a,f,http,1,-2,3\n"); }) ==
        "gen.csv:2: column 2: must not be negative, got -2");
  CHECK(error_of([&] { count_2019(header + "o,a,f,http,1,,3\n"); }) ==
        "gen.csv:2: column 2: expected a number, got \"\"");
  CHECK(error_of([&] { count_2019("HashOwner,HashApp,Function,Trigger,1\n"); }) ==
        "gen.csv:1: column 3: expected HashFunction (header HashOwner,HashApp,HashFunction,Trigger,<minutes>)");
  CHECK(error_of([&] { count_2019("HashOwner,HashApp,HashFunction,Trigger,1,3\n"); }) ==
        "gen.csv:1: column 6: expected minute 2, got 3 (minute columns must be consecutive)");
  CHECK(error_of([&] { count_2019(""); }) == "gen.csv:1: empty file; expected a header");
  // Found by fuzzing: a minute label too large for an integer was undefined behaviour.
  CHECK(error_of([&] { count_2019("HashOwner,HashApp,HashFunction,Trigger,4806666666666666666666666666\n"); }) ==
        "gen.csv:1: column 5: a minute must be a whole number up to 525600, got 4806666666666666666666666666");
  CHECK(error_of([&] { count_2019("HashOwner,HashApp,HashFunction,Trigger,1.5\n"); }).find("whole number") !=
        std::string::npos);
  CHECK(error_of([] {
          trace::azure_2019_invocations_reader::open(data + "/no-such-file.csv");
        }).ends_with("no-such-file.csv: cannot be read"));
}

TEST_CASE("2019 invocations: a generated full day streams from a file in small reads") {
  // 1,440 minute columns (lines of ~3 KB) and enough rows to cross the reader's 256 KiB buffer.
  const std::string path = "runwise_test_full_day.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "HashOwner,HashApp,HashFunction,Trigger";
    for (int m = 1; m <= 1440; ++m) out << ',' << m;
    out << '\n';
    for (int f = 0; f < 300; ++f) {
      out << "o,a,f" << f << ",http";
      for (int m = 1; m <= 1440; ++m) out << ',' << (m % 3);  // 480 × (0 + 1 + 2) = 1,440 a day
      out << '\n';
    }
  }
  double total = 0;
  std::size_t minutes = 0;
  const auto rows = trace::read_azure_2019_invocations(path, [&](const auto& row) {
    total += trace::to_traffic_series(row).total().value();
    minutes = row.counts.size();
  });
  std::remove(path.c_str());
  CHECK(rows == 300);
  CHECK(minutes == 1440);
  CHECK(total == 300 * 1440);
}

TEST_CASE("2019 durations and memory: the sample's rows, memory per function detected by header") {
  // First row of azure2019_durations_10.csv: Average 2636 ms, Count 288, Minimum 237, Maximum 7325,
  // percentiles 237, 430, 963, 2037, 4420, 6311, 7325.
  std::size_t n = 0;
  trace::read_azure_2019_durations(data + "/azure2019_durations_10.csv", [&](const auto& row) {
    if (n++ > 0) return;
    CHECK(row.function.substr(0, 8) == "7551e180");
    CHECK(row.average_ms == 2636);
    CHECK(row.count == 288);
    CHECK(row.minimum_ms == 237);
    CHECK(row.maximum_ms == 7325);
    CHECK(row.percentile_ms == std::array<double, 7>{237, 430, 963, 2037, 4420, 6311, 7325});
    CHECK(row.line == 2);
  });
  CHECK(n == 10);

  auto reader = trace::azure_2019_memory_reader::open(data + "/azure2019_memory_10.csv");
  CHECK(reader.per_function());
  trace::azure_2019_memory_row m;
  REQUIRE(reader.next(m));
  CHECK(m.function.substr(0, 8) == "7551e180");
  CHECK(m.app.substr(0, 8) == "3930ef8f");
  CHECK(m.sample_count == 17254);
  CHECK(m.pct99_mb() == doctest::Approx(67.33333333333333));
}

TEST_CASE("2019 memory: the original per-app layout, and malformed rows") {
  const std::string header =
      "HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,"
      "AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,"
      "AverageAllocatedMb_pct99,AverageAllocatedMb_pct100\n";
  trace::azure_2019_memory_reader r(
      detail::line_source::from_text(header + "o,a,10,100,90,91,95,99,105,110,120,130\n", "mem.csv"));
  CHECK_FALSE(r.per_function());
  trace::azure_2019_memory_row m;
  REQUIRE(r.next(m));
  CHECK(m.function.empty());
  CHECK(m.pct99_mb() == 120);
  CHECK(m.average_mb == 100);

  auto read_all = [](const std::string& text) {
    trace::azure_2019_memory_reader reader(detail::line_source::from_text(text, "mem.csv"));
    trace::azure_2019_memory_row row;
    while (reader.next(row)) {
    }
  };
  CHECK(error_of([&] { read_all(header + "o,a,10,100,90,91,95,99,105,110,1e,130\n"); }) ==
        "mem.csv:2: column AverageAllocatedMb_pct99: expected a number, got \"1e\"");
  CHECK(error_of([&] { read_all(header + "o,a,10,100\n"); }) ==
        "mem.csv:2: expected 12 columns (as in the header), got 4");
  CHECK(error_of([&] { read_all("HashOwner,HashApp,SampleCount\n"); }) ==
        "mem.csv:1: missing column AverageAllocatedMb in the header");
}

TEST_CASE("2021 invocations: the real excerpt") {
  // awk: 199 invocations of 31 (app, func) pairs, durations summing to 10,599.17 s, last end 1260.0558 s.
  double busy = 0, last_end = 0;
  trace::azure_2021_invocation first;
  const auto rows = trace::read_azure_2021(data + "/Azure2021_200.csv", [&](const auto& call) {
    if (call.line == 2) first = call;
    busy += call.duration_s;
    last_end = std::max(last_end, call.end_s);
  });
  CHECK(rows == 199);
  CHECK(busy == doctest::Approx(10599.17));
  CHECK(last_end == doctest::Approx(1260.0557980537415));
  // First row: end 0.07949090003967285 s, duration 0.078 s → started at 0.00149090003967285 s.
  CHECK(first.start_s() == doctest::Approx(0.00149090003967285));

  const auto arrivals = simulate::load_azure_2021_arrivals(data + "/Azure2021_200.csv");
  CHECK(arrivals.functions == 31);
  CHECK(arrivals.arrivals.size() == 199);
  for (std::size_t k = 1; k < arrivals.arrivals.size(); ++k)
    CHECK(arrivals.arrivals[k - 1].time_s <= arrivals.arrivals[k].time_s);
}

TEST_CASE("2021 invocations: malformed rows") {
  auto read_all = [](const std::string& text) {
    trace::azure_2021_reader reader(detail::line_source::from_text(text, "calls.csv"));
    trace::azure_2021_invocation call;
    while (reader.next(call)) {
    }
  };
  const std::string header = "app,func,end_timestamp,duration\n";
  CHECK(error_of([&] { read_all(header + "a,f,1.5,0.5\na,f,2.5\n"); }) ==
        "calls.csv:3: expected 4 columns (app,func,end_timestamp,duration), got 3");
  CHECK(error_of([&] { read_all(header + "a,f,1.5,-0.5\n"); }) ==
        "calls.csv:2: column duration: must not be negative, got -0.5");
  CHECK(error_of([&] { read_all(header + "a,f,soon,0.5\n"); }) ==
        "calls.csv:2: column end_timestamp: expected a number, got \"soon\"");
  CHECK(error_of([&] { read_all(header + "a,f,inf,0.5\n"); }) ==
        "calls.csv:2: column end_timestamp: expected a number, got \"inf\"");
  CHECK(error_of([&] { read_all("app,function,end_timestamp,duration\n"); }) ==
        "calls.csv:1: missing column func in the header");
}
