// SPDX-License-Identifier: MIT
#pragma once

// Replicas added and removed by an HTTP scale rule (Azure Container Apps, on KEDA): a target of
// requests per replica, minimum and maximum replicas, and a cooldown before scaling in. Demand above
// what the running replicas serve waits in a FIFO queue and is counted as overloaded.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

#include "../core/detail/check.hpp"
#include "../core/detail/sliding_max.hpp"
#include "../core/usage.hpp"
#include "../workload/workload.hpp"
#include "fifo_queue.hpp"
#include "gap_cold_starts.hpp"
#include "poisson_instances.hpp"
#include "scaled_replicas_trace.hpp"

namespace runwise::simulate {

/// Capacity policy for replicas scaled by HTTP traffic, with the defaults of Azure Container Apps
/// ("Set scaling rules in Azure Container Apps", https://learn.microsoft.com/azure/container-apps/scale-app,
/// and the Microsoft.App `Scale` resource reference, seen 2026-11-26): minimum 0 replicas (scale to
/// zero), maximum 10, cooldown 300 s; the HTTP rule's `concurrentRequests` (Microsoft's default 10)
/// defaults here to what fits the workload (see `config::concurrent_requests`).
///
/// Microsoft defines the rule's metric as "the number of requests in the past 15 seconds divided by
/// 15", i.e. requests per second, and adds a replica when it exceeds the target: a step with rate λ
/// wants ceil(λ / target) replicas (see `wanted` for rates below the target), clamped to [min, max]. Replicas are
/// removed only after the cooldown: a step runs the most replicas wanted within the cooldown before it (scale to zero
/// too). One replica serves `concurrency_per_instance` requests at once, concurrency / E[d] per second; what the
/// replicas cannot serve in a step waits for the next ones (late = overloaded), and what is still queued at the horizon
/// is never served. Idle time: the minimum replicas while no request is in flight (the only replicas Container Apps
/// bills at its idle rate, docs/pricing.md). Cold starts: below one minimum replica, the first request after a cooldown
/// without requests (expected_gap_cold_starts for Poisson means), plus one per replica added beyond those kept.
///
/// ```cpp
/// runwise::simulate::http_scaled_replicas::config c{.min_replicas = 1};
/// runwise::usage u = runwise::simulate::http_scaled_replicas::run(w, c);
/// ```
struct http_scaled_replicas {
  struct config {
    double min_replicas = 0;
    double max_replicas = 10;
    /// The HTTP rule's target, requests per second per replica. Microsoft's default is 10, which
    /// overloads an app whose replica serves fewer (one 1 s request at a time serves 1/s); 0, the
    /// runwise default, sizes the rule for the workload like a container fleet: 70% of what one
    /// replica serves, concurrency / E[d].
    double concurrent_requests = 0;
    double target_utilization = 0.7;  ///< with concurrent_requests = 0
    double cooldown_s = 300;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.object("scale", [&](auto& s) {
        s.number("min_replicas", c.min_replicas, 0, 1000);
        s.number("max_replicas", c.max_replicas, 1, 1000);
        s.number("concurrent_requests", c.concurrent_requests, 0, 1e6);
        s.number("target_utilization", c.target_utilization, 0.01, 1);
        s.number("cooldown_s", c.cooldown_s, 0, 86'400, " s");
      });
    }

    void validate(const std::string& path) const {
      if (min_replicas > max_replicas)
        fail_input(path + ".scale.min_replicas", "must not exceed max_replicas (" +
                                                     detail::format_number(max_replicas) + "), got " +
                                                     detail::format_number(min_replicas));
    }
  };

  /// Replica time over the horizon, for billing.
  struct replica_time {
    double active_s = 0;  ///< replica-seconds billed at the active rate
    double idle_s = 0;    ///< replica-seconds at the minimum in steps without requests
  };

  /// Replicas wanted at `rate` requests per second, before the cooldown. Up to the rule's target one
  /// replica runs while a request is in flight or within the cooldown after one: for expected
  /// (Poisson) counts that is the probability `presence` = 1 - e^(-λ(E[d] + cooldown)) that one
  /// arrived in that time, for observed counts 1.
  static constexpr double wanted(double rate, double presence, double target, const config& c) noexcept {
    const double want = !(rate > 0) ? 0.0 : rate / target <= 1.0 ? presence : detail::ceil(rate / target - 1e-9);
    return detail::min(detail::floor(c.max_replicas), detail::max(detail::floor(c.min_replicas), want));
  }
  /// The rule's target in requests per second per replica: the configured one, or
  /// target_utilization × concurrency / E[d].
  static constexpr double target_rate(double concurrency, double duration_s, const config& c) noexcept {
    return c.concurrent_requests > 0 ? c.concurrent_requests : c.target_utilization * concurrency / duration_s;
  }

  /// 1 - e^(-λ(E[d] + cooldown)) (see `wanted`).
  static constexpr double presence(double rate, double duration_s, const config& c) noexcept {
    return 1 - runwise::detail::exp(-rate * (duration_s + c.cooldown_s));
  }

  /// Walks the traffic once, filling `u` (see `run`) and returning the replica time billed. A trace
  /// takes runwise::detail::walk_trace (same rule, one pass with a short loop-carried chain); Poisson
  /// means take `walk_plain`.
  static replica_time walk(const workload& w, const config& c, usage& u) {
    const traffic_series& t = w.traffic;
    if (!t.observed()) return walk_plain(w, c, u);
    const double step = t.step().value(), d = w.duration.mean.value();
    const runwise::detail::trace_rule r{.step = step,
                                      .per_replica_step = w.concurrency_per_instance / d * step,
                                      .count_to_ratio = 1 / (step * target_rate(w.concurrency_per_instance, d, c)),
                                      .minimum = std::floor(c.min_replicas),
                                      .maximum = std::floor(c.max_replicas),
                                      .duration_s = d,
                                      .window = cooldown_steps(step, c)};
    // The plain rule's replicas for a step of x requests: where the fast product is too close to call.
    const auto exact = [&](double x) {
      return wanted(x / step, 1.0, target_rate(w.concurrency_per_instance, d, c), c);
    };
    const bool whole =
        t.peak_count() * static_cast<double>(r.window + 1) < 0x1p53 && runwise::detail::whole_counts(t.counts());
    const runwise::detail::trace_totals s =
        r.minimum >= 1
            ? runwise::detail::walk_trace<true, true>(t.counts(), t.busy_steps(), r, exact, u.runs, u.peak_instances)
        : whole
            ? runwise::detail::walk_trace<false, true>(t.counts(), t.busy_steps(), r, exact, u.runs, u.peak_instances)
            : runwise::detail::walk_trace<false, false>(t.counts(), t.busy_steps(), r, exact, u.runs, u.peak_instances);
    return finish(w, r.minimum, s.backlog, s.late, s.cold, {.active_s = s.active_s, .idle_s = s.idle_s}, u);
  }

  /// The rule step by step for any traffic, exactly as documented above (Poisson means: presence,
  /// e^(-busy) idle shares and expected gap cold starts).
  static replica_time walk_plain(const workload& w, const config& c, usage& u) {
    const traffic_series& t = w.traffic;
    const std::vector<double>& n = t.counts();
    const double step = t.step().value();
    const double per_replica_step = w.concurrency_per_instance / w.duration.mean.value() * step;
    const std::size_t window = cooldown_steps(step, c);
    const double minimum = std::floor(c.min_replicas);
    const double target = target_rate(w.concurrency_per_instance, w.duration.mean.value(), c);
    detail::sliding_max most(std::min(window, n.size()));  // replicas wanted over the last `window` steps
    replica_time out;
    fifo_queue queue;
    double cold = 0;
    double in_window = 0;  // requests in the `window` steps before this one
    for (std::size_t i = 0; i < n.size(); ++i) {
      most.expire_before(i > window ? i - window : 0);
      const double warm = most.largest(0.0);  // replicas kept from the window
      // The queue counts as demand: a backlog keeps the replicas that serve it.
      const double rate = (n[i] + queue.backlog) / step;
      const double want = wanted(rate, t.observed() ? 1.0 : presence(rate, w.duration.mean.value(), c), target, c);
      const double replicas = std::max(want, warm);
      most.push(i, want);

      // A replica that runs at all serves at its full rate: capacity counts whole replicas.
      queue.serve(n[i], std::ceil(replicas - 1e-9) * per_replica_step);
      // Replicas at the minimum are idle while no request is in flight: for Poisson arrivals a share
      // e^(-λ·E[d]) of the step; for observed arrivals spread over the step, 1 - n·E[d] / step.
      const double busy = n[i] / step * w.duration.mean.value();
      const double idle_share = queue.backlog > 0 ? 0.0 : t.observed() ? std::max(0.0, 1 - busy) : std::exp(-busy);
      const double idle_replicas = std::min(replicas, minimum) * idle_share;
      out.idle_s += idle_replicas * step;
      out.active_s += (replicas - idle_replicas) * step;
      // Cold starts: with no minimum replica waiting, the first request after a window without any
      // (scale from zero), and one per replica added beyond those kept from the window.
      if (n[i] > 0 && minimum < 1)
        cold += gap_cold_starts(t.observed(), n[i], in_window, static_cast<double>(window) * step, step, c.cooldown_s);
      cold += std::max(0.0, std::ceil(replicas - 1e-9) - std::max(1.0, std::ceil(warm - 1e-9)));
      in_window += n[i];
      if (window == 0)
        in_window = 0;
      else if (i >= window)
        in_window = std::max(0.0, in_window - n[i - window]);
      if (!u.runs.empty() && u.runs.back().tasks == replicas && u.runs.back().stop.value() == step * i)
        u.runs.back().stop = seconds{step * (i + 1)};
      else if (replicas > 0)
        u.runs.push_back(task_run{seconds{step * i}, seconds{step * (i + 1)}, replicas});
      u.peak_instances = std::max(u.peak_instances, replicas);
    }
    return finish(w, minimum, queue.backlog, queue.late, cold, out, u);
  }

  static usage run(const workload& w, const config& c) {
    usage u;
    u.fixed_size = std::floor(c.min_replicas) >= std::floor(c.max_replicas);  // the rule cannot move
    walk(w, c, u);
    return u;
  }

 private:
  static std::size_t cooldown_steps(double step, const config& c) noexcept {
    return static_cast<std::size_t>(std::ceil(c.cooldown_s / step - 1e-9));
  }

  // The usage's totals once the walk is done: served is what arrived less what still waits.
  static replica_time finish(const workload& w, double minimum, double backlog, double late, double cold,
                             replica_time time, usage& u) {
    u.horizon = w.traffic.horizon();
    u.arrived = w.traffic.total();
    u.served = requests{std::max(0.0, u.arrived.value() - backlog)};
    u.overloaded = requests{late};
    u.cold_starts = requests{std::min(cold, u.served.value())};
    u.provisioned_instances = minimum;
    // Expected traffic wants fractional replicas (a replica present part of the time): at once, a
    // whole replica runs.
    u.peak_instances = std::ceil(u.peak_instances - 1e-9);
    u.mean_instances = u.horizon.value() > 0 ? (time.active_s + time.idle_s) / u.horizon.value() : 0.0;
    // A replica serves `concurrency_per_instance` requests at once: busy replica-seconds are the
    // served requests' E[d] each, shared that many ways.
    u.set_busy(u.served.value() * w.duration.mean.value() / w.concurrency_per_instance);
    u.split.active_s = time.active_s, u.split.idle_s = time.idle_s;
    return time;
  }
};

}  // namespace runwise::simulate
