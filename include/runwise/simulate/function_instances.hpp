// SPDX-License-Identifier: MIT
#pragma once

// The per-step model of a serverless function's instances (a first version; the request-level
// simulator refines it): concurrency by Little's law, a warm pool kept for a keep-alive window, cold
// starts from gaps and from scale-out, and throttling above a concurrency limit.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "../core/detail/check.hpp"
#include "../core/detail/sliding_max.hpp"
#include "../core/usage.hpp"
#include "../workload/workload.hpp"
#include "poisson_instances.hpp"
#include "trace_cold_starts.hpp"

namespace runwise::simulate {

/// Capacity policy for functions-as-a-service (Lambda, Azure Functions, ...).
///
/// In step i with n_i requests (rate λ_i = n_i / step) the busy instances are c_i = λ_i · E[d]
/// (Little's law). A request is cold when no request arrived in the keep-alive window T before it.
/// Observed counts (traffic_series::observed(): a trace, or Poisson-noised traffic) are arrivals
/// spread evenly over their step: the first request after an empty window is cold, and every
/// request when their spacing exceeds T. Expected counts (a generated average) are Poisson means.
/// With r the mean
/// rate over the W = floor(T / step) preceding steps, a request at offset u in the step saw
/// λ_i·u + r·(T - u) expected arrivals in its window, so the step's expected cold starts are
///   n_i · e^(-r·T) · (1 - e^(-x)) / x,   x = (λ_i - r) · step
/// — n_i·e^(-λT) for a steady rate, 1 - e^(-n_i) after a long idle gap. (For T < step: n_i·e^(-λ_i·T).)
/// Scale-out adds one cold start per instance beyond the warm pool, the most instances of the
/// preceding window. Requests above the concurrency limit, or above what the scale-out rate lets
/// the pool grow to within the step, are throttled in proportion (c_i - cap) / c_i. Provisioned
/// instances are always warm: they serve their share min(c_i, level) / c_i of each step's requests
/// and remove cold starts up to their level.
///
/// ```cpp
/// runwise::simulate::function_instances::config c{.keep_alive_s = 600, .concurrency_limit = 1000};
/// runwise::usage u = runwise::simulate::function_instances::run(w, c);
/// ```
struct function_instances {
  struct config {
    /// Seconds an idle instance stays warm. AWS publishes no keep-alive for Lambda; measured idle
    /// timeouts change over time (K. L. Ngo et al., "Has Your FaaS Application Been Decommissioned
    /// Yet?", 2022). 600 s is SimFaaS's default expiration threshold (Mahmoudi, Khazaei, 2021).
    /// Override it with what you observe.
    double keep_alive_s = 600;
    /// Concurrent executions per account and region: Lambda's default quota is 1,000
    /// (AWS Lambda Developer Guide, "Lambda quotas", seen 2026-11-26).
    double concurrency_limit = 1000;
    /// New execution environments per 10 seconds per function: Lambda scales out by 1,000 every
    /// 10 s (AWS Lambda Developer Guide, "Lambda scaling behavior", seen 2026-11-26).
    double scale_out_per_10s = 1000;
    /// Instances kept initialised for the whole horizon (Lambda provisioned concurrency): they never
    /// start cold, and they are billed while configured.
    double provisioned_concurrency = 0;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.number("keep_alive_s", c.keep_alive_s, 0, 86'400, " s");
      v.number("concurrency_limit", c.concurrency_limit, 1, 1e7);
      v.number("scale_out_per_10s", c.scale_out_per_10s, 1, 1e7);
      v.number("provisioned_concurrency", c.provisioned_concurrency, 0, 1e5);
    }

    void validate(const std::string& path) const {
      if (provisioned_concurrency > concurrency_limit)
        fail_input(path + ".provisioned_concurrency", "must not exceed concurrency_limit (" +
                                                          detail::format_number(concurrency_limit) + "), got " +
                                                          detail::format_number(provisioned_concurrency));
    }
  };

  /// Exponents beyond this make a cold-start term at most n·e^-100 <= 1e15 · 3.7e-44 (n <= max_count):
  /// under 4e-22 requests over ten million steps, so the term is skipped without computing e^-x —
  /// which is what keeps busy steps free of std::exp.
  static constexpr double negligible_exponent = 100;

  static usage run(const workload& w, const config& c) {
    const model m(w, c);
    totals sums;
    if (m.cap_is_fixed() && !(m.observed && m.vanishing_counts()))
      run_fixed_cap(m, sums);
    else
      run_stepwise(m, sums);
    usage u;
    u.horizon = w.traffic.horizon();
    u.provisioned_instances = m.provisioned;
    u.arrived = requests{sums.arrived};
    u.throttled = requests{sums.throttled};
    u.served = requests{sums.served};
    u.provisioned_served = requests{std::min(sums.on_provisioned, sums.served)};
    u.cold_starts = requests{std::min(sums.cold, sums.served)};
    // Lambda keeps no billed idle instance: alive and busy are the same instances here.
    u.mean_instances = u.horizon.value() > 0 ? sums.busy_seconds / u.horizon.value() : 0.0;
    u.set_busy(sums.busy_seconds);
    // sums.peak is the busiest step's mean concurrency λ·E[d]; at once, with requests arriving at
    // random within the step, more are in flight (whole executions, within the limit).
    u.peak_instances = std::min(std::floor(m.limit), peak_in_flight(sums.peak, m.d, m.step));
    return u;
  }

 private:
  // The inputs of one run, derived once.
  struct model {
    const std::vector<double>& n;
    double step, d, keep_alive, provisioned, limit, half_scale_out;
    std::size_t window;  // W: whole steps in the keep-alive window (at least one)
    bool observed;
    double total, largest_count, least_count;  // the series' own: sum, largest, least positive
    std::size_t busy_steps;                    // and how many steps have a request
    double per_window_step;

    model(const workload& w, const config& c)
        : n(w.traffic.counts()),
          step(w.traffic.step().value()),
          d(w.duration.mean.value()),
          keep_alive(c.keep_alive_s),
          provisioned(std::floor(c.provisioned_concurrency)),
          limit(c.concurrency_limit),
          half_scale_out(c.scale_out_per_10s * step / 10.0 / 2),
          window(static_cast<std::size_t>(std::max(1.0, std::floor(keep_alive / step)))),
          observed(w.traffic.observed()),
          total(w.traffic.total().value()),
          largest_count(w.traffic.peak_count()),
          least_count(w.traffic.least_positive_count()),
          busy_steps(w.traffic.busy_steps()),
          per_window_step(1.0 / (static_cast<double>(window) * step)) {}

    // With warm >= 0, min(limit, warm + half_scale_out) is exactly `limit` when half the step's
    // scale-out allowance alone reaches it (Lambda's defaults at a one-minute step: 3,000 >= 1,000):
    // then no step's cap depends on the warm pool, and instances can be found without it.
    [[nodiscard]] bool cap_is_fixed() const { return half_scale_out >= limit; }

    // A count in (0, 1e-9): a window of such counts is idle by its sum (as run_stepwise reads it)
    // but not by its pool of instances (as the fixed-cap loops read an observed trace's).
    [[nodiscard]] bool vanishing_counts() const { return least_count > 0 && least_count < 1e-9; }

    // Cold starts after idle gaps, before throttling (see the formula in the struct's comment);
    // `previous_requests` is the sum of n over the W steps before this one.
    [[nodiscard]] double gap_cold(double ni, double previous_requests, bool idle_before) const {
      const double rate = ni / step;
      if (observed)  // arrivals spread evenly over the step: cold when their spacing exceeds T
        return ni >= 1 && step > keep_alive * ni ? ni : (idle_before ? std::min(1.0, ni) : 0.0);
      if (keep_alive < step) {
        // Poisson arrivals: each is cold with probability e^(-λT); the first after an empty step surely.
        const double exponent = rate * keep_alive;
        const double gap = exponent > negligible_exponent ? 0.0 : ni * std::exp(-exponent);
        return idle_before ? std::max(gap, -std::expm1(-ni)) : gap;
      }
      // n·e^(-rT)·(1 - e^(-x))/x written as n·(e^(-rT) - e^(-(rT + x)))/x: with T >= step both
      // exponents are <= 0, so nothing overflows when the rate drops sharply (x << 0). Busy
      // steps, where both exponents are large, skip std::exp (see negligible_exponent).
      const double r = previous_requests * per_window_step;
      const double x = (rate - r) * step;
      const double a = r * keep_alive;
      if (std::min(a, a + x) > negligible_exponent) return 0.0;
      return std::fabs(x) < 1e-9 ? ni * std::exp(-a) : ni * (std::exp(-a) - std::exp(-(a + x))) / x;
    }
  };

  struct totals {
    double arrived = 0, throttled = 0, served = 0, on_provisioned = 0, cold = 0, busy_seconds = 0, peak = 0;
  };

  // The general loop: the warm pool (most instances over the last window) sets each step's cap, so
  // steps run in order (detail::sliding_max keeps the pool).
  // (Both loops sum into a local `totals` and copy it out at the end: summing through the
  // reference would make every step store and reload the sums, since they might alias the counts.)
  static void run_stepwise(const model& m, totals& out) {
    const std::vector<double>& n = m.n;
    const std::size_t window = m.window;
    double previous_requests = 0;  // sum of n over the `window` steps before this one
    detail::sliding_max pool(std::min(window, n.size()));
    totals t;
    for (std::size_t i = 0; i < n.size(); ++i) {
      pool.expire_before(i > window ? i - window : 0);
      const double warm = std::max(m.provisioned, pool.largest(0.0));
      const double ni = n[i];

      // Little's law, capped by the concurrency limit and by how fast new environments can start:
      // they start at a steady rate through the step, so on average half the step's allowance is up.
      const double busy = ni / m.step * m.d;
      const double cap_instances = std::min(m.limit, warm + m.half_scale_out);
      // A real branch, rarely taken: predicted, it keeps the division (and the warm pool it reads)
      // off the chain that runs from one step to the next.
      double admitted_share = 1.0, admitted = busy;
      if (busy > cap_instances) [[unlikely]] {
        admitted_share = cap_instances / busy;
        admitted = busy * admitted_share;
        t.throttled += ni * (1.0 - admitted_share);
      }
      t.served += ni * admitted_share;
      t.arrived += ni;
      const double instances = ni > 0 ? std::max(1.0, std::ceil(admitted - 1e-9)) : 0.0;
      if (m.provisioned > 0 && admitted > 0)
        t.on_provisioned += ni * admitted_share * std::min(admitted, m.provisioned) / admitted;
      // None while an initialised provisioned instance is waiting. (The window sum is a running
      // sum: allow rounding residue.)
      if (ni > 0 && m.provisioned < 1)
        t.cold += m.gap_cold(ni, previous_requests, previous_requests < 1e-9) * admitted_share;

      // Cold starts from scale-out beyond the warm pool (and the provisioned level).
      t.cold += std::max(0.0, instances - std::max(warm, 1.0));
      pool.push(i, instances);

      previous_requests += ni;
      if (i >= window) previous_requests -= n[i - window];
      t.busy_seconds += admitted * m.step;
      t.peak = std::max(t.peak, admitted);
    }
    out = t;
  }

  // The same model when the cap is fixed (model::cap_is_fixed): each step's instances depend on its
  // own count only, so the warm pool — the maximum over the W steps before — is found by van Herk–
  // Gil-Werman: in blocks of W steps, the window before step base + k is the previous block's suffix
  // from k plus this block's prefix up to k - 1. That costs a max per step and no data-dependent
  // branch. An observed trace needs no window sum either: with counts either 0 or >= 1e-9 (the
  // caller checks model::vanishing_counts), the window is idle exactly when its pool is empty.
  static void run_fixed_cap(const model& m, totals& out) {
    if (m.observed && m.provisioned == 0 && run_observed_passes(m, out)) return;
    if (m.provisioned > 0)
      m.observed ? run_fixed_cap<true, true>(m, out) : run_fixed_cap<false, true>(m, out);
    else
      m.observed ? run_fixed_cap<true, false>(m, out) : run_fixed_cap<false, false>(m, out);
  }

  // One loop per kind of counts and provisioned or not, so that no step tests either. Every input is
  // copied to a local first: `block` is an array of doubles, and a store to it could otherwise alias
  // (and force reloading) anything the model holds.
  template <bool Observed, bool Provisioned>
  static void run_fixed_cap(const model& m, totals& out) {
    const double* const n = m.n.data();
    const double step = m.step, d = m.d, limit = m.limit, keep_alive = m.keep_alive, provisioned = m.provisioned;
    const std::size_t window = m.window, steps = m.n.size();
    std::vector<double> block(window), suffix(window, 0.0);  // suffix maxima of the previous block
    double previous_requests = 0;  // as in run_stepwise (only the expected-count formula reads it)
    // Few sums on the path every step takes, so that they stay in registers: requests arrive either
    // in a step with nothing throttled (served = arrived there, summed once) or in a throttled one.
    double unthrottled = 0, cold = 0, busy_seconds = 0, peak = 0, on_provisioned = 0;
    totals throttled_steps;  // arrived, served and throttled in throttled steps (rare)
    for (std::size_t base = 0; base < steps; base += window) {
      const std::size_t len = std::min(window, steps - base);
      double prefix = 0;  // most instances in this block before step base + k
      for (std::size_t k = 0; k < len; ++k) {
        const double ni = n[base + k];
        const double pool = std::max(suffix[k], prefix);
        const double busy = ni / step * d;
        double admitted_share = 1.0, admitted = busy;
        if (busy > limit) [[unlikely]] {  // as in run_stepwise
          admitted_share = limit / busy;
          admitted = busy * admitted_share;
          throttled_steps.arrived += ni;
          throttled_steps.served += ni * admitted_share;
          throttled_steps.throttled += ni * (1.0 - admitted_share);
        } else {
          unthrottled += ni;
        }
        const double instances = ni > 0 ? std::max(1.0, std::ceil(admitted - 1e-9)) : 0.0;
        double scale_out = instances - (Provisioned ? std::max(provisioned, pool) : std::max(pool, 1.0));
        scale_out = scale_out > 0 ? scale_out : 0.0;  // (std::max(0.0, x) compiles to a branch)
        if constexpr (Provisioned) {
          if (admitted > 0) on_provisioned += ni * admitted_share * std::min(admitted, provisioned) / admitted;
        } else if constexpr (Observed) {
          // model::gap_cold's observed case, written out so that it compiles to selects; it is 0
          // for n = 0, and the window is idle exactly when its pool is empty (see above).
          const double gap = ni >= 1 && step > keep_alive * ni ? ni : (pool == 0 ? std::min(1.0, ni) : 0.0);
          cold += gap * admitted_share;
        } else {
          if (ni > 0) cold += m.gap_cold(ni, previous_requests, previous_requests < 1e-9) * admitted_share;
          previous_requests += ni;
          if (base > 0) previous_requests -= n[base + k - window];
        }
        cold += scale_out;
        block[k] = instances;
        prefix = std::max(prefix, instances);
        busy_seconds += admitted * step;
        peak = std::max(peak, admitted);
      }
      double most = 0;
      for (std::size_t k = len; k-- > 0;) suffix[k] = most = std::max(most, block[k]);
    }
    totals t;
    t.arrived = unthrottled + throttled_steps.arrived;
    t.served = unthrottled + throttled_steps.served;
    t.throttled = throttled_steps.throttled;
    t.on_provisioned = on_provisioned;
    t.cold = cold;
    t.busy_seconds = busy_seconds;
    t.peak = peak;
    out = t;
  }

  // The commonest case — a trace, no provisioned concurrency, nothing throttled — in vectorised
  // passes (detail::trace_cold_starts). The arrivals and the peak are the series' own
  // (traffic_series keeps its total and its largest count). Returns false, having summed nothing,
  // when a step is throttled.
  static bool run_observed_passes(const model& m, totals& out) {
    // Busy instances as n·(d/step), not (n/step)·d: a division per step would cost a third of the
    // budget; the two differ by an ulp or two, which instances' 1e-9 margin absorbs.
    const double per_request = m.d / m.step;
    // Busy instances rise with the count, so the busiest step is the one with the most requests.
    const double peak = m.largest_count * per_request;
    if (peak > m.limit) return false;
    out.arrived = out.served = m.total;
    out.throttled = out.on_provisioned = 0;
    out.cold = detail::trace_cold_starts(m.n, m.busy_steps, m.window, m.step, per_request, m.keep_alive);
    out.busy_seconds = m.total * m.d;
    out.peak = peak;
    return true;
  }
};

}  // namespace runwise::simulate
