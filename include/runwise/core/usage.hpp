// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "units.hpp"

namespace runwise {

/// `tasks` identical container tasks, each billed from `start` (image pull) to `stop`.
struct task_run {
  seconds start{};
  seconds stop{};
  double tasks = 1;
  [[nodiscard]] constexpr seconds length() const noexcept { return stop - start; }
};

/// Instance time split the ways bills price it, as the capacity model measured it, so that pricing
/// never walks the traffic again (a price-only change costs no simulation).
struct instance_time_split {
  /// Instance-seconds with at least one request in flight, before any rounding.
  double busy_s = 0;
  /// Busy periods that are one request alone: billing each up to a granularity g rounds it as
  /// that request's duration rounds, E[billed(d)] - E[d] (Cloud Run's request-based 100 ms).
  double lone_periods = 0;
  /// Busy periods of overlapping requests: each ends anywhere within a g, adding g/2 on average.
  double shared_periods = 0;
  /// Replica-seconds billed at the active rate and at the idle rate (minimum replicas with no
  /// request in flight; Azure Container Apps). Zero where the model does not split them.
  double active_s = 0, idle_s = 0;

  /// What rounding each busy period up to `g` adds, given a lone request's `single` rounding.
  [[nodiscard]] constexpr double rounding_s(double single, double g) const noexcept {
    return g > 0 ? lone_periods * single + shared_periods * g / 2 : 0.0;
  }
};

/// What a capacity policy measured when it ran a workload's traffic: the input of pricing and of
/// the criteria. Serverless policies fill the instance and cold-start fields; container policies
/// fill `runs`, `overloaded` and `idle_capacity_share`.
struct usage {
  seconds horizon{};
  requests arrived{};                ///< every request of the traffic
  requests served{};                 ///< requests that ran within the horizon (and are billed)
  requests throttled{};              ///< rejected by a platform concurrency limit
  requests overloaded{};             ///< served late: demand above the running capacity in its step
  requests cold_starts{};            ///< requests that had to start a new instance
  requests provisioned_served{};     ///< served by pre-initialised (provisioned) instances
  double provisioned_instances = 0;  ///< instances kept initialised for the whole horizon
  /// Most instances (functions) or tasks (containers) alive at once: a whole number (for an
  /// expected traffic, the instances a busiest step needs with its requests arriving at random).
  double peak_instances = 0;
  /// Time-averaged instances or tasks alive: busy, idle but kept (warm until an idle timeout,
  /// minimum instances, headroom, tasks starting up). Function platforms that bill and keep
  /// nothing between requests (Lambda, Azure Functions) count only busy instances here.
  double mean_instances = 0;
  /// Time-averaged instances or tasks with at least one request in flight (busy instance-seconds /
  /// horizon); never above mean_instances. What a duty cycle compares with an always-on unit.
  double mean_busy_instances = 0;
  std::vector<task_run> runs;  ///< container tasks, for per-second billing
  /// Share of the instance (or task) time alive in which no request was in flight:
  /// 1 - mean_busy_instances / mean_instances, 0 when nothing was alive.
  double idle_capacity_share = 0;
  /// Containers: the policy held a count the configuration fixed (a `fixed` fleet, or an autoscaler
  /// whose minimum is its maximum), so the fleet would not follow demand. False for a policy that
  /// scales, even when the traffic never made it change the count.
  bool fixed_size = false;
  /// The instance time split for billing (function-instance models with shared instances, replica
  /// models with an idle rate); see instance_time_split.
  instance_time_split split;

  /// Sets mean_busy_instances from busy instance-seconds (at most the time alive) and
  /// idle_capacity_share to match it; what every capacity model ends with.
  ///
  /// ```cpp
  /// u.mean_instances = 4.67;
  /// u.set_busy(1.14 * u.horizon.value());   // idle_capacity_share = 1 - 1.14 / 4.67
  /// ```
  constexpr void set_busy(double busy_instance_seconds) noexcept {
    const double h = horizon.value();
    const double busy = h > 0 && busy_instance_seconds > 0 ? busy_instance_seconds / h : 0.0;
    mean_busy_instances = busy < mean_instances ? busy : mean_instances;
    idle_capacity_share = mean_instances > 0 ? 1.0 - mean_busy_instances / mean_instances : 0.0;
  }

  /// Share of served requests that started cold (0 when nothing was served).
  [[nodiscard]] double cold_start_rate() const noexcept { return served.value() > 0 ? cold_starts / served : 0.0; }
};

}  // namespace runwise
