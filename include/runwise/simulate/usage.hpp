// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "../units.hpp"

namespace runwise {

/// `tasks` identical container tasks, each billed from `start` (image pull) to `stop`.
struct task_run {
  seconds start{};
  seconds stop{};
  double tasks = 1;
  [[nodiscard]] constexpr seconds length() const noexcept { return stop - start; }
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
  double peak_instances = 0;         ///< most instances (functions) or tasks (containers) at once
  double mean_instances = 0;         ///< time-averaged instances or tasks
  std::vector<task_run> runs;        ///< container tasks, for per-second billing
  /// Containers: share of the billed task-seconds in which no request was being served (tasks
  /// starting up, and headroom). 0 when no task ran.
  double idle_capacity_share = 0;

  /// Share of served requests that started cold (0 when nothing was served).
  [[nodiscard]] double cold_start_rate() const noexcept { return served.value() > 0 ? cold_starts / served : 0.0; }
};

}  // namespace runwise
