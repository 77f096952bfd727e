// SPDX-License-Identifier: MIT
#pragma once

// The Kubernetes Horizontal Pod Autoscaler's replica calculation (Kubernetes documentation,
// "Horizontal Pod Autoscaling", section "Algorithm details",
// https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/, seen 2026-11-26).

#include "../../core/detail/math.hpp"

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

}  // namespace runwise::simulate::scaling
