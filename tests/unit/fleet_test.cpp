// Fleet mode in the library (issue 23, item 5): evaluate_function, evaluate_fleet over threads, the
// row and summary writers of report/fleet.hpp.
#include <doctest/doctest.h>

#include <runwise/fleet.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace runwise;

namespace {

// Function i: 10 + i requests a minute for an hour, 250 ms each, 256 MB, no INIT time.
analyze::fleet_function function_number(int i) {
  analyze::fleet_function f;
  f.function = "f" + std::to_string(i);
  f.app = "a" + std::to_string(i % 3);
  f.trigger = i % 2 ? "queue" : "http";
  f.work.name = f.function;
  f.work.traffic = traffic_series(seconds{60}, std::vector<double>(60, 10.0 + i));
  f.work.duration.mean = milliseconds(250);
  f.work.memory = megabytes{256};
  f.work.init = milliseconds(0);
  return f;
}

// A reader of n functions, as evaluate_fleet takes it.
auto reader_of(int n) {
  return [i = 0, n]() mutable -> std::optional<analyze::fleet_function> {
    if (i == n) return std::nullopt;
    return function_number(i++);
  };
}

const std::vector<selected_platform>& two_platforms() {
  static const std::vector<selected_platform> p{select<aws_lambda>({}), select<aws_fargate>({})};
  return p;
}

}  // namespace

TEST_CASE("evaluate_function: Lambda and Fargate for an hour of 600 requests, by hand") {
  // Lambda (https://aws.amazon.com/lambda/pricing/, x86, no free tier): 600 × 0.25 s × 0.25 GB = 37.5 GB-s
  // × $0.0000166667 = $0.00062500125, plus 600 requests × $0.20 per million = $0.00012: $0.00074500125.
  // Fargate (https://aws.amazon.com/fargate/pricing/): the smallest task, 0.25 vCPU and 0.5 GB, for the
  // hour: 0.25 × $0.04048 + 0.5 × $0.004445 = $0.0123425.
  const analyze::fleet_row r = analyze::evaluate_function(function_number(0).work, two_platforms());
  REQUIRE(r.usd.size() == 2);
  CHECK(*r.usd[0] == doctest::Approx(0.00074500125).epsilon(1e-9));
  CHECK(*r.usd[1] == doctest::Approx(0.0123425).epsilon(1e-9));
  CHECK(r.requests == 600);
  CHECK(r.horizon_hours == 1);
  CHECK(r.platform == "aws_lambda");
  CHECK(r.kind == choice::serverless);
  CHECK(r.chosen_usd == *r.usd[0]);
}

TEST_CASE("evaluate_fleet: rows in input order, each equal to evaluate_function, on 1 to 4 threads") {
  constexpr int n = 23;
  std::vector<analyze::fleet_row> expected;
  for (int i = 0; i < n; ++i) expected.push_back(analyze::evaluate_function(function_number(i).work, two_platforms()));
  for (std::size_t threads : {1u, 2u, 4u})
    for (std::size_t batch : {1u, 5u, 64u}) {
      CAPTURE(threads);
      CAPTURE(batch);
      std::vector<std::string> order;
      double lambda_total = 0;
      const analyze::fleet_summary s = analyze::evaluate_fleet(
          reader_of(n), two_platforms(),
          [&](const analyze::fleet_function& f, const analyze::fleet_row& r) {
            const auto i = order.size();
            order.push_back(f.function);
            CHECK(r.function == f.function);
            CHECK(r.app == f.app);
            CHECK(r.trigger == f.trigger);
            CHECK(r.usd == expected[i].usd);
            CHECK(r.platform == expected[i].platform);
            lambda_total += *r.usd[0];
          },
          {.threads = threads, .batch_size = batch});
      REQUIRE(order.size() == n);
      for (int i = 0; i < n; ++i) CHECK(order[static_cast<std::size_t>(i)] == "f" + std::to_string(i));
      CHECK(s.functions() == n);
      CHECK(s.platforms() == std::vector<std::string>{"aws_lambda", "aws_fargate"});
      CHECK(s.totals()[0] == doctest::Approx(lambda_total).epsilon(1e-12));
    }
}

TEST_CASE("evaluate_fleet: a derived function type reaches the sink with its own members") {
  struct tagged : analyze::fleet_function {
    int tag = 0;
  };
  int next = 0;
  std::vector<int> tags;
  analyze::evaluate_fleet(
      [&]() -> std::optional<tagged> {
        if (next == 7) return std::nullopt;
        tagged t;
        static_cast<analyze::fleet_function&>(t) = function_number(next);
        t.tag = 100 + next++;
        return t;
      },
      two_platforms(), [&](const tagged& t, const analyze::fleet_row&) { tags.push_back(t.tag); }, {.threads = 2});
  CHECK(tags == std::vector<int>{100, 101, 102, 103, 104, 105, 106});
}

TEST_CASE("evaluate_fleet: an error in the reader, the sink or an evaluation stops the run and is rethrown") {
  for (std::size_t threads : {1u, 2u}) {
    CAPTURE(threads);
    int read = 0;
    auto failing_reader = [&]() -> std::optional<analyze::fleet_function> {
      if (++read == 40) throw std::runtime_error("reader failed");
      return function_number(read);
    };
    CHECK_THROWS_WITH(analyze::evaluate_fleet(
                          failing_reader, two_platforms(), [](const auto&, const auto&) {}, {.threads = threads}),
                      "reader failed");
    std::size_t delivered = 0;
    CHECK_THROWS_WITH(analyze::evaluate_fleet(
                          reader_of(30), two_platforms(),
                          [&](const auto&, const auto&) {
                            if (++delivered == 3) throw std::runtime_error("sink failed");
                          },
                          {.threads = threads, .batch_size = 2}),
                      "sink failed");
    CHECK(delivered == 3);
    int i = 0;
    auto bad_function = [&]() -> std::optional<analyze::fleet_function> {
      if (i == 10) return std::nullopt;
      auto f = function_number(i++);
      if (i == 6) f.work.memory = megabytes{-1};  // not a memory size: the evaluation throws
      return f;
    };
    CHECK_THROWS_AS(analyze::evaluate_fleet(
                        bad_function, two_platforms(), [](const auto&, const auto&) {}, {.threads = threads}),
                    runwise::error);
  }
}

TEST_CASE("report/fleet.hpp: CSV and JSON rows, written by hand") {
  analyze::fleet_row r;
  r.function = "f,1";  // a comma: the cell is quoted
  r.app = "say \"hi\"";
  r.trigger = "http";
  r.requests = 600;
  r.horizon_hours = 1;
  r.usd = {0.00074500125, std::nullopt};
  r.kind = choice::serverless;
  r.platform = "aws_lambda";
  const std::vector<std::string> ids{"aws_lambda", "aws_fargate"};
  const trace::azure_2019_sizing z{.duration_ms = 250, .memory_mb = 256, .duration_source = "durations"};
  const auto extra = report::sizing_columns(z);
  CHECK(report::fleet_csv_header(ids, extra) ==
        "function,app,trigger,requests,horizon_hours,aws_lambda_usd,aws_fargate_usd,choice,platform,duration_ms,"
        "duration_source,memory_mb,memory_source\n");
  CHECK(report::fleet_csv_row(r, extra) ==
        "\"f,1\",\"say \"\"hi\"\"\",http,600,1,0.00074500125,,serverless,aws_lambda,250,durations,256,default\n");
  CHECK(report::fleet_json_row(r, ids, extra) ==
        R"({"function":"f,1","app":"say \"hi\"","trigger":"http","requests":600,"horizon_hours":1,)"
        R"("aws_lambda_usd":0.00074500125,"aws_fargate_usd":null,"choice":"serverless","platform":"aws_lambda",)"
        R"("duration_ms":250,"duration_source":"durations","memory_mb":256,"memory_source":"default"})");
  r.kind.reset();
  r.platform.clear();
  CHECK(report::fleet_csv_row(r) == "\"f,1\",\"say \"\"hi\"\"\",http,600,1,0.00074500125,,,\n");
}

TEST_CASE("report/fleet.hpp: the summary text, by hand") {
  analyze::fleet_summary s({"aws_lambda", "aws_fargate"});
  analyze::fleet_row a;
  a.function = "f0", a.app = "a0", a.requests = 600, a.usd = {1.5, 3.0}, a.kind = choice::serverless;
  a.platform = "aws_lambda", a.chosen_usd = 1.5;
  analyze::fleet_row b;
  b.function = "f1", b.app = "a1", b.requests = 1000, b.usd = {8.0, std::nullopt}, b.kind = choice::serverless;
  b.platform = "aws_lambda", b.chosen_usd = 8.0;
  s.add(a);
  s.add(b);
  CHECK(report::fleet_text(s, 1, "durations: no file given\n") ==
        "fleet: 2 functions, 1,600 requests over 1 h\n"
        "if every function ran on one platform:\n"
        "  aws_lambda            $9.50\n"
        "  aws_fargate           $3.00 (1 cannot run)\n"
        "each where the decision puts it: $9.50\n"
        "  serverless wins 100.0% of functions, 100.0% of spend\n"
        "  containers wins 0.0% of functions, 0.0% of spend\n"
        "durations: no file given\n"
        "functions that matter most (largest cost where placed):\n"
        "  f1 (app a1) $8.00 on aws_lambda, 1,000 requests\n"
        "  f0 (app a0) $1.50 on aws_lambda, 600 requests\n");
}
