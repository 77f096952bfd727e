// SPDX-License-Identifier: MIT
#pragma once

// The per-step model of a serverless function's instances (a first version; the request-level
// simulator refines it): concurrency by Little's law, a warm pool kept for a keep-alive window, cold
// starts from gaps and from scale-out, and throttling above a concurrency limit.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "../detail/check.hpp"
#include "../workload/workload.hpp"
#include "usage.hpp"

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
    /// (AWS Lambda Developer Guide, "Lambda quotas", seen 2026-11-26 via PRICES.md).
    double concurrency_limit = 1000;
    /// New execution environments per 10 seconds per function: Lambda scales out by 1,000 every
    /// 10 s (AWS Lambda Developer Guide, "Lambda scaling behavior", seen 2026-11-26 via PRICES.md).
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
    const traffic_series& t = w.traffic;
    const std::vector<double>& n = t.counts();
    const double step = t.step().value();
    const double d = w.duration.mean.value();
    const double keep_alive = c.keep_alive_s;
    const double provisioned = std::floor(c.provisioned_concurrency);
    const double scale_out_per_step = c.scale_out_per_10s * step / 10.0;
    const auto window = static_cast<std::size_t>(std::max(1.0, std::floor(keep_alive / step)));
    const bool observed = t.observed();
    const double per_window_step = 1.0 / (static_cast<double>(window) * step);

    usage u;
    u.horizon = t.horizon();
    u.provisioned_instances = provisioned;
    double previous_requests = 0;  // sum of n over the `window` steps before this one
    // The warm pool: a monotonic queue of (step, instances) over the last window, instances
    // decreasing from the front, in a ring of window + 1 slots (it never holds more).
    struct slot {
      std::size_t step;
      double instances;
    };
    std::vector<slot> ring(std::min(window, n.size()) + 1);
    const std::size_t cap = ring.size();
    std::size_t head = 0, size = 0;
    double busy_seconds = 0, cold = 0, throttled = 0, served = 0, on_provisioned = 0;
    double arrived = 0;  // traffic_series::total(), summed in the same order within this pass
    for (std::size_t i = 0; i < n.size(); ++i) {
      while (size > 0 && ring[head].step + window < i) {
        head = head + 1 == cap ? 0 : head + 1;
        --size;
      }
      const double warm = std::max(provisioned, size == 0 ? 0.0 : ring[head].instances);
      const double ni = n[i];

      // Little's law, capped by the concurrency limit and by how fast new environments can start:
      // they start at a steady rate through the step, so on average half the step's allowance is up.
      const double rate = ni / step;
      const double busy = rate * d;
      const double cap_instances = std::min(c.concurrency_limit, warm + scale_out_per_step / 2);
      // A real branch, rarely taken: predicted, it keeps the division (and the warm pool it reads)
      // off the chain that runs from one step to the next.
      double admitted_share = 1.0, admitted = busy;
      if (busy > cap_instances) [[unlikely]] {
        admitted_share = cap_instances / busy;
        admitted = busy * admitted_share;
        throttled += ni * (1.0 - admitted_share);
      }
      served += ni * admitted_share;
      arrived += ni;
      const double instances = ni > 0 ? std::max(1.0, std::ceil(admitted - 1e-9)) : 0.0;
      if (provisioned > 0 && admitted > 0)
        on_provisioned += ni * admitted_share * std::min(admitted, provisioned) / admitted;

      // Cold starts after idle gaps (see the formula above); none while an initialised
      // provisioned instance is waiting.
      if (ni > 0 && provisioned < 1) {
        const bool idle_before = previous_requests < 1e-9;  // (a running sum: allow rounding residue)
        double gap_cold = 0;
        if (observed) {
          // Observed arrivals are spread evenly over the step: the first is cold after an empty
          // window; the others too when their spacing exceeds the keep-alive.
          gap_cold = ni >= 1 && step > keep_alive * ni ? ni : (idle_before ? std::min(1.0, ni) : 0.0);
        } else if (keep_alive < step) {
          // Poisson arrivals: each is cold with probability e^(-λT); the first after an empty step surely.
          const double exponent = rate * keep_alive;
          gap_cold = exponent > negligible_exponent ? 0.0 : ni * std::exp(-exponent);
          if (idle_before) gap_cold = std::max(gap_cold, -std::expm1(-ni));
        } else {
          // n·e^(-rT)·(1 - e^(-x))/x written as n·(e^(-rT) - e^(-(rT + x)))/x: with T >= step both
          // exponents are <= 0, so nothing overflows when the rate drops sharply (x << 0). Busy
          // steps, where both exponents are large, skip std::exp (see negligible_exponent).
          const double r = previous_requests * per_window_step;
          const double x = (rate - r) * step;
          const double a = r * keep_alive;
          if (std::min(a, a + x) <= negligible_exponent)
            gap_cold = std::fabs(x) < 1e-9 ? ni * std::exp(-a) : ni * (std::exp(-a) - std::exp(-(a + x))) / x;
        }
        cold += gap_cold * admitted_share;
      }

      // Cold starts from scale-out beyond the warm pool (and the provisioned level).
      cold += std::max(0.0, instances - std::max(warm, 1.0));
      while (size > 0) {
        const std::size_t back = head + size - 1 < cap ? head + size - 1 : head + size - 1 - cap;
        if (ring[back].instances > instances) break;
        --size;
      }
      const std::size_t tail = head + size < cap ? head + size : head + size - cap;
      ring[tail] = {i, instances};
      ++size;

      previous_requests += ni;
      if (i >= window) previous_requests -= n[i - window];
      busy_seconds += admitted * step;
      u.peak_instances = std::max(u.peak_instances, admitted);
    }
    u.arrived = requests{arrived};
    u.throttled = requests{throttled};
    u.served = requests{served};
    u.provisioned_served = requests{std::min(on_provisioned, u.served.value())};
    u.cold_starts = requests{std::min(cold, u.served.value())};
    u.mean_instances = u.horizon.value() > 0 ? busy_seconds / u.horizon.value() : 0.0;
    return u;
  }
};

}  // namespace runwise::simulate
