// SPDX-License-Identifier: MIT
#pragma once

// AWS step scaling: an alarm on a metric threshold, and step adjustments that add or remove a
// number of tasks by how far the metric is past it (Application Auto Scaling API Reference,
// "StepAdjustment", https://docs.aws.amazon.com/autoscaling/application/APIReference/API_StepAdjustment.html,
// seen 2026-11-26; adjustment type ChangeInCapacity). runwise states the bounds as ratios of the
// metric to the scaling target, so that one set of defaults fits every metric.

#include "../../core/detail/math.hpp"
#include "autoscaler.hpp"

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

/// Step scaling as an autoscaler: step_desired on metric / target (metric = load / current), the
/// first scale-out's tasks from zero; a scale-out waits `scale_out_cooldown_s` after the last one, a
/// scale-in `scale_in_cooldown_s` after any scaling.
struct step_scaler {
  step_adjustments steps{};
  double scale_out_cooldown_s = 300, scale_in_cooldown_s = 300;
  double last_out_s = -1e300, last_change_s = -1e300;

  constexpr double desired(const observation& o) noexcept {
    double d = o.current;
    if (o.current > 0)
      d = detail::ceil(step_desired(o.current, o.load / (o.current * o.target), steps) - 1e-9);
    else if (o.load > 0)
      d = detail::ceil(steps.scale_out_tasks - 1e-9);
    d = o.clamp(d);
    if (d > o.current && o.now_s - last_out_s < scale_out_cooldown_s - 1e-9) d = o.current;
    if (d < o.current && o.now_s - last_change_s < scale_in_cooldown_s - 1e-9) d = o.current;
    if (d > o.current) last_out_s = o.now_s;
    if (d != o.current) last_change_s = o.now_s;
    return d;
  }
};
static_assert(autoscaler<step_scaler>);

}  // namespace runwise::simulate::scaling
