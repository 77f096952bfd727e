// SPDX-License-Identifier: MIT
#pragma once

// constexpr replacements for the few <cmath> functions that C++20 does not make constexpr
// (std::ceil and friends are constexpr only from C++23; GCC accepts them early, Clang does not).

#include <cstdint>
#include <limits>

namespace runwise::detail {

/// True for a finite double (neither NaN nor ±inf), usable in constant expressions.
constexpr bool is_finite(double x) noexcept {
  return x == x && x <= std::numeric_limits<double>::max() && x >= -std::numeric_limits<double>::max();
}

/// Smallest integral value not less than `x`. Exact for |x| < 2^52; larger doubles are integral already.
constexpr double ceil(double x) noexcept {
  if (!is_finite(x) || x >= 4503599627370496.0 || x <= -4503599627370496.0) return x;
  const auto t = static_cast<double>(static_cast<std::int64_t>(x));
  return t < x ? t + 1.0 : t;
}

/// Largest integral value not greater than `x`.
constexpr double floor(double x) noexcept { return -ceil(-x); }

constexpr double max(double a, double b) noexcept { return a < b ? b : a; }
constexpr double min(double a, double b) noexcept { return b < a ? b : a; }

/// `x` rounded up to a whole multiple of `step` (step > 0). A relative tolerance of 1e-9 keeps
/// values that are a multiple up to floating-point noise (e.g. 0.3 s at 100 ms) where they are.
constexpr double round_up_to(double x, double step) noexcept {
  const double q = x / step;
  const double nearest = floor(q + 0.5);
  const double diff = q - nearest;
  if (diff <= 1e-9 * (nearest < 1.0 ? 1.0 : nearest) && diff >= -1e-9 * (nearest < 1.0 ? 1.0 : nearest))
    return nearest * step;
  return ceil(q) * step;
}

/// A dollar amount as whole cents, rounded half away from zero — what a bill shows.
constexpr std::int64_t to_cents(double usd) noexcept {
  const double c = usd * 100.0;
  return static_cast<std::int64_t>(c < 0 ? c - 0.5 : c + 0.5);
}

}  // namespace runwise::detail
