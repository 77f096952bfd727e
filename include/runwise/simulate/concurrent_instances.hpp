// SPDX-License-Identifier: MIT
#pragma once

// Instances that each serve up to C requests at once and scale with the requests in flight (Cloud
// Run): per step, N ~ Poisson(λ·E[d]) requests in flight (M/G/∞), ceil(N / C) instances busy.

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "../core/detail/check.hpp"
#include "../core/detail/math.hpp"
#include "../core/detail/sliding_max.hpp"
#include "../core/usage.hpp"
#include "../workload/workload.hpp"
#include "concurrent_trace.hpp"
#include "gap_cold_starts.hpp"
#include "poisson_instances.hpp"

namespace runwise::simulate {

/// Expected rounding that per-busy-period billing adds in a step where `n` requests arrived.
///
/// Each instance busy period (time with at least one request in flight) is rounded up to `g`.
/// With C = 1 every request is its own busy period: n · (E[billed(d)] - E[d]), exact. With C > 1,
/// n · P(N = 0) arrivals start a first-instance period, which is the lone request with probability
/// e^(-a) (no other arrival while it runs) and then rounds like it, and otherwise is long enough
/// for its end to fall anywhere in a step of g (g/2 on average); the n · P(N = kC), k >= 1, arrivals
/// that start higher instances' periods add g/2 each.
///
/// ```cpp
/// auto l = runwise::simulate::poisson_instance_load(0.1, 1);
/// runwise::simulate::rounding_seconds(120, l, 1, {runwise::milliseconds(50)}, 0.1);   // 120 × 50 ms = 6 s
/// ```
constexpr double rounding_seconds(double n, const instance_load& l, double per_instance, const duration_model& d,
                                  double g);

/// Adds the busy periods of a step where `n` requests arrived to `split`: with C = 1 each request is
/// a lone period; with C > 1 the n · P(N = 0) first-instance periods are lone with probability
/// e^(-a), and those with company and the higher instances' periods are shared (rounding_seconds).
constexpr void count_busy_periods(double n, const instance_load& l, double per_instance,
                                  instance_time_split& split) noexcept {
  if (!(n > 0)) return;
  if (detail::floor(per_instance) <= 1) {
    split.lone_periods += n;
    return;
  }
  const double first = n * l.idle_probability, others = n * detail::max(0.0, l.starts_per_arrival - l.idle_probability);
  split.lone_periods += first * l.idle_probability;
  split.shared_periods += first * (1 - l.idle_probability) + others;
}

/// rounding_seconds with the lone request's rounding `single` = E[billed(d)] - E[d] already known
/// (it depends on the duration model and g only: a walk computes it once, not every step).
constexpr double rounding_seconds_given(double n, const instance_load& l, double per_instance, double single,
                                        double g) noexcept {
  if (!(g > 0) || !(n > 0)) return 0.0;
  instance_time_split step;
  count_busy_periods(n, l, per_instance, step);
  return step.rounding_s(single, g);
}

constexpr double rounding_seconds(double n, const instance_load& l, double per_instance, const duration_model& d,
                                  double g) {
  if (!(g > 0) || !(n > 0)) return 0.0;
  return rounding_seconds_given(n, l, per_instance, d.expected_billed(seconds{g}).value() - d.mean.value(), g);
}

/// Capacity policy for instances that share their time among up to `concurrency_per_instance`
/// simultaneous requests and scale to zero (Google Cloud Run).
///
/// Per step of length s with n requests: a = (n / s)·E[d] in flight on average; requests above
/// max_instances × C in flight are throttled in proportion; busy instance-seconds s·E[ceil(N/C)]
/// (poisson_instance_load). Instances stay up `idle_timeout_s` after their last request: the
/// instances alive in a step are the most that were busy in the window, at least the probability
/// 1 - e^(-R) that one of the window's R expected requests arrived (or 1 if an observed one did),
/// and at least min_instances. Cold starts: requests after an idle gap (expected_gap_cold_starts
/// for Poisson means; the first observed one after an empty window) when no minimum instance
/// waits, plus growth beyond the window's most instances.
///
/// ```cpp
/// runwise::simulate::concurrent_instances::config c{.min_instances = 1};
/// runwise::usage u = runwise::simulate::concurrent_instances::run(w, c);
/// ```
struct concurrent_instances {
  struct config {
    double min_instances = 0;  ///< kept running all the time (Cloud Run default 0: scale to zero)
    /// Cloud Run's default maximum is 100 instances per service (Firebase App Hosting `RunConfig`
    /// reference, "Cloud Run's default of a maximum of 100 instances",
    /// https://firebase.google.com/docs/reference/apphosting/rest/v1beta/RunConfig, seen 2026-11-26).
    double max_instances = 100;
    /// How long an idle instance stays up. Cloud Run documents only that it removes idle instances
    /// ("Set minimum instances"); runwise found no documented duration, so 15 minutes is an
    /// assumption. Override it with what you observe.
    double idle_timeout_s = 900;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.number("min_instances", c.min_instances, 0, 1000);
      v.number("max_instances", c.max_instances, 1, 1e5);
      v.number("idle_timeout_s", c.idle_timeout_s, 0, 86'400, " s");
    }

    void validate(const std::string& path) const {
      if (min_instances > max_instances)
        fail_input(path + ".min_instances", "must not exceed max_instances (" + detail::format_number(max_instances) +
                                                "), got " + detail::format_number(min_instances));
    }
  };

  /// Instance time over the horizon, for billing.
  struct instance_time {
    double busy_s = 0;      ///< with at least one request in flight, before rounding
    double rounding_s = 0;  ///< what rounding each busy period up to the granularity adds
    double alive_s = 0;     ///< running (busy, idle before the timeout, or minimum instances)
    instance_time_split split;  ///< busy_s and the busy periods, for any granularity
  };

  /// A trace repeats its counts (idle minutes, steady stretches, the same few values of a sparse
  /// function): what a step needs depends on its load a alone, so the last values seen are kept in
  /// a small direct-mapped table. The same function on the same input: the results do not change.
  ///
  /// With one request per instance (C = 1) the busy instances are a itself and the rounding reads no
  /// other field (rounding_seconds_given), so nothing is computed or stored for the load.
  struct load_memo {
    struct entry {
      double a = -1;
      instance_load load{};
      double instances = 0;  ///< ceil(load.busy): whole instances busy at some point of the step
      double peak = -1;      ///< instances at the load's peak within a timeout (-1: not yet)
    };
    double per_instance;
    double quantile_p = 0.5;  ///< the quantile of the requests in flight that peak() takes
    double most_instances = HUGE_VAL;  ///< max_instances: more are never alive at once
    std::array<entry, 512> slots{};
    double quantile_z = 0;     ///< normal_quantile(quantile_p), found at the first load above 700
    double quantile_700 = -1;  ///< the summed quantile at a = 700, found then too
    bool have_z = false;

    [[nodiscard]] bool one_per_instance() const noexcept { return per_instance < 2; }

    entry& at(double a) {
      entry& r = slots[std::bit_cast<std::uint64_t>(a) * 0x9E3779B97F4A7C15ULL >> 55];
      if (r.a != a) {
        if (one_per_instance()) {
          r = {a, {a, 1.0, 0.0}, detail::ceil(a - 1e-9), -1};  // idle_probability is not read at C = 1
        } else {
          const instance_load load = poisson_instance_load(a, per_instance);
          r = {a, load, detail::ceil(load.busy - 1e-9), -1};
        }
      }
      return r;
    }

    /// The instance load of a step with load a (at C = 1, a itself: nothing looked up).
    instance_load load_of(double a) { return one_per_instance() ? instance_load{a, 1.0, 0.0} : at(a).load; }

    /// Whole instances busy at some point of a step with load a.
    double instances(double a) { return one_per_instance() ? detail::ceil(a - 1e-9) : at(a).instances; }

    /// Instances at the peak of load a within a timeout: instances live until idle for the timeout,
    /// so what is alive is the most ever needed at once within it, and of about T / E[d] independent
    /// looks at Poisson(a) requests in flight the largest is near the quantile p = 1 - E[d] / T. It
    /// grows with a, so over a window it is the peak of the window's largest load.
    double peak(double a) {
      entry& r = at(a);
      if (r.peak < 0) {
        if (a > 700 && !have_z) {
          quantile_z = normal_quantile(quantile_p), have_z = true;
          quantile_700 = poisson_quantile(700, quantile_p, quantile_z);
        }
        r.peak = std::min(most_instances,
                          std::ceil(poisson_quantile(a, quantile_p, quantile_z, quantile_700) / per_instance - 1e-9));
      }
      return r.peak;
    }
  };

  /// The idle timeout in whole steps of `step` seconds, at least one.
  static std::size_t timeout_steps(double step, const config& c) noexcept {
    return static_cast<std::size_t>(std::max(1.0, std::ceil(c.idle_timeout_s / step - 1e-9)));
  }

  /// The memo for a walk of `w` under `c`.
  static load_memo memo_for(const workload& w, const config& c) {
    const double d = w.duration.mean.value();
    return {.per_instance = std::floor(w.concurrency_per_instance),
            .quantile_p = 1 - std::min(0.5, d / std::max(c.idle_timeout_s, d)),
            .most_instances = std::floor(c.max_instances)};
  }

  /// Walks the traffic once; `granularity_s` is the billing rounding of busy periods (0 for none).
  ///
  /// Every per-step value that looks back over the timeout window (the instances kept warm, the
  /// instances at the window's peak) is a non-decreasing function of the load, so the walk keeps one
  /// sliding maximum of the load a and applies the function to it, once per change of the maximum.
  template <class Sink>
  static instance_time walk(const workload& w, const config& c, double granularity_s, Sink&& sink) {
    const traffic_series& t = w.traffic;
    const std::vector<double>& n = t.counts();
    const double step = t.step().value(), d = w.duration.mean.value(), per = w.concurrency_per_instance;
    const double per_request = d / step;  // a step's load is n·E[d]/step (Little's law)
    const double minimum = std::floor(c.min_instances), cap = std::floor(c.max_instances) * std::floor(per);
    const std::size_t window = timeout_steps(step, c);
    instance_time out;
    detail::sliding_max top(std::min(window, n.size()));  // the largest load over the window
    double in_window = 0;                                 // requests in the `window` steps before this one
    load_memo seen = memo_for(w, c);
    const double single = granularity_s > 0 ? w.duration.expected_billed(seconds{granularity_s}).value() - d : 0.0;
    double last_a = -1, last_top = -1, peak = 0, instances = 0;
    instance_load load{};
    for (std::size_t i = 0; i < n.size(); ++i) {
      top.expire_before(i > window ? i - window : 0);
      const double earlier = top.largest(0.0);      // the largest load of the window before this step
      const double warm = seen.instances(earlier);  // whole instances: the ceiling of the most busy
      const double a_all = n[i] * per_request;
      const double share = a_all > cap ? cap / a_all : 1.0;
      const double a = a_all * share;
      if (a != last_a)  // steady stretches of traffic reuse the last sums
        load = seen.load_of(a), instances = seen.instances(a), last_a = a;
      top.push(i, a);
      const double most = std::max(earlier, a);  // the largest load of the window and this step
      if (most != last_top) peak = seen.peak(most), last_top = most;
      const double served = n[i] * share;
      out.busy_s += step * load.busy;
      out.rounding_s += rounding_seconds_given(served, load, per, single, granularity_s);
      count_busy_periods(served, load, per, out.split);
      // An observed request in the window or the step keeps one instance; the largest load tells
      // exactly (the running sum of fractional counts can keep a residue after they leave).
      const double any = t.observed() ? (most > 0 ? 1.0 : 0.0) : -std::expm1(-(in_window + n[i]));
      const double alive = std::max({minimum, peak, load.busy, any});
      out.alive_s += step * alive;

      double cold = 0;
      if (served > 0 && minimum < 1) {
        // An observed window is idle when no request came in it: its largest load tells exactly,
        // where the running sum of fractional counts can keep a residue (as for `any`).
        const double prior = t.observed() ? (earlier > 0 ? 1.0 : 0.0) : in_window;
        cold = gap_cold_starts(t.observed(), served, prior, static_cast<double>(window) * step, step, c.idle_timeout_s);
      }
      cold += std::max(0.0, instances - std::max(1.0, warm));
      sink(i, served, n[i] - served, load.busy, alive, cold);

      in_window += n[i];
      if (i >= window) in_window = std::max(0.0, in_window - n[i - window]);
    }
    out.split.busy_s = out.busy_s;
    return out;
  }

  /// The billed instance time of request-based billing alone: busy seconds and their rounding to
  /// `granularity_s` (alive_s is left 0: run()'s usage has it as mean_instances). The same sums as
  /// walk(), without what carries state from step to step (instances kept alive, cold starts): the
  /// reference that run()'s usage.split is pinned to (pricing reads the split, never the trace).
  static instance_time busy_time(const workload& w, const config& c, double granularity_s) {
    const std::vector<double>& n = w.traffic.counts();
    const double step = w.traffic.step().value(), d = w.duration.mean.value(), per = w.concurrency_per_instance;
    const double per_request = d / step;
    const double cap = std::floor(c.max_instances) * std::floor(per);
    const double single = granularity_s > 0 ? w.duration.expected_billed(seconds{granularity_s}).value() - d : 0.0;
    load_memo seen = memo_for(w, c);
    instance_time out;
    if (seen.one_per_instance() && w.traffic.peak_count() * per_request <= cap) {
      // Nothing throttled, one request per instance: a step's busy instances are its load a, so
      // the busy seconds are the requests' E[d] each, and each request rounds alone
      // (rounding_seconds_given).
      const double requests = w.traffic.total().value();
      out.busy_s = requests * d;
      out.rounding_s = granularity_s > 0 ? requests * single : 0.0;
      return out;
    }
    double last_a = -1;
    instance_load load{};
    for (const double ni : n) {
      const double a_all = ni * per_request;
      const double share = a_all > cap ? cap / a_all : 1.0;
      const double a = a_all * share;
      if (a != last_a) load = seen.load_of(a), last_a = a;
      out.busy_s += step * load.busy;
      out.rounding_s += rounding_seconds_given(ni * share, load, per, single, granularity_s);
    }
    return out;
  }

  static usage run(const workload& w, const config& c) {
    usage u;
    u.horizon = w.traffic.horizon();
    if (run_trace_passes(w, c, u)) return u;
    double served = 0, throttled = 0, cold = 0;
    const instance_time time = walk(w, c, 0.0, [&](std::size_t, double s, double thr, double, double alive, double cs) {
      served += s;
      throttled += thr;
      cold += cs;
      u.peak_instances = std::max(u.peak_instances, alive);
    });
    u.arrived = w.traffic.total();
    u.served = requests{served};
    u.throttled = requests{throttled};
    u.cold_starts = requests{std::min(cold, served)};
    u.provisioned_instances = std::floor(c.min_instances);
    u.mean_instances = u.horizon.value() > 0 ? time.alive_s / u.horizon.value() : 0.0;
    u.set_busy(time.busy_s);
    u.split = time.split;
    return u;
  }

  /// run() for the commonest case — a trace served one request per instance, nothing throttled,
  /// no count so small that its load vanishes — in vectorised passes (detail::concurrent_trace).
  /// The same sums as walk(), added in another order. Returns false, having set nothing, otherwise.
  /// (Public for the tests that pin it to walk(); run() takes it when it applies.)
  static bool run_trace_passes(const workload& w, const config& c, usage& u) {
    const traffic_series& t = w.traffic;
    const double step = t.step().value(), d = w.duration.mean.value(), per = std::floor(w.concurrency_per_instance);
    const double cap = std::floor(c.max_instances) * per;
    // The load n·(d / step) rises with n, so the busiest step has the largest; a window is idle
    // exactly when its largest load is 0 if the least positive count's load is positive.
    const double per_request = d / step;
    if (!t.observed() || per != 1 || t.peak_count() * per_request > cap) return false;
    if (t.least_positive_count() > 0 && !(t.least_positive_count() * per_request > 0)) return false;
    const std::size_t window = timeout_steps(step, c);
    load_memo seen = memo_for(w, c);
    const double minimum = std::floor(c.min_instances);
    const detail::concurrent_trace_totals sums = detail::concurrent_trace(
        t.counts(), t.busy_steps(), window, step, d, minimum, [&](double a) { return seen.peak(a); });
    u.arrived = u.served = t.total();
    u.throttled = requests{0};
    u.cold_starts = requests{std::min(sums.cold, t.total().value())};
    u.provisioned_instances = minimum;
    u.peak_instances = sums.most_alive;
    u.mean_instances = u.horizon.value() > 0 ? sums.alive_s / u.horizon.value() : 0.0;
    u.set_busy(t.total().value() * d);  // one request per instance, none throttled: E[d] busy each
    u.split = {.busy_s = t.total().value() * d, .lone_periods = t.total().value()};  // each request alone
    return true;
  }
};

}  // namespace runwise::simulate
