// SPDX-License-Identifier: MIT
#pragma once

// AWS Application Auto Scaling target tracking: "adds capacity proportional to the metric value"
// above the target and removes it more gradually below (Application Auto Scaling User Guide, "How
// target tracking scaling works",
// https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html,
// seen 2026-11-26). AWS does not publish its exact arithmetic; runwise takes the proportional rule
// without a dead band, and models the gradual scale-in by the cooldowns (container_fleet).

#include "../../core/detail/math.hpp"
#include "autoscaler.hpp"

namespace runwise::simulate::scaling {

/// Tasks that bring a per-task `metric` measured over `current` tasks back to `target`:
/// ceil(current × metric / target).
///
/// ```cpp
/// static_assert(runwise::simulate::scaling::target_tracking_desired(4, 0.9, 0.6) == 6);
/// ```
constexpr double target_tracking_desired(double current, double metric, double target) noexcept {
  return detail::ceil(current * metric / target - 1e-9);
}

/// Target tracking as an autoscaler: the proportional count ceil(load / target) at every step; a
/// scale-in waits `scale_in_cooldown_s` after any scaling. During a scale-out cooldown only a larger
/// scale-out proceeds, and every desired count above the current one is larger (it already counts
/// the tasks the last scale-out added), so no scale-out waits.
struct target_tracking_scaler {
  double scale_in_cooldown_s = 300;
  double last_change_s = -1e300;

  constexpr double desired(const observation& o) noexcept {
    double d = o.clamp(o.proportional());
    if (d < o.current && o.now_s - last_change_s < scale_in_cooldown_s - 1e-9) d = o.current;
    if (d != o.current) last_change_s = o.now_s;
    return d;
  }
};
static_assert(autoscaler<target_tracking_scaler>);

}  // namespace runwise::simulate::scaling
