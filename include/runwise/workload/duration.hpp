// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <string_view>

#include "../core/detail/math.hpp"
#include "../core/units.hpp"

namespace runwise {

/// How execution time varies around its mean.
enum class duration_distribution {
  deterministic,  ///< every invocation takes exactly the mean
  exponential,    ///< memoryless, the service-time model of SimFaaS and of M/M/c queues
};

inline constexpr std::string_view to_string(duration_distribution d) noexcept {
  return d == duration_distribution::exponential ? "exponential" : "deterministic";
}

/// Execution time of one invocation: a mean and a distribution.
///
/// Billing rounds *each* invocation up, so the billed time is E[max(min, ceil(d / g)·g)], not the
/// rounded mean: under 100 ms rounding an exponentially distributed 50 ms function bills
/// 100 / (1 - e^-2) = 115.7 ms per invocation on average, not ceil(50 ms) = 100 ms.
///
/// ```cpp
/// constexpr runwise::duration_model d{runwise::milliseconds(1000)};
/// static_assert(d.expected_billed(runwise::milliseconds(100)) == runwise::seconds{1.0});
/// ```
struct duration_model {
  seconds mean{0.1};
  duration_distribution distribution = duration_distribution::deterministic;

  /// Expected billed time per invocation when each one is rounded up to a multiple of `granularity`
  /// and billed at least `minimum` (which must itself be a multiple of `granularity`).
  [[nodiscard]] constexpr seconds expected_billed(seconds granularity, seconds minimum = seconds{0}) const {
    const double g = granularity.value();
    if (distribution == duration_distribution::deterministic || mean.value() <= 0)
      return seconds{detail::max(minimum.value(), g > 0 ? detail::round_up_to(mean.value(), g) : mean.value())};
    if (g <= 0) {
      // Exact billing: E[max(m, X)] = m + mean·e^(-m/mean) for X ~ Exp(mean).
      return seconds{minimum.value() + mean.value() * std::exp(-minimum.value() / mean.value())};
    }
    // K = ceil(X/g) is geometric on {1, 2, ...} with q = P(X > g) = e^(-g/mean); with the minimum
    // M = m/g whole steps, E[max(M, K)] = M + q^M / (1 - q).
    const double q = std::exp(-g / mean.value());
    const double whole = detail::round_up_to(minimum.value() / g, 1.0);
    return seconds{g * (whole + std::pow(q, whole) / -std::expm1(-g / mean.value()))};
  }
};

}  // namespace runwise
