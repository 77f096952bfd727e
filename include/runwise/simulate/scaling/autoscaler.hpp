// SPDX-License-Identifier: MIT
#pragma once

// What a container fleet's autoscaler is: a small policy type that, at each decision, says how many
// tasks it wants from the load it observed. The shipped ones (target_tracking.hpp, hpa.hpp,
// step.hpp) are written this way; a user adds another (a scale-to-zero timer, a schedule) and runs
// it with simulate::container_fleet::run_with (docs/simulation.md, "Your own autoscaler").

#include <concepts>

#include "../../core/detail/math.hpp"

namespace runwise::simulate::scaling {

/// What an autoscaler sees when it decides.
struct observation {
  double now_s = 0;      ///< the decision's time, from the start of the horizon
  double step_s = 60;    ///< the traffic step (decisions come at most once a step)
  double current = 0;    ///< tasks now, running and starting
  double load = 0;       ///< busy tasks at 100% in the step it sees (observation_delay_s late)
  double target = 0.7;   ///< the target as a utilisation (container_fleet::utilization_target)
  double min_tasks = 0;  ///< the fleet's bounds, whole
  double max_tasks = 1e6;

  /// `x` within [min_tasks, max_tasks].
  [[nodiscard]] constexpr double clamp(double x) const noexcept { return detail::min(max_tasks, detail::max(min_tasks, x)); }
  /// The tasks the load needs at the target: ceil(load / target).
  [[nodiscard]] constexpr double proportional() const noexcept { return detail::ceil(load / target - 1e-9); }
};

/// An autoscaler: `desired(o)` is the task count it wants now (within o's bounds: its cooldowns,
/// windows and step limits applied), and it keeps whatever state it needs between calls. It may
/// have `next_decision_s()`, the earliest time of its next decision (the HPA's sync period); without
/// it, it decides every step. It may have `initial(o)`, the count it starts at (the service ran before
/// the horizon); without it, o.clamp(o.proportional()) for the first step's load.
template <class A>
concept autoscaler = requires(A& a, const observation& o) {
  { a.desired(o) } -> std::convertible_to<double>;
};

}  // namespace runwise::simulate::scaling
