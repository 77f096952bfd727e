// SPDX-License-Identifier: MIT
#pragma once

// The names of the CLI's `scaling.policy` and of the metric the autoscalers track.

#include "../../core/choices.hpp"

namespace runwise::simulate {

/// How a container fleet decides its task count (the CLI's `scaling.policy`).
enum class scaling_policy {
  fixed,            ///< a pre-determined number of tasks (the article's container model)
  target_tracking,  ///< AWS Application Auto Scaling target tracking
  hpa,              ///< Kubernetes Horizontal Pod Autoscaler
  step,             ///< AWS step scaling: fixed adjustments when the metric crosses thresholds
};
inline constexpr pricing::choice_table<scaling_policy, 4> scaling_policy_names{
    {{"fixed", scaling_policy::fixed},
     {"target_tracking", scaling_policy::target_tracking},
     {"hpa", scaling_policy::hpa},
     {"step", scaling_policy::step}}};

/// The per-task metric an autoscaler tracks, which sets the unit of `scaling.target`.
///
/// For a workload with a fixed mean duration E[d] and `concurrency_per_instance` k the three are
/// proportional — utilisation u = in-flight requests per task / k = requests per task per second ×
/// E[d] / k — so the choice changes the unit of the target, not the behaviour.
enum class scaling_metric {
  utilization,          ///< busy share of a task's slots, like ECSServiceAverageCPUUtilization / 100
  concurrency,          ///< requests in flight per task
  requests_per_second,  ///< arrivals per task per second, like ALBRequestCountPerTarget / 60
};
inline constexpr pricing::choice_table<scaling_metric, 3> scaling_metric_names{
    {{"utilization", scaling_metric::utilization},
     {"concurrency", scaling_metric::concurrency},
     {"requests_per_second", scaling_metric::requests_per_second}}};

}  // namespace runwise::simulate
