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
/// In step i with n_i requests, rate λ_i = n_i / step and the busy instances are c_i = λ_i · E[d]
/// (Little's law). A request is cold when no request arrived in the keep-alive window before it —
/// for arrivals that are Poisson within the window, probability e^(-Λ_i) with Λ_i the expected
/// arrivals in one window at the window's mean rate — or when it needs an instance beyond the warm
/// pool, the most instances used in the preceding window (scale-out). Requests above the concurrency
/// limit are throttled in proportion (c_i - limit) / c_i.
///
/// ```cpp
/// runwise::simulate::function_instances::config c{.keep_alive_s = 600, .concurrency_limit = 1000};
/// runwise::usage u = runwise::simulate::function_instances::run(w, c);
/// ```
struct function_instances {
  struct config {
    /// Seconds an idle instance stays warm. 600 s is the fixed keep-alive of Azure Functions in
    /// Shahrad et al., "Serverless in the Wild", USENIX ATC 2020, and SimFaaS's default expiration
    /// threshold; AWS publishes none for Lambda. Override with what you observe.
    double keep_alive_s = 600;
    /// Concurrent executions per account and region: Lambda's default quota is 1,000
    /// (AWS Lambda Developer Guide, "Lambda quotas", seen 2026-11-26 via PRICES.md).
    double concurrency_limit = 1000;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.number("keep_alive_s", c.keep_alive_s, 0, 86'400, " s");
      v.number("concurrency_limit", c.concurrency_limit, 1, 1e7);
    }
  };

  static usage run(const workload& w, const config& c) {
    const traffic_series& t = w.traffic;
    const std::vector<double>& n = t.counts();
    const double step = t.step().value();
    const double d = w.duration.mean.value();
    const auto window = static_cast<std::size_t>(std::max(1.0, std::floor(c.keep_alive_s / step)));

    usage u;
    u.horizon = t.horizon();
    double window_requests = 0;        // sum of n over the last `window` steps, this one included
    std::deque<std::size_t> pool;      // indices of the last window's steps, decreasing instances
    std::vector<double> instances(n.size());
    double busy_seconds = 0, cold = 0, throttled = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
      const double rate = n[i] / step;
      const double busy = rate * d;
      const double admitted = busy > c.concurrency_limit ? c.concurrency_limit : busy;
      if (busy > c.concurrency_limit) throttled += n[i] * (busy - c.concurrency_limit) / busy;
      instances[i] = n[i] > 0 ? std::ceil(admitted - 1e-9) : 0.0;
      if (instances[i] < 1 && n[i] > 0) instances[i] = 1;

      window_requests += n[i];
      if (i >= window) window_requests -= n[i - window];
      const double covered = static_cast<double>(std::min(i + 1, window)) * step;
      const double expected_in_keep_alive = window_requests / covered * std::max(c.keep_alive_s, 1e-9);
      const double served_here = n[i] * (busy > c.concurrency_limit ? c.concurrency_limit / busy : 1.0);
      cold += served_here * std::exp(-expected_in_keep_alive);

      while (!pool.empty() && pool.front() + window < i) pool.pop_front();
      const double warm = pool.empty() ? 0.0 : instances[pool.front()];
      cold += std::max(0.0, instances[i] - std::max(warm, 1.0));
      while (!pool.empty() && instances[pool.back()] <= instances[i]) pool.pop_back();
      pool.push_back(i);

      busy_seconds += admitted * step;
      u.peak_instances = std::max(u.peak_instances, admitted);
    }
    u.arrived = t.total();
    u.throttled = requests{throttled};
    u.served = u.arrived - u.throttled;
    u.cold_starts = requests{std::min(cold, u.served.value())};
    u.mean_instances = u.horizon.value() > 0 ? busy_seconds / u.horizon.value() : 0.0;
    return u;
  }
};

}  // namespace runwise::simulate
