// SPDX-License-Identifier: MIT
#pragma once

// The Kubernetes Horizontal Pod Autoscaler's replica calculation (Kubernetes documentation,
// "Horizontal Pod Autoscaling", section "Algorithm details",
// https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/, seen 2026-11-26).

#include <cstddef>
#include <utility>
#include <vector>

#include "../../core/detail/math.hpp"
#include "autoscaler.hpp"

namespace runwise::simulate::scaling {

/// The HPA's default tolerance: no change while metric / target is within 10% of 1
/// (kube-controller-manager `--horizontal-pod-autoscaler-tolerance`, default 0.1).
inline constexpr double hpa_default_tolerance = 0.1;

/// desired = ceil(current × metric / target), or `current` unchanged when |metric / target − 1| is
/// within `tolerance`. The Kubernetes docs' example: 50 replicas at 90% against a 75% target → 60.
///
/// ```cpp
/// static_assert(runwise::simulate::scaling::hpa_desired(50, 90, 75) == 60);
/// static_assert(runwise::simulate::scaling::hpa_desired(50, 80, 75) == 50);   // 6.7% off: within tolerance
/// ```
constexpr double hpa_desired(double current, double metric, double target,
                             double tolerance = hpa_default_tolerance) noexcept {
  const double ratio = metric / target;
  if (ratio - 1.0 <= tolerance && 1.0 - ratio <= tolerance) return current;
  // 1e-9: a ratio like 90/75 is 1.2000000000000002 in doubles; 50 × it must stay 60.
  return detail::ceil(current * ratio - 1e-9);
}

/// The HPA's scale-up limits (`behavior.scaleUp.policies`): per `period_s`, the larger of
/// +`percent` % and +`pods` pods. Kubernetes' defaults: 100 % or 4 pods per 15 s.
struct hpa_scale_up_policy {
  double percent = 100, pods = 4, period_s = 15;

  /// The pods a scale-up from `current` towards `wanted` reaches within `interval_s`: per whole
  /// period in it (at least one), the larger step, never past `wanted`. The defaults take 2 pods to
  /// 6, 12, 24 in three 15 s periods.
  ///
  /// ```cpp
  /// static_assert(runwise::simulate::scaling::hpa_scale_up_policy{}.reach(2, 100, 45) == 24);
  /// ```
  [[nodiscard]] constexpr double reach(double current, double wanted, double interval_s) const noexcept {
    const double periods = detail::max(1.0, detail::floor(interval_s / period_s + 1e-9));
    double reached = current;
    for (double p = 0; p < periods && reached < wanted; ++p) {
      const double next = detail::max(detail::ceil(reached * (1 + percent / 100) - 1e-9), reached + pods);
      if (next <= reached) break;  // no scale-up policy allows growth
      reached = next;
    }
    return detail::min(reached, wanted);
  }
};

/// The HPA as an autoscaler: hpa_desired every `sync_period_s` (the proportional count from zero
/// pods); a scale-down takes the highest recommendation of the last `stabilization_window_s`
/// (`behavior.scaleDown.stabilizationWindowSeconds`); a scale-up is limited by `scale_up` over the
/// time since the last decision (at most one step).
class hpa_scaler {
 public:
  double tolerance = hpa_default_tolerance;
  double sync_period_s = 15;
  double stabilization_window_s = 300;
  hpa_scale_up_policy scale_up{};

  double desired(const observation& o) {
    double d = o.current > 0 ? hpa_desired(o.current, o.load / o.current, o.target, tolerance) : o.proportional();
    d = o.clamp(d);
    next_s_ = o.now_s + sync_period_s;
    // (time, count) with counts decreasing, from `oldest_` on: the window's highest is at oldest_.
    while (recommendations_.size() > oldest_ && recommendations_.back().second <= d) recommendations_.pop_back();
    recommendations_.emplace_back(o.now_s, d);
    while (recommendations_[oldest_].first < o.now_s - stabilization_window_s - 1e-9) ++oldest_;
    if (d < o.current) d = detail::min(o.current, recommendations_[oldest_].second);
    if (oldest_ > 64 && 2 * oldest_ > recommendations_.size()) {  // forget what expired
      recommendations_.erase(recommendations_.begin(), recommendations_.begin() + static_cast<std::ptrdiff_t>(oldest_));
      oldest_ = 0;
    }
    if (d > o.current) d = scale_up.reach(o.current, d, detail::min(o.step_s, o.now_s - last_s_));
    last_s_ = o.now_s;
    return d;
  }
  [[nodiscard]] double next_decision_s() const noexcept { return next_s_; }

 private:
  // A vector allocates nothing until used, unlike a deque (every fleet run constructs one).
  std::vector<std::pair<double, double>> recommendations_;
  std::size_t oldest_ = 0;
  double last_s_ = -1e300, next_s_ = 0;
};
static_assert(autoscaler<hpa_scaler>);

}  // namespace runwise::simulate::scaling
