// SPDX-License-Identifier: MIT
#pragma once

// AWS step scaling: an alarm on a metric threshold, and step adjustments that add or remove a
// number of tasks by how far the metric is past it (Application Auto Scaling API Reference,
// "StepAdjustment", https://docs.aws.amazon.com/autoscaling/application/APIReference/API_StepAdjustment.html,
// seen 2026-11-26; adjustment type ChangeInCapacity). runwise states the bounds as ratios of the
// metric to the scaling target, so that one set of defaults fits every metric.

#include "../../core/detail/math.hpp"

namespace runwise::simulate::scaling {

/// Two scale-out steps and one scale-in step, on r = metric / target.
struct step_adjustments {
  double scale_out_at = 1.1;  ///< r at or above which `scale_out_tasks` are added
  double scale_out_tasks = 1;
  double scale_out_large_at = 1.5;  ///< r at or above which `scale_out_large_tasks` are added instead
  double scale_out_large_tasks = 3;
  double scale_in_at = 0.7;  ///< r at or below which `scale_in_tasks` are removed
  double scale_in_tasks = 1;
};

/// The task count after one step adjustment from `current` tasks at r = metric / target.
///
/// ```cpp
/// constexpr runwise::simulate::scaling::step_adjustments s{};
/// static_assert(runwise::simulate::scaling::step_desired(4, 1.2, s) == 5);   // +1 at 1.1 ≤ r < 1.5
/// static_assert(runwise::simulate::scaling::step_desired(4, 2.0, s) == 7);   // +3 at r ≥ 1.5
/// static_assert(runwise::simulate::scaling::step_desired(4, 0.5, s) == 3);   // −1 at r ≤ 0.7
/// ```
constexpr double step_desired(double current, double ratio, const step_adjustments& s) noexcept {
  if (ratio >= s.scale_out_large_at) return current + s.scale_out_large_tasks;
  if (ratio >= s.scale_out_at) return current + s.scale_out_tasks;
  if (ratio <= s.scale_in_at) return detail::max(0.0, current - s.scale_in_tasks);
  return current;
}

}  // namespace runwise::simulate::scaling
