// Defaults that decide the verdict (issue "safe under hostile input", item 8): when a spec leaves
// concurrency_per_instance at runwise's default of 1 and that decides the answer, the evaluation says
// so with the answer at 80 (Cloud Run's default); a monthly request count read over another horizon
// says how it was scaled. Expectations are derived by hand in the comments from published prices.
#include <doctest/doctest.h>

#include <string>

#include <runwise/report/json.hpp>
#include <runwise/report/text.hpp>
#include <runwise/runwise.hpp>
#include <runwise/decide/cheapest.hpp>
#include <runwise/decide/topsis.hpp>
#include <runwise/providers.hpp>

using namespace runwise;

namespace {
bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

/// 50 M requests in a 730-hour month, read over 720 h; 100 ms, 512 MB; diurnal, peak 3x the mean.
workload api(bool concurrency_given) {
  const double hourly = 50e6 / 730;
  workload w{.name = "api",
             .traffic = make_traffic(hourly / 3600, hours(720), seconds{60},
                                     {.pattern = traffic_pattern::diurnal, .peak_to_mean = 3}),
             .duration = {milliseconds(100)},
             .memory = megabytes{512}};
  if (!concurrency_given) w.defaulted = {"concurrency_per_instance"};
  return w;
}
}  // namespace

TEST_CASE("a defaulted concurrency that decides the verdict is named, with the verdict at 80") {
  // At one request per task, Fargate must run a task per request in flight and loses to Lambda.
  // At 80 per task, the busiest minute's ~5.7 requests in flight (3 × 50 M / 730 h / 3600 s × 0.1 s)
  // fit one task all month: 720 h × (0.25 vCPU × $0.04048 + 0.5 GB × $0.004445) = 720 × $0.0123425
  // = $8.8866 (AWS Fargate pricing, us-east-1). Lambda: 49,315,068 requests × $0.20 per million =
  // $9.863, + 49,315,068 × 0.1 s × 0.5 GB × $0.0000166667 = $41.096 (AWS Lambda pricing, x86):
  // $50.96 (INIT adds well under a cent).
  const evaluation e = evaluator<aws_lambda, aws_fargate>{}.evaluate(api(false));
  CHECK(e.advice.platform == "aws_lambda");
  REQUIRE(e.notes.size() == 1);
  CHECK(contains(e.notes[0], "concurrency_per_instance is at runwise's default of 1"));
  CHECK(contains(e.notes[0], "with concurrency_per_instance at 80 (Cloud Run's default)"));
  CHECK(contains(e.notes[0], "the recommendation is containers on aws_fargate ($8.89 against $50.96 for aws_lambda)"));
  // The pair has no break-even at 1 request per task; at 80 it has one, which its reason gives.
  REQUIRE(e.break_even.size() == 1);
  CHECK_FALSE(e.break_even[0].requests_per_month);
  CHECK(contains(e.break_even[0].reason, "; with concurrency_per_instance at 80 (Cloud Run's default), they cost the same at "));
  CHECK(contains(report::text(e), "note: concurrency_per_instance is at runwise's default"));
  const std::string json = report::json(e);
  CHECK(contains(json, "\"notes\": ["));
  CHECK(contains(json, "\"concurrency_per_instance is at runwise's default"));
}

TEST_CASE("a concurrency the spec sets, or a workload built in code, gets no note") {
  CHECK(evaluator<aws_lambda, aws_fargate>{}.evaluate(api(true)).notes.empty());
  workload set_to_one = api(true);
  set_to_one.concurrency_per_instance = 1;
  CHECK(evaluator<aws_lambda, aws_fargate>{}.evaluate(set_to_one).notes.empty());
}

TEST_CASE("where containers win and every pair has a break-even, the default decides nothing: one evaluation") {
  // A steady 10 requests a second of 1 s at 0.25 vCPU / 512 MB: Lambda bills 26.28 M requests ×
  // (1 s × 0.5 GB × $0.0000166667 + $0.0000002) = $224.26 a month; 10 Fargate tasks at one request
  // each cost 10 × 730 × $0.0123425 = $90.10, so containers win, and the costs cross at lower traffic.
  workload w{.name = "steady",
             .traffic = make_traffic(10, hours(730), seconds{60}),
             .duration = {milliseconds(1000)},
             .memory = megabytes{512},
             .defaulted = {"concurrency_per_instance"}};
  int runs = 0;
  auto run = [&](std::size_t i, const workload& x) {
    ++runs;
    return i == 0 ? evaluate_option<aws_lambda>(x, {}) : evaluate_option<aws_fargate>(x, {});
  };
  const evaluation e = conclude<decide::cheapest>(w, 2, run);
  REQUIRE(e.advice.kind == choice::containers);
  REQUIRE(e.break_even.size() == 1);
  REQUIRE(e.break_even[0].requests_per_month);
  CHECK(e.notes.empty());
  const int once = runs;
  runs = 0;
  w.defaulted.clear();
  (void)conclude<decide::cheapest>(w, 2, run);
  CHECK(runs == once);  // the same number of runs as with nothing defaulted: no second evaluation
}
