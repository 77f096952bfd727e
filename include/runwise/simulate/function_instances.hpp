// SPDX-License-Identifier: MIT
#pragma once

// The per-step model of a serverless function's instances (a first version; the request-level
// simulator refines it): concurrency by Little's law, a warm pool kept for a keep-alive window, cold
// starts from gaps and from scale-out, and throttling above a concurrency limit.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <deque>
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

  static usage run(const workload& w, const config& c) {
    const traffic_series& t = w.traffic;
    const std::vector<double>& n = t.counts();
    const double step = t.step().value();
    const double d = w.duration.mean.value();
    const double keep_alive = c.keep_alive_s;
    const double provisioned = std::floor(c.provisioned_concurrency);
    const double scale_out_per_step = c.scale_out_per_10s * step / 10.0;
    const auto window = static_cast<std::size_t>(std::max(1.0, std::floor(keep_alive / step)));

    usage u;
    u.horizon = t.horizon();
    u.provisioned_instances = provisioned;
    double previous_requests = 0;  // sum of n over the `window` steps before this one
    std::deque<std::size_t> pool;  // the last window's steps, by decreasing instances
    std::vector<double> instances(n.size());
    double busy_seconds = 0, cold = 0, throttled = 0, served = 0, on_provisioned = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
      while (!pool.empty() && pool.front() + window < i) pool.pop_front();
      const double warm = std::max(provisioned, pool.empty() ? 0.0 : instances[pool.front()]);

      // Little's law, capped by the concurrency limit and by how fast new environments can start:
      // they start at a steady rate through the step, so on average half the step's allowance is up.
      const double rate = n[i] / step;
      const double busy = rate * d;
      const double cap = std::min(c.concurrency_limit, warm + scale_out_per_step / 2);
      const double admitted_share = busy > cap ? cap / busy : 1.0;
      throttled += n[i] * (1.0 - admitted_share);
      served += n[i] * admitted_share;
      const double admitted = busy * admitted_share;
      instances[i] = n[i] > 0 ? std::max(1.0, std::ceil(admitted - 1e-9)) : 0.0;
      if (admitted > 0) on_provisioned += n[i] * admitted_share * std::min(admitted, provisioned) / admitted;

      // Cold starts after idle gaps (see the formula above); none while an initialised
      // provisioned instance is waiting.
      if (n[i] > 0 && provisioned < 1) {
        const bool idle_before = previous_requests < 1e-9;  // (a running sum: allow rounding residue)
        double gap_cold = 0;
        if (t.observed()) {
          // Observed arrivals are spread evenly over the step: the first is cold after an empty
          // window; the others too when their spacing exceeds the keep-alive.
          gap_cold = n[i] >= 1 && step / n[i] > keep_alive ? n[i] : (idle_before ? std::min(1.0, n[i]) : 0.0);
        } else if (keep_alive < step) {
          // Poisson arrivals: each is cold with probability e^(-λT); the first after an empty step surely.
          gap_cold = n[i] * std::exp(-rate * keep_alive);
          if (idle_before) gap_cold = std::max(gap_cold, -std::expm1(-n[i]));
        } else {
          // n·e^(-rT)·(1 - e^(-x))/x written as n·(e^(-rT) - e^(-(rT + x)))/x: with T >= step both
          // exponents are <= 0, so nothing overflows when the rate drops sharply (x << 0).
          const double r = previous_requests / (static_cast<double>(window) * step);
          const double x = (rate - r) * step;
          const double a = r * keep_alive;
          gap_cold = std::fabs(x) < 1e-9 ? n[i] * std::exp(-a) : n[i] * (std::exp(-a) - std::exp(-(a + x))) / x;
        }
        cold += gap_cold * admitted_share;
      }

      // Cold starts from scale-out beyond the warm pool (and the provisioned level).
      cold += std::max(0.0, instances[i] - std::max(warm, 1.0));
      while (!pool.empty() && instances[pool.back()] <= instances[i]) pool.pop_back();
      pool.push_back(i);

      previous_requests += n[i];
      if (i >= window) previous_requests -= n[i - window];
      busy_seconds += admitted * step;
      u.peak_instances = std::max(u.peak_instances, admitted);
    }
    u.arrived = t.total();
    u.throttled = requests{throttled};
    u.served = requests{served};
    u.provisioned_served = requests{std::min(on_provisioned, u.served.value())};
    u.cold_starts = requests{std::min(cold, u.served.value())};
    u.mean_instances = u.horizon.value() > 0 ? busy_seconds / u.horizon.value() : 0.0;
    return u;
  }
};

}  // namespace runwise::simulate
