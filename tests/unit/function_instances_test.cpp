// The per-step serverless model against results that follow from its definitions: Little's law,
// and for Poisson arrivals at rate λ with keep-alive T, a request is cold with probability e^(-λT)
// (the chance that the gap before it exceeds T).
#include <doctest/doctest.h>

#include <cmath>

#include <runwise/simulate/function_instances.hpp>
#include <runwise/workload/generators.hpp>

using namespace runwise;
using simulate::function_instances;

namespace {
workload steady(double rate_per_s, double duration_ms, seconds horizon = hours(24 * 30)) {
  return {.traffic = make_traffic(rate_per_s, horizon, seconds{60}), .duration = {milliseconds(duration_ms)}};
}
}  // namespace

TEST_CASE("busy instances follow Little's law: 10 requests/s × 0.5 s = 5") {
  const usage u = function_instances::run(steady(10, 500), {});
  CHECK(u.mean_instances == doctest::Approx(5));
  CHECK(u.mean_busy_instances == doctest::Approx(5));
  CHECK(u.idle_capacity_share == 0);
  // At once, with arrivals at random: about 60 / 0.5 = 120 looks a minute at N ~ Poisson(5), the
  // most near the quantile 1 - 0.5/60 = 0.99167: P(N <= 10) = 0.98630 < 0.99167 <= P(N <= 11) =
  // 0.99455, so 11 executions (summed from the Poisson pmf).
  CHECK(u.peak_instances == 11);
  CHECK(u.served.value() == doctest::Approx(10 * hours(24 * 30).value()));
}

TEST_CASE("with a steady Poisson rate λ and keep-alive T, the cold-start rate is e^(-λT)") {
  struct scenario {
    double rate, keep_alive;
  };
  // Fractional per-minute counts: generated averages, taken as Poisson means.
  for (auto s : {scenario{1.0 / 300, 600}, scenario{1.0 / 3600, 600}, scenario{1.0 / 70, 600}, scenario{0.045, 30},
                 scenario{1.0 / 900, 1200}}) {
    CAPTURE(s.rate);
    CAPTURE(s.keep_alive);
    const usage u = function_instances::run(steady(s.rate, 10), {.keep_alive_s = s.keep_alive});
    CHECK(u.cold_start_rate() == doctest::Approx(std::exp(-s.rate * s.keep_alive)).epsilon(0.01));
  }
}

TEST_CASE("scaling out beyond the warm pool starts new instances cold") {
  std::vector<double> counts(60, 60.0);     // 1 request/s for an hour
  counts.insert(counts.end(), 60, 6000.0);  // then 100 requests/s
  const workload w{.traffic = traffic_series(seconds{60}, counts), .duration = {milliseconds(1000)}};
  const usage u = function_instances::run(w, {});
  // 100 in flight on average; at once, the quantile 1 - 1/60 of Poisson(100): P(N <= 121) =
  // 0.98193 < 0.98333 <= P(N <= 122) = 0.98569 (summed pmf), 122 executions.
  CHECK(u.peak_instances == 122);
  // One instance started with the traffic, 99 more when it jumped; steady traffic adds ~nothing.
  CHECK(u.cold_starts.value() == doctest::Approx(100).epsilon(0.01));
}

TEST_CASE("after an idle gap longer than the keep-alive the pool is gone") {
  std::vector<double> counts(180, 0.0);
  for (int i = 0; i < 10; ++i) counts[i] = counts[120 + i] = 600;  // 10 req/s for 10 min, twice, 1 h 50 min apart
  const workload w{.traffic = traffic_series(seconds{60}, counts), .duration = {milliseconds(1000)}};
  const usage u = function_instances::run(w, {.keep_alive_s = 600});
  CHECK(u.cold_starts.value() == doctest::Approx(20).epsilon(0.01));  // 10 instances, twice
  const usage kept = function_instances::run(w, {.keep_alive_s = 3 * 3600});
  CHECK(kept.cold_starts.value() == doctest::Approx(10).epsilon(0.01));
}

TEST_CASE("requests above the concurrency limit are throttled") {
  const usage u = function_instances::run(steady(20, 1000, hours(1)), {.concurrency_limit = 10});
  CHECK(u.throttled.value() == doctest::Approx(0.5 * 20 * 3600));
  CHECK((u.served + u.throttled).value() == doctest::Approx(u.arrived.value()));
  CHECK(u.peak_instances == doctest::Approx(10));
}

namespace {
/// One request every `minutes` minutes for a day, as a hand-made per-minute series.
workload every(int minutes) {
  std::vector<double> counts(24 * 60, 0.0);
  for (std::size_t i = 0; i < counts.size(); i += static_cast<std::size_t>(minutes)) counts[i] = 1;
  return {.traffic = traffic_series(seconds{60}, counts), .duration = {milliseconds(100)}};
}
}  // namespace

TEST_CASE("observed requests: every 20 minutes with a 10-minute window all are cold, every 5, only the first") {
  const usage sparse = function_instances::run(every(20), {.keep_alive_s = 600});
  CHECK(sparse.served.value() == 72);
  CHECK(sparse.cold_starts.value() == 72);
  const usage dense = function_instances::run(every(5), {.keep_alive_s = 600});
  CHECK(dense.served.value() == 288);
  CHECK(dense.cold_starts.value() == 1);
  // Three whole requests a minute with a 15-second keep-alive: 20 s apart, each is cold.
  const workload spaced{.traffic = traffic_series(seconds{60}, std::vector<double>(10, 3.0)),
                        .duration = {milliseconds(100)}};
  CHECK(function_instances::run(spaced, {.keep_alive_s = 15}).cold_starts.value() == 30);
}

TEST_CASE("provisioned instances never start cold and serve their share of each step") {
  // One request every 20 minutes: with a 10-minute keep-alive every request is cold...
  const workload sparse = every(20);
  CHECK(function_instances::run(sparse, {}).cold_start_rate() == 1);
  // ...unless one instance is provisioned.
  const usage pc = function_instances::run(sparse, {.provisioned_concurrency = 1});
  CHECK(pc.cold_starts.value() == doctest::Approx(0));
  CHECK(pc.provisioned_served.value() == doctest::Approx(pc.served.value()));
  CHECK(pc.provisioned_instances == 1);
  // 20 busy instances on 10 provisioned: half the requests run on them.
  const usage half = function_instances::run(steady(20, 1000, hours(1)), {.provisioned_concurrency = 10});
  CHECK(half.provisioned_served.value() == doctest::Approx(0.5 * half.served.value()));
}

TEST_CASE("scale-out is limited to 1,000 new environments per 10 seconds") {
  // From nothing to 20,000 concurrent: environments start at 1,000 per 10 s (Lambda's documented
  // rate), so over the first minute 0 → 6,000 of them are up, 3,000 on average, and the rest of the
  // 20,000 requests/s are throttled.
  std::vector<double> counts{0, 1'200'000};  // 20,000 requests/s of 1 s
  const workload w{.traffic = traffic_series(seconds{60}, counts), .duration = {milliseconds(1000)}};
  const usage u = function_instances::run(w, {.concurrency_limit = 1e6});
  // 3,000 admitted on average; at once, the normal approximation of Poisson(3000)'s quantile at
  // 1 - 1/60 (z = 2.12805): ceil(3000 + 2.12805 × √3000 − 0.5) = ceil(3116.06) = 3117, below the
  // 6,000 environments up at the minute's end.
  CHECK(u.peak_instances == 3117);
  CHECK(u.throttled.value() == doctest::Approx(1'200'000 * (1 - 3000.0 / 20000)));
  CHECK((u.served + u.throttled).value() == doctest::Approx(u.arrived.value()));
}

TEST_CASE("the first request of a trace is cold even when the keep-alive is shorter than a step") {
  // One request a second for an hour, in one-hour steps, keep-alive 10 s: the first request finds
  // no instance; the rest arrive 1 s apart.
  const workload w{.traffic = traffic_series(seconds{3600}, {3600}), .duration = {milliseconds(100)}};
  CHECK(function_instances::run(w, {.keep_alive_s = 10}).cold_starts.value() == doctest::Approx(1));
  const workload expected{.traffic = traffic_series(seconds{3600}, {3600}, "traffic", false),
                          .duration = {milliseconds(100)}};
  CHECK(function_instances::run(expected, {.keep_alive_s = 10}).cold_starts.value() == doctest::Approx(1));
}
