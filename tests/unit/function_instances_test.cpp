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
  CHECK(u.peak_instances == doctest::Approx(5));
  CHECK(u.served.value() == doctest::Approx(10 * hours(24 * 30).value()));
}

TEST_CASE("with a steady Poisson rate λ and keep-alive T, the cold-start rate is e^(-λT)") {
  struct scenario {
    double rate, keep_alive;
  };
  for (auto s : {scenario{1.0 / 300, 600}, scenario{1.0 / 3600, 600}, scenario{1.0 / 60, 600}, scenario{0.05, 30},
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
  CHECK(u.peak_instances == doctest::Approx(100));
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
