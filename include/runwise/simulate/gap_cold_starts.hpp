// SPDX-License-Identifier: MIT
#pragma once

// Cold starts after idle gaps when a step's count is a Poisson mean (generated traffic), for every
// capacity model that keeps instances warm for a while after their last request.

#include <cmath>

namespace runwise::simulate {

/// Expected requests, of a step's `n` Poisson arrivals (over `step_s`), that find no arrival in the
/// `keep_alive_s` before them — the ones that start cold after an idle gap — when `prior` requests
/// arrived over the `window_s` before the step (the mean rate r = prior / window_s).
///
/// A request at offset u in the step saw λ·u + r·(T − u) expected arrivals in its window (λ = n / s),
/// so the step's cold starts are n · e^(−rT) · (1 − e^(−x)) / x with x = (λ − r)·s: n·e^(−λT) for a
/// steady rate, and 1 − e^(−n) after a long idle gap (only the first arrival is cold), not n. For
/// T < s: n·e^(−λT), and at least 1 − e^(−n) after an empty window.
///
/// ```cpp
/// runwise::simulate::expected_gap_cold_starts(100, 0, 900, 60, 900);   // ≈ 1: the first of 100 after idling
/// ```
inline double expected_gap_cold_starts(double n, double prior, double window_s, double step_s, double keep_alive_s) {
  if (!(n > 0)) return 0.0;
  if (keep_alive_s < step_s) {
    const double y = n / step_s * keep_alive_s;
    const double cold = y > 745 ? 0.0 : n * std::exp(-y);
    return prior < 1e-9 ? std::fmax(cold, -std::expm1(-n)) : cold;
  }
  const double r = prior / window_s;
  const double a = r * keep_alive_s, x = n - r * step_s;
  // e^(−y) is 0 in doubles beyond y ≈ 745, and libm takes a slow path to say so: skip it there.
  const auto decay = [](double y) { return y > 745 ? 0.0 : std::exp(-y); };
  // Written as n·(e^(−a) − e^(−(a + x)))/x: a + x >= 0 whenever T >= s, so nothing overflows when
  // the rate drops sharply (x << 0).
  return std::fabs(x) < 1e-9 ? n * decay(a) : n * (decay(a) - decay(a + x)) / x;
}

/// Cold starts after idle gaps in a step of `n` requests, for a trace (`observed`: its arrivals spread
/// over the step, so only the first after a window with none, `prior` = 0, starts cold) or for
/// Poisson means (expected_gap_cold_starts). `window_s`: the span `prior` was counted over.
///
/// ```cpp
/// runwise::simulate::gap_cold_starts(true, 30, 0, 300, 60, 300);   // 1: the first request after idling
/// ```
inline double gap_cold_starts(bool observed, double n, double prior, double window_s, double step_s,
                              double keep_alive_s) {
  if (observed) return prior < 1e-9 ? std::fmin(1.0, n) : 0.0;
  return expected_gap_cold_starts(n, prior, window_s, step_s, keep_alive_s);
}

}  // namespace runwise::simulate
