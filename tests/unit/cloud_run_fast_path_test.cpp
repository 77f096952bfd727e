// Cloud Run's trace passes (concurrent_instances::run_trace_passes, detail::concurrent_trace: one
// request per instance, nothing throttled) against the rule written out plainly from
// concurrent_instances' documentation — every step's window scanned again, each step's peak asked
// for its own load, the gap rule from the window's request count — and against walk(), whose sums
// they must reproduce up to the order of additions.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <runwise/simulate/concurrent_instances.hpp>
#include "sparse_day.hpp"

using namespace runwise;
using simulate::concurrent_instances;

namespace {
struct plain_result {
  double served = 0, cold = 0, alive_s = 0, most_alive = 0;
};

// The documented rule, step by step, for one request per instance and no throttling: a step's load
// a = n·(E[d] / step) is its busy instances; the W = ceil(T / step) steps before it keep the most
// whole busy instances warm; alive are the most instances at any step's peak over the window and
// the step (the 1 - E[d]/T quantile of Poisson(a)), at least a, the minimum, and 1 when the window
// or the step had a request; cold starts: the first request after a window without any (unless a
// minimum instance waits), plus instances beyond the warm ones.
plain_result plain_model(const workload& w, const concurrent_instances::config& c) {
  const auto& n = w.traffic.counts();
  const double step = w.traffic.step().value(), d = w.duration.mean.value();
  const auto W = static_cast<std::size_t>(std::max(1.0, std::ceil(c.idle_timeout_s / step - 1e-9)));
  const double minimum = std::floor(c.min_instances), p = 1 - std::min(0.5, d / std::max(c.idle_timeout_s, d));
  const auto load = [&](std::size_t i) { return n[i] * (d / step); };
  const auto peak = [&](double a) { return std::ceil(simulate::poisson_quantile(a, p) - 1e-9); };
  plain_result r;
  for (std::size_t i = 0; i < n.size(); ++i) {
    double warm = 0, requests_before = 0, most_peak = peak(load(i));
    for (std::size_t j = i >= W ? i - W : 0; j < i; ++j) {
      warm = std::max(warm, std::ceil(load(j) - 1e-9));
      requests_before += n[j];
      most_peak = std::max(most_peak, peak(load(j)));
    }
    const double any = requests_before + n[i] > 0 ? 1.0 : 0.0;
    const double alive = std::max({minimum, most_peak, load(i), any});
    r.alive_s += step * alive;
    r.most_alive = std::max(r.most_alive, alive);
    if (n[i] > 0 && minimum < 1 && requests_before == 0) r.cold += std::min(1.0, n[i]);
    r.cold += std::max(0.0, std::ceil(load(i) - 1e-9) - std::max(1.0, warm));
    r.served += n[i];
  }
  return r;
}

void check_against_plain_and_walk(const workload& w, const concurrent_instances::config& c) {
  usage fast;
  fast.horizon = w.traffic.horizon();
  REQUIRE(concurrent_instances::run_trace_passes(w, c, fast));
  const plain_result plain = plain_model(w, c);
  CHECK(fast.served.value() == plain.served);
  CHECK(fast.throttled.value() == 0);
  CHECK(fast.cold_starts.value() == doctest::Approx(std::min(plain.cold, plain.served)).epsilon(1e-12));
  CHECK(fast.peak_instances == plain.most_alive);
  CHECK(fast.mean_instances * fast.horizon.value() == doctest::Approx(plain.alive_s).epsilon(1e-12));
  // walk(): the same per-step values (the instances alive bit for bit), summed in step order.
  double cold = 0, most = 0;
  const auto time =
      concurrent_instances::walk(w, c, 0.0, [&](std::size_t, double, double, double, double alive, double cs) {
        cold += cs;
        most = std::max(most, alive);
      });
  CHECK(fast.peak_instances == most);
  CHECK(fast.mean_instances * fast.horizon.value() == doctest::Approx(time.alive_s).epsilon(1e-12));
  CHECK(fast.cold_starts.value() == doctest::Approx(std::min(cold, w.traffic.total().value())).epsilon(1e-12));
}

// Bursty counts: idle stretches longer than any window, steady stretches, and spikes.
std::vector<double> bursty(std::size_t steps, double scale) {
  std::vector<double> counts(steps, 0.0);
  for (std::size_t i = 0; i < steps; ++i) {
    const std::size_t phase = i % 97;
    if (phase < 30) continue;  // idle
    counts[i] = phase % 11 == 0 ? scale * 40 : std::floor(scale * static_cast<double>((i * 7919) % 23));
  }
  return counts;
}
}  // namespace

TEST_CASE("Cloud Run's trace passes equal the plain rule: windows from one step to longer than the trace") {
  for (const double timeout : {0.0, 60.0, 900.0, 3600.0, 86'400.0})
    for (const std::size_t steps : {std::size_t{1}, std::size_t{500}, std::size_t{1440}, std::size_t{4000}}) {
      CAPTURE(timeout);
      CAPTURE(steps);
      const workload w{.traffic = traffic_series(seconds{60}, bursty(steps, 1)), .duration = {milliseconds(800)}};
      check_against_plain_and_walk(w, {.idle_timeout_s = timeout});
    }
}

TEST_CASE("Cloud Run's trace passes equal the plain rule with minimum instances and heavy loads") {
  // min_instances 1 and 3: no cold start after idling, and the minimum alive when the peak is below
  // it. Loads up to 40 × 300 requests a minute at 2.5 s = 500 in flight: above a = 700 the peak
  // takes the normal approximation, so 100,000 instances allowed keeps everything served.
  for (const double minimum : {0.0, 1.0, 3.0})
    for (const double scale : {0.01, 1.0, 300.0}) {
      CAPTURE(minimum);
      CAPTURE(scale);
      const workload w{.traffic = traffic_series(seconds{60}, bursty(1440, scale)), .duration = {milliseconds(2500)}};
      check_against_plain_and_walk(w, {.min_instances = minimum, .max_instances = 1e5});
    }
}

TEST_CASE("Cloud Run's trace passes: fractional observed counts and one-second steps") {
  // A trace rescaled by 0.37 (what Monte Carlo's volume draws do) leaves fractional counts of at
  // least 0.37, whose loads are positive: the passes apply, and a step with 0.37 requests is 0.37
  // cold starts after an idle window, as in the walk.
  std::vector<double> counts = bursty(3000, 1);
  for (double& x : counts) x *= 0.37;
  const workload w{.traffic = traffic_series(seconds{1}, counts), .duration = {milliseconds(120)}};
  check_against_plain_and_walk(w, {.idle_timeout_s = 30});
}

TEST_CASE("Cloud Run's trace passes step aside where they do not apply") {
  usage u;
  // Several requests per instance: the Poisson load per step, in the walk.
  workload shared{.traffic = traffic_series(seconds{60}, bursty(100, 1)), .duration = {milliseconds(800)}};
  shared.concurrency_per_instance = 80;
  CHECK_FALSE(concurrent_instances::run_trace_passes(shared, {}, u));
  // Expected counts (Poisson means): the expected gap rule, in the walk.
  const workload expected{.traffic = traffic_series(seconds{60}, bursty(100, 1), "traffic", false),
                          .duration = {milliseconds(800)}};
  CHECK_FALSE(concurrent_instances::run_trace_passes(expected, {}, u));
  // A throttled step (40 × 20 requests a minute at 30 s is 400 in flight, above 100 instances).
  const workload throttled{.traffic = traffic_series(seconds{60}, bursty(100, 20)), .duration = {seconds{30}}};
  CHECK_FALSE(concurrent_instances::run_trace_passes(throttled, {}, u));
  // run() still answers all three, through the walk: everything served but the throttled share.
  CHECK(concurrent_instances::run(throttled, {}).throttled.value() > 0);
  CHECK(concurrent_instances::run(shared, {}).served.value() == shared.traffic.total().value());
}

TEST_CASE("Cloud Run's trace passes on a sparse trace: only the stretches around requests are walked") {
  // A request every ~50 minutes and a few bursts (as half the functions of the Azure trace): the
  // passes read the stretches from each request to a timeout past it, and count the steps between
  // as idle — no cold start, the minimum instances alive. Same sums as the plain rule.
  const std::vector<double> counts = sparse_day(11);
  const workload w{.traffic = traffic_series(seconds{60}, counts), .duration = {milliseconds(1500)}};
  REQUIRE(detail::sparse_enough(w.traffic.busy_steps(), 15, counts.size()));
  for (const double minimum : {0.0, 2.0})
    for (const double timeout : {60.0, 900.0}) {
      CAPTURE(minimum);
      CAPTURE(timeout);
      check_against_plain_and_walk(w, {.min_instances = minimum, .idle_timeout_s = timeout});
    }
  // No request at all: no stretch; the minimum instances all day, or nothing.
  const workload idle{.traffic = traffic_series(seconds{60}, std::vector<double>(1440, 0.0)),
                      .duration = {milliseconds(1500)}};
  check_against_plain_and_walk(idle, {.min_instances = 2});
  check_against_plain_and_walk(idle, {});
}

TEST_CASE("Cloud Run's peak never falls as the load grows, across the normal approximation at a = 700") {
  // A window's peak is taken as the quantile of its largest load, which needs the quantile to be
  // non-decreasing in the load. The normal approximation above a = 700 leaves out the skew: at
  // p = 1 - 1/900 it gave 781 at a = 700.001 where the exact sum gives 782 at 700 (found in review).
  for (const double p : {0.5, 0.99, 1 - 1.0 / 900, 0.9999}) {
    CAPTURE(p);
    double last = 0;
    for (double a = 650; a <= 760; a += 0.25) {
      const double q = simulate::poisson_quantile(a, p);
      CHECK(q >= last);
      last = q;
    }
  }
  // Loads 700 and 700.001 (42,000 and 42,000.06 requests a minute at 1 s): 782 instances at the
  // peak in every step of the window, as the rule asks step by step. 782 is the Cornish-Fisher
  // value of the Poisson(700) quantile at p = 1 - 1/900 (z = 3.06 from the standard normal table):
  // ceil(a + z·sqrt(a) + (z² - 1)/6 - 0.5) = ceil(700 + 80.96 + 1.39 - 0.5) = ceil(781.85) = 782.
  const workload w{.traffic = traffic_series(seconds{60}, {42'000, 42'000.06, 0, 0}), .duration = {seconds{1}}};
  check_against_plain_and_walk(w, {.max_instances = 5000});
  CHECK(concurrent_instances::run(w, {.max_instances = 5000}).peak_instances == 782);
}

TEST_CASE("Cloud Run: a window is idle when no request came in it, whatever its running sum keeps") {
  // Found in review: these counts leave 1.9e-8 in a running sum of the window once they have left
  // it, which the walk read as "not idle" and the passes (largest load 0) as idle. Both now count
  // the request of minute 40 as a cold start, as the plain rule does.
  std::vector<double> counts(100, 0.0);
  counts[0] = 2.9, counts[1] = 100'000'045.5, counts[2] = 10'000'002.4, counts[3] = 30'000'025.8, counts[40] = 1;
  const workload w{.traffic = traffic_series(seconds{60}, counts), .duration = {milliseconds(1)}};
  check_against_plain_and_walk(w, {.max_instances = 1e5});
}
