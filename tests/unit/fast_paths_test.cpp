// The optimised per-step serverless model (ring-buffer warm pool, no std::exp where a term is below
// 1e-29 requests; with a fixed cap, the warm pool by van Herk–Gil-Werman blocks, and for traces
// flat passes) against the model written out plainly from its documentation: every step's
// instances kept, the warm pool found by scanning the window, both exponentials always computed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include <runwise/simulate/function_instances.hpp>
#include <runwise/workload/generators.hpp>
#include "sparse_day.hpp"

using namespace runwise;
using simulate::function_instances;

namespace {
struct plain_result {
  double served = 0, throttled = 0, cold = 0, on_provisioned = 0, busy_seconds = 0, peak = 0;
};

// function_instances' documented model, step by step, with nothing skipped or cached.
plain_result plain_model(const workload& w, const function_instances::config& c) {
  const auto& n = w.traffic.counts();
  const double step = w.traffic.step().value(), d = w.duration.mean.value(), T = c.keep_alive_s;
  const double provisioned = std::floor(c.provisioned_concurrency);
  const auto W = static_cast<std::size_t>(std::max(1.0, std::floor(T / step)));
  std::vector<double> instances(n.size(), 0.0);
  plain_result r;
  for (std::size_t i = 0; i < n.size(); ++i) {
    double pool = 0, before = 0;  // most instances, and requests, in the W steps before i
    for (std::size_t j = i >= W ? i - W : 0; j < i; ++j) {
      pool = std::max(pool, instances[j]);
      before += n[j];
    }
    const double warm = std::max(provisioned, pool);
    const double rate = n[i] / step, busy = rate * d;
    const double cap = std::min(c.concurrency_limit, warm + c.scale_out_per_10s * step / 10.0 / 2);
    const double share = busy > cap ? cap / busy : 1.0;
    r.throttled += n[i] * (1 - share);
    r.served += n[i] * share;
    const double admitted = busy * share;
    instances[i] = n[i] > 0 ? std::max(1.0, std::ceil(admitted - 1e-9)) : 0.0;
    if (admitted > 0) r.on_provisioned += n[i] * share * std::min(admitted, provisioned) / admitted;
    if (n[i] > 0 && provisioned < 1) {
      const bool idle = before < 1e-9;
      double gap = 0;
      if (w.traffic.observed()) {
        gap = n[i] >= 1 && step / n[i] > T ? n[i] : (idle ? std::min(1.0, n[i]) : 0.0);
      } else if (T < step) {
        gap = n[i] * std::exp(-rate * T);
        if (idle) gap = std::max(gap, 1 - std::exp(-n[i]));
      } else {
        const double rbar = before / (static_cast<double>(W) * step), x = (rate - rbar) * step, a = rbar * T;
        gap = std::fabs(x) < 1e-9 ? n[i] * std::exp(-a) : n[i] * (std::exp(-a) - std::exp(-(a + x))) / x;
      }
      r.cold += gap * share;
    }
    r.cold += std::max(0.0, instances[i] - std::max(warm, 1.0));
    r.busy_seconds += admitted * step;
    r.peak = std::max(r.peak, admitted);
  }
  return r;
}

void check_same(const workload& w, const function_instances::config& c) {
  const usage u = function_instances::run(w, c);
  const plain_result p = plain_model(w, c);
  const double tol = 1e-12;
  CHECK(u.served.value() == doctest::Approx(p.served).epsilon(tol));
  CHECK(u.throttled.value() == doctest::Approx(p.throttled).epsilon(tol));
  // Cold starts to 1e-10: the library keeps the window's request count as a running sum, the plain
  // model sums it afresh; the two round differently, and x = (λ − r)·step subtracts nearly equal
  // numbers. (Measured: up to 8e-11 here, the same before the optimisation.)
  CHECK(u.cold_starts.value() == doctest::Approx(std::min(p.cold, p.served)).epsilon(1e-10));
  CHECK(u.provisioned_served.value() == doctest::Approx(std::min(p.on_provisioned, p.served)).epsilon(tol));
  CHECK(u.mean_instances == doctest::Approx(p.busy_seconds / w.traffic.horizon().value()).epsilon(tol));
  // The peak at once: the busiest step's mean concurrency, as whole executions in flight with
  // arrivals at random within the step (simulate::peak_in_flight), within the limit.
  const double at_once = std::min(std::floor(c.concurrency_limit),
                                  simulate::peak_in_flight(p.peak, w.duration.mean.value(), w.traffic.step().value()));
  CHECK(u.peak_instances == at_once);
}

// A minute series that walks every branch of the fast paths: idle stretches (the first request
// after them is cold, the pool is empty), ones and twos (spacing above a short keep-alive), bursts
// whose instances rise and fall across window blocks (scale-out cold starts), and spikes far above
// the concurrency limit (throttling). A fixed linear congruential generator (Knuth's MMIX
// constants) makes it the same on every platform.
std::vector<double> rugged_counts(bool with_spikes) {
  std::vector<double> c;
  std::uint64_t state = 12345;
  for (int i = 0; i < 6000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto r = static_cast<int>((state >> 33) % 100);
    if (i % 1000 >= 700 && i % 1000 < 760) {  // an hour with no request
      c.push_back(0);
      continue;
    }
    c.push_back(r < 30 ? 0.0 : r < 60 ? r % 3 : r < 97 || !with_spikes ? r * 40.0 : 2e5);
  }
  return c;
}

workload series(std::vector<double> counts, bool observed, double duration_ms = 2000) {
  return {.traffic = traffic_series(seconds{60}, std::move(counts), "traffic", observed),
          .duration = {milliseconds(duration_ms)},
          .memory = megabytes{512}};
}

// Lambda's defaults and the variations each fast path must handle: keep-alive below the step
// (W = 1) and not a whole number of steps, provisioned concurrency, a fixed cap below the default
// (scale-out 20 per 10 s gives 60 per half minute >= limit 50), a cap that depends on the warm pool
// (scale-out 100 per 10 s: 300 < 1,000, the general loop), a limit nothing reaches and long windows.
const function_instances::config rugged_configs[] = {
    {},
    {.keep_alive_s = 30},
    {.keep_alive_s = 900},
    {.provisioned_concurrency = 5},
    {.keep_alive_s = 30, .provisioned_concurrency = 1},
    {.concurrency_limit = 50, .scale_out_per_10s = 20},
    {.scale_out_per_10s = 100},
    {.concurrency_limit = 1e7, .scale_out_per_10s = 1e7},
    {.keep_alive_s = 30, .concurrency_limit = 1e7, .scale_out_per_10s = 1e7},
    // Windows of 120 and 1,440 steps: the trace passes' chunks of about a thousand steps hold
    // eight blocks, then a single block longer than a thousand steps.
    {.keep_alive_s = 7200},
    {.keep_alive_s = 86'400},
};

workload month(double per_month, traffic_shape shape, double duration_ms = 200) {
  return {.traffic = make_traffic(per_month / hours(730).value(), hours(730), seconds{60}, shape),
          .duration = {milliseconds(duration_ms)},
          .memory = megabytes{512}};
}
}  // namespace

TEST_CASE("function_instances: the optimised loop equals the plain model to 1e-12 (expected counts)") {
  for (double per_month : {3e3, 3e5, 3e6, 3e8})
    for (auto pattern : {traffic_pattern::constant, traffic_pattern::diurnal, traffic_pattern::spiky}) {
      CAPTURE(per_month);
      const traffic_shape shape{.pattern = pattern, .peak_to_mean = pattern == traffic_pattern::constant ? 1.0 : 4.0};
      check_same(month(per_month, shape), {});
      check_same(month(per_month, shape), {.keep_alive_s = 30});   // keep-alive below the step
      check_same(month(per_month, shape), {.keep_alive_s = 900});  // window not a whole number of steps
      check_same(month(per_month, shape, 2000), {.concurrency_limit = 50, .scale_out_per_10s = 20});
    }
}

TEST_CASE("function_instances: the optimised loop equals the plain model to 1e-12 (traces and provisioned)") {
  for (double per_month : {3e3, 3e6}) {
    CAPTURE(per_month);
    const traffic_shape noisy{.pattern = traffic_pattern::diurnal, .peak_to_mean = 3, .poisson_noise = true, .seed = 4};
    const workload w = month(per_month, noisy);
    REQUIRE(w.traffic.observed());
    check_same(w, {});
    check_same(w, {.provisioned_concurrency = 2});
    // A trace scaled by a Monte Carlo traffic factor: fractional observed counts.
    check_same({.traffic = w.traffic.scaled(0.37), .duration = {milliseconds(200)}}, {});
  }
}

TEST_CASE("function_instances: fast paths equal the plain model on rugged traces (bursts, idle hours, throttling)") {
  for (bool spikes : {false, true})
    for (const auto& c : rugged_configs) {
      CAPTURE(spikes);
      CAPTURE(c.keep_alive_s);
      CAPTURE(c.concurrency_limit);
      CAPTURE(c.scale_out_per_10s);
      CAPTURE(c.provisioned_concurrency);
      check_same(series(rugged_counts(spikes), true), c);
      check_same(series(rugged_counts(spikes), true, 20), c);  // 20 ms: one instance in most steps
      check_same(
          {.traffic = series(rugged_counts(spikes), true).traffic.scaled(0.37), .duration = {milliseconds(2000)}}, c);
    }
}

TEST_CASE("function_instances: fast paths equal the plain model on rugged expected counts") {
  for (bool spikes : {false, true})
    for (const auto& c : rugged_configs) {
      CAPTURE(spikes);
      CAPTURE(c.keep_alive_s);
      CAPTURE(c.scale_out_per_10s);
      check_same(series(rugged_counts(spikes), false), c);
      check_same(
          {.traffic = series(rugged_counts(spikes), false).traffic.scaled(0.37), .duration = {milliseconds(2000)}}, c);
    }
}

TEST_CASE("function_instances: counts below 1e-9 leave the trace passes for the general loop, same result") {
  // A window of such counts is idle by its request sum (< 1e-9) but not by its pool of instances:
  // the trace passes give up on them, and the result is still the plain model's.
  std::vector<double> counts = rugged_counts(false);
  for (std::size_t i = 0; i < counts.size(); i += 7) counts[i] = i % 2 == 0 ? 4e-10 : counts[i];
  for (const auto& c : rugged_configs) {
    CAPTURE(c.keep_alive_s);
    CAPTURE(c.scale_out_per_10s);
    check_same(series(counts, true), c);
  }
  // 100 steps of 4e-10 requests, W = 10: only steps 0, 1 and 2 follow windows summing below 1e-9
  // (0, 4e-10, 8e-10; step 3's is 1.2e-9), so 3 × 4e-10 requests start cold — the pool alone would
  // call only step 0's window idle, and count 4e-10.
  const usage u = function_instances::run(series(std::vector<double>(100, 4e-10), true), {});
  CHECK(u.cold_starts.value() == doctest::Approx(3 * 4e-10).epsilon(1e-9));
}

TEST_CASE("for_each_busy_stretch: stretches around requests, merged within a window, ending `after` past the last") {
  // Requests at steps 2, 5, 20 and 29 of 32; window 3: steps 2 and 5 are 3 apart (one stretch),
  // 20 starts another (15 after 5), 29 is 9 after 20 (a third).
  std::vector<double> n(32, 0.0);
  for (std::size_t i : {2, 5, 20, 29}) n[i] = 1;
  std::vector<std::pair<std::size_t, std::size_t>> got;
  const auto collect = [&](std::size_t b, std::size_t e) { got.emplace_back(b, e); };
  detail::for_each_busy_stretch(n.data(), n.size(), 3, 0, collect);
  CHECK(got == std::vector<std::pair<std::size_t, std::size_t>>{{2, 6}, {20, 21}, {29, 30}});
  got.clear();
  detail::for_each_busy_stretch(n.data(), n.size(), 3, 3, collect);  // a window past each: 29's ends at 32
  CHECK(got == std::vector<std::pair<std::size_t, std::size_t>>{{2, 9}, {20, 24}, {29, 32}});
  got.clear();
  detail::for_each_busy_stretch(n.data(), 0, 3, 3, collect);  // nothing, and no request
  std::fill(n.begin(), n.end(), 0.0);
  detail::for_each_busy_stretch(n.data(), n.size(), 3, 3, collect);
  CHECK(got.empty());
  CHECK(detail::sparse_enough(29, 15, 1440));  // 29 × 16 = 464 <= 720
  CHECK_FALSE(detail::sparse_enough(46, 15, 1440));
}

TEST_CASE("function_instances: a sparse trace read stretch by stretch equals the plain model and the whole pass") {
  // Half of the Azure trace's functions are called now and then: a request every ~50 minutes and a
  // few bursts, so the busy steps' stretches cover a small part of the day and the passes skip the
  // rest. The cold starts must be the plain model's, and the whole-trace pass's.
  const std::vector<double> counts = sparse_day(7);
  const workload w = series(counts, true);
  REQUIRE(detail::sparse_enough(w.traffic.busy_steps(), 10, counts.size()));
  for (const double keep_alive : {30.0, 600.0, 900.0}) {
    CAPTURE(keep_alive);
    check_same(w, {.keep_alive_s = keep_alive});
    const auto window = static_cast<std::size_t>(std::max(1.0, std::floor(keep_alive / 60)));
    const double per_request = w.duration.mean.value() / 60;
    CHECK(detail::trace_cold_starts(counts, w.traffic.busy_steps(), window, 60, per_request, keep_alive) ==
          detail::trace_cold_starts(counts, counts.size(), window, 60, per_request, keep_alive));
  }
}
