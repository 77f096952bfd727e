// SPDX-License-Identifier: MIT
#pragma once

// The distributions an uncertain input may follow, sampled with detail::splitmix64 so that the core
// needs no <random> and a seed gives the same numbers on every platform and compiler.

#include <cmath>
#include <string>
#include <string_view>

#include "../core/detail/check.hpp"
#include "../core/detail/random.hpp"
#include "../core/error.hpp"

namespace runwise::analyze {

/// The shapes an uncertain input can take.
enum class distribution_kind { fixed, triangular, pert, uniform, lognormal };

inline constexpr std::string_view to_string(distribution_kind k) noexcept {
  switch (k) {
    case distribution_kind::fixed:
      return "fixed";
    case distribution_kind::triangular:
      return "triangular";
    case distribution_kind::pert:
      return "pert";
    case distribution_kind::uniform:
      return "uniform";
    case distribution_kind::lognormal:
      return "lognormal";
  }
  return "fixed";
}

/// z such that Φ(z) = 0.9 for the standard normal: 1.2815515655446004 (NIST/SEMATECH e-Handbook of
/// Statistical Methods, table 1.3.6.7.1, to 16 digits via the inverse error function).
inline constexpr double z_90 = 1.2815515655446004;

/// A standard normal sample: Marsaglia's polar method (G. Marsaglia, T. A. Bray, "A convenient method
/// for generating normal variables", SIAM Review 6, 1964), exact, no trigonometry.
inline double standard_normal(detail::splitmix64& rng) {
  for (;;) {
    const double u = 2 * rng.uniform() - 1, v = 2 * rng.uniform() - 1;
    const double s = u * u + v * v;
    if (s > 0 && s < 1) return u * std::sqrt(-2 * std::log(s) / s);
  }
}

/// A Gamma(shape, 1) sample for shape >= 1: G. Marsaglia, W. W. Tsang, "A simple method for
/// generating gamma variables", ACM TOMS 26(3), 2000.
inline double standard_gamma(detail::splitmix64& rng, double shape) {
  const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
  for (;;) {
    double x, v;
    do {
      x = standard_normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0 && std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
  }
}

/// One uncertain input: a value known only as a range or a distribution.
///
/// - `triangular(low, mode, high)`: the classic three-point estimate; inverse-CDF sampling.
///   Mean (a + m + b) / 3, variance (a² + b² + m² − ab − am − bm) / 18 (M. Evans, N. Hastings,
///   B. Peacock, *Statistical Distributions*, 3rd ed., Wiley 2000, ch. 40).
/// - `pert(low, mode, high)`: a Beta on [a, b] with α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a)
///   (D. Vose, *Risk Analysis*, 3rd ed., Wiley 2008, §III.7.2): mean (a + 4m + b) / 6, variance
///   (μ − a)(b − μ) / 7. Weighs the mode more than the triangular, so its tails are thinner.
/// - `uniform(low, high)`: mean (a + b) / 2, variance (b − a)² / 12.
/// - `lognormal(p50, p90)`: median p50, 90th percentile p90 (μ = ln p50, σ = ln(p90/p50) / z₀.₉);
///   for quantities that are positive and right-skewed, such as traffic growth.
/// - `fixed(v)`: no uncertainty.
///
/// ```cpp
/// auto traffic = runwise::analyze::distribution::triangular(0.5, 1, 3);
/// runwise::detail::splitmix64 rng(7);
/// double factor = traffic.sample(rng);   // in [0.5, 3], mean 1.5
/// ```
struct distribution {
  distribution_kind kind = distribution_kind::fixed;
  double low = 1, mode = 1, high = 1;  ///< fixed: mode; uniform: low, high; triangular and pert: all three
  double p50 = 1, p90 = 1;             ///< lognormal only

  static constexpr distribution fixed(double v) noexcept { return {distribution_kind::fixed, v, v, v, v, v}; }
  static constexpr distribution triangular(double a, double m, double b) noexcept {
    return {distribution_kind::triangular, a, m, b, m, m};
  }
  static constexpr distribution pert(double a, double m, double b) noexcept {
    return {distribution_kind::pert, a, m, b, m, m};
  }
  static constexpr distribution uniform(double a, double b) noexcept {
    return {distribution_kind::uniform, a, 0.5 * (a + b), b, 0.5 * (a + b), 0.5 * (a + b)};
  }
  static constexpr distribution lognormal(double median, double ninetieth) noexcept {
    return {distribution_kind::lognormal, median, median, ninetieth, median, ninetieth};
  }

  /// σ of the underlying normal (lognormal only).
  [[nodiscard]] double sigma() const { return std::log(p90 / p50) / z_90; }

  [[nodiscard]] double mean() const {
    switch (kind) {
      case distribution_kind::triangular:
        return (low + mode + high) / 3;
      case distribution_kind::pert:
        return (low + 4 * mode + high) / 6;
      case distribution_kind::uniform:
        return 0.5 * (low + high);
      case distribution_kind::lognormal:
        return p50 * std::exp(0.5 * sigma() * sigma());
      case distribution_kind::fixed:
        break;
    }
    return mode;
  }

  [[nodiscard]] double variance() const {
    const double a = low, m = mode, b = high;
    switch (kind) {
      case distribution_kind::triangular:
        return (a * a + b * b + m * m - a * b - a * m - b * m) / 18;
      case distribution_kind::pert:
        return (mean() - a) * (b - mean()) / 7;
      case distribution_kind::uniform:
        return (b - a) * (b - a) / 12;
      case distribution_kind::lognormal: {
        const double s2 = sigma() * sigma();
        return std::expm1(s2) * p50 * p50 * std::exp(s2);
      }
      case distribution_kind::fixed:
        break;
    }
    return 0;
  }

  /// P(X <= x) (PERT: not needed by runwise, and its regularised incomplete beta is left out; NaN).
  [[nodiscard]] double cdf(double x) const {
    const double a = low, m = mode, b = high;
    switch (kind) {
      case distribution_kind::triangular:
        if (x <= a) return 0;
        if (x >= b) return 1;
        return x <= m ? (x - a) * (x - a) / ((b - a) * (m - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - m));
      case distribution_kind::uniform:
        return x <= a ? 0.0 : x >= b ? 1.0 : (x - a) / (b - a);
      case distribution_kind::lognormal:
        return x <= 0 ? 0.0 : 0.5 * std::erfc(-(std::log(x / p50) / sigma()) / std::sqrt(2.0));
      case distribution_kind::pert:
        return std::nan("");
      case distribution_kind::fixed:
        break;
    }
    return x < mode ? 0.0 : 1.0;
  }

  /// One sample. Each kind consumes the generator its own way; fixed consumes nothing.
  [[nodiscard]] double sample(detail::splitmix64& rng) const {
    const double a = low, m = mode, b = high;
    switch (kind) {
      case distribution_kind::triangular: {
        if (b == a) return m;
        const double u = rng.uniform(), f = (m - a) / (b - a);
        return u < f ? a + std::sqrt(u * (b - a) * (m - a)) : b - std::sqrt((1 - u) * (b - a) * (b - m));
      }
      case distribution_kind::pert: {
        if (b == a) return m;
        const double g1 = standard_gamma(rng, 1 + 4 * (m - a) / (b - a));
        const double g2 = standard_gamma(rng, 1 + 4 * (b - m) / (b - a));
        return a + (b - a) * g1 / (g1 + g2);
      }
      case distribution_kind::uniform:
        return a + (b - a) * rng.uniform();
      case distribution_kind::lognormal:
        return p50 * std::exp(sigma() * standard_normal(rng));
      case distribution_kind::fixed:
        break;
    }
    return m;
  }

  /// Throws runwise::error naming `path` when the parameters do not make a distribution of values
  /// in [lo, hi] (e.g. factors must be >= 0, memory >= 1 MB).
  void validate(const std::string& path, double lo, double hi) const {
    auto in_range = [&](const char* field, double x) { runwise::detail::check_range(path + "." + field, x, lo, hi); };
    switch (kind) {
      case distribution_kind::lognormal:
        in_range("p50", p50);
        in_range("p90", p90);
        if (!(p50 > 0)) fail_input(path + ".p50", "must be positive");
        if (!(p90 > p50)) fail_input(path + ".p90", "must be above p50 (" + detail::format_number(p50) + ")");
        return;
      case distribution_kind::fixed:
        in_range("expected", mode);
        return;
      default:
        in_range("low", low);
        in_range("high", high);
        if (kind != distribution_kind::uniform) in_range("expected", mode);
        if (!(low <= mode && mode <= high))
          fail_input(path, "needs low <= expected <= high, got " + detail::format_number(low) + ", " +
                               detail::format_number(mode) + ", " + detail::format_number(high));
        if (kind == distribution_kind::uniform && !(low < high))
          fail_input(path, "needs low < high for a uniform distribution");
    }
  }
};

}  // namespace runwise::analyze
