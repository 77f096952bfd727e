// SPDX-License-Identifier: MIT
#pragma once

// AWS Application Auto Scaling target tracking: "adds capacity proportional to the metric value"
// above the target and removes it more gradually below (Application Auto Scaling User Guide, "How
// target tracking scaling works",
// https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html,
// seen 2026-11-26). AWS does not publish its exact arithmetic; runwise takes the proportional rule
// without a dead band, and models the gradual scale-in by the cooldowns (container_fleet).

#include "../../core/detail/math.hpp"

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

}  // namespace runwise::simulate::scaling
