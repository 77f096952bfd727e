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
/// crossing is the break-even a team meets as it grows. A log-spaced scan of 97 points finds the
/// bracket, bisection in log space narrows it to a relative 1e-9.
///
/// ```cpp
/// auto k = runwise::analyze::break_even_scale([](double k) { return 2.0 * k - 10.0; });   // 5
/// ```
template <class F>
std::optional<double> break_even_scale(F&& difference, double lo = 1e-6, double hi = 1e6) {
  constexpr int points = 96;
  const double log_lo = std::log(lo), log_hi = std::log(hi);
  double prev_x = log_lo, prev = difference(lo);
  if (prev == 0) return lo;
  if (!std::isfinite(prev)) return std::nullopt;
  for (int i = 1; i <= points; ++i) {
    const double x = log_lo + (log_hi - log_lo) * i / points;
    const double d = difference(std::exp(x));
    if (!std::isfinite(d)) return std::nullopt;  // costs overflow: no meaningful crossing beyond
    if (d == 0) return std::exp(x);
    if ((d > 0) != (prev > 0)) {
      double a = prev_x, b = x;
      const bool rising = d > 0;
      for (int it = 0; it < 200 && b - a > 1e-9; ++it) {
        const double m = 0.5 * (a + b);
        const double dm = difference(std::exp(m));
        if (dm == 0) return std::exp(m);
        ((dm > 0) == rising ? b : a) = m;
      }
      return std::exp(0.5 * (a + b));
    }
    prev_x = x;
    prev = d;
  }
  return std::nullopt;
}

}  // namespace runwise::analyze
