// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <optional>

namespace runwise::analyze {

/// The smallest traffic scale k in [lo, hi] at which `difference(k)` (serverless cost minus container
/// cost at k times the workload's traffic) changes sign, or nullopt when it never does there.
///
/// Serverless cost grows with traffic while a container fleet's is flat or grows in steps, so the
/// difference usually crosses zero once; where steps make it cross several times, the first
/// crossing is the break-even a team meets as it grows. A log-spaced scan of 97 points (the same
/// points for every call, so that a caller can remember costs across pairs) finds the bracket; the
/// Illinois variant of false position narrows it to a relative 1e-9 — a few evaluations where the
/// costs are linear in k, about bisection's pace where a step in the container count sits on the
/// crossing.
///
/// ```cpp
/// auto k = runwise::analyze::break_even_scale([](double k) { return 2.0 * k - 10.0; });   // 5
/// ```
template <class F>
std::optional<double> break_even_scale(F&& difference, double lo = 1e-6, double hi = 1e6) {
  constexpr int points = 96;
  const double log_lo = std::log(lo), log_hi = std::log(hi);
  double prev_k = lo, prev = difference(lo);
  if (prev == 0) return lo;
  if (!std::isfinite(prev)) return std::nullopt;
  for (int i = 1; i <= points; ++i) {
    const double k = std::exp(log_lo + (log_hi - log_lo) * i / points);
    const double d = difference(k);
    if (!std::isfinite(d)) return std::nullopt;  // costs overflow: no meaningful crossing beyond
    if (d == 0) return k;
    if ((d > 0) != (prev > 0)) {
      double a = prev_k, b = k, fa = prev, fb = d;
      int kept = 0;  // which end the last step kept: -1 a, +1 b
      for (int it = 0; it < 200 && b - a > 1e-9 * b; ++it) {
        double m = (a * fb - b * fa) / (fb - fa);
        if (!(m > a && m < b)) m = 0.5 * (a + b);
        const double fm = difference(m);
        if (fm == 0) return m;
        if ((fm > 0) == (fb > 0)) {
          b = m, fb = fm;
          if (kept == -1) fa /= 2;  // a kept twice: halve its weight (Illinois)
          kept = -1;
        } else {
          a = m, fa = fm;
          if (kept == 1) fb /= 2;
          kept = 1;
        }
      }
      return 0.5 * (a + b);
    }
    prev_k = k;
    prev = d;
  }
  return std::nullopt;
}

/// The share of the time a function instance must be busy to cost what one always-on unit of the
/// same size costs: `always_on_usd_per_hour / function_usd_per_busy_hour`. Below it functions are
/// cheaper, above it the always-on unit (a task, a pod, an instance). Values above 1 mean the unit
/// never pays off against one function instance.
///
/// PRICES.md: a c6g.medium (1 vCPU, $0.034/h) against an arm64 Lambda at 1,769 MB (one vCPU's worth,
/// $0.0000133334 per GB-s): 0.034 / (1769/1024 × 0.0000133334 × 3600) = 0.41.
///
/// ```cpp
/// double d = runwise::analyze::duty_cycle_break_even(0.034, 1769.0 / 1024 * 0.0000133334 * 3600);   // 0.41
/// ```
constexpr double duty_cycle_break_even(double always_on_usd_per_hour, double function_usd_per_busy_hour) noexcept {
  return function_usd_per_busy_hour > 0 ? always_on_usd_per_hour / function_usd_per_busy_hour : 0.0;
}

}  // namespace runwise::analyze
