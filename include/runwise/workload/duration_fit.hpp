// SPDX-License-Identifier: MIT
#pragma once

// Execution times fitted from percentiles. Function execution times are right-skewed: Shahrad et al.
// ("Serverless in the Wild", USENIX ATC 2020) fit a log-normal to the distribution of the Azure
// functions' average execution times. runwise assumes the same family *within* one function and fits
// it to the percentiles a trace gives; the billed time is then E[max(min, ceil(d/g)·g)] under that
// distribution, not the rounded mean.

#include <algorithm>
#include <cmath>
#include <numbers>
#include <span>
#include <string>

#include "../core/detail/check.hpp"
#include "../core/units.hpp"

namespace runwise {

namespace detail {

/// Φ(z), the standard normal distribution function.
inline double normal_cdf(double z) noexcept { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

/// Φ⁻¹(p) for 0 < p < 1: P. J. Acklam's rational approximation (relative error 1.15e-9), refined
/// by one Halley step on erfc to full double precision.
inline double normal_quantile(double p) {
  constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                          1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                          -1.328068155288572e+01};
  constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                          -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double low = 0.02425;
  double x = 0;
  if (p < low) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const double e = normal_cdf(x) - p;
  const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

}  // namespace detail

/// A log-normal execution time: ln(d / 1 s) is normal with mean `mu` and deviation `sigma`
/// (sigma = 0 is a fixed duration e^mu).
///
/// ```cpp
/// runwise::lognormal_duration d{std::log(0.05), 1.0};          // median 50 ms
/// runwise::seconds billed = d.expected_billed(runwise::milliseconds(100));
/// ```
struct lognormal_duration {
  double mu = 0;
  double sigma = 0;

  [[nodiscard]] seconds median() const noexcept { return seconds{std::exp(mu)}; }
  [[nodiscard]] seconds mean() const noexcept { return seconds{std::exp(mu + sigma * sigma / 2)}; }
  /// The p-th quantile, 0 < p < 1.
  [[nodiscard]] seconds quantile(double p) const { return seconds{std::exp(mu + sigma * detail::normal_quantile(p))}; }
  /// P(d <= x).
  [[nodiscard]] double cdf(seconds x) const noexcept {
    if (x.value() <= 0) return 0;
    if (sigma == 0) return x.value() >= std::exp(mu) ? 1 : 0;
    return detail::normal_cdf((std::log(x.value()) - mu) / sigma);
  }
  /// E[d; d > x], the mean restricted to durations above x.
  [[nodiscard]] seconds mean_above(seconds x) const noexcept {
    if (sigma == 0) return x.value() < std::exp(mu) ? median() : seconds{0};
    if (x.value() <= 0) return mean();
    return mean() * detail::normal_cdf((mu + sigma * sigma - std::log(x.value())) / sigma);
  }

  /// Expected billed time per invocation, E[max(minimum, ceil(d/g)·g)], when each invocation is
  /// rounded up to a multiple of `granularity` (0 = exact) and billed at least `minimum` (a multiple
  /// of the granularity). Computed interval by interval: 4,096 intervals of width g above the
  /// minimum exactly, then E[d; d > x] + g/2·P(d > x) for the far tail, whose error is about
  /// g²·f(x)/12 (Euler–Maclaurin), far below a cent on any bill.
  [[nodiscard]] seconds expected_billed(seconds granularity, seconds minimum = seconds{0}) const {
    const double g = granularity.value(), m = std::max(0.0, minimum.value());
    if (sigma == 0) {
      const double d = std::exp(mu);
      return seconds{std::max(m, g > 0 ? detail::round_up_to(d, g) : d)};
    }
    if (g <= 0) return seconds{m * cdf(seconds{m}) + mean_above(seconds{m}).value()};
    const double whole = detail::round_up_to(m / g, 1.0);
    double below = cdf(seconds{whole * g});
    double billed = whole * g * below;
    double k = whole;
    for (int n = 0; n < 4096 && below < 1.0; ++n) {
      k += 1;
      const double upto = cdf(seconds{k * g});
      billed += k * g * (upto - below);
      below = upto;
    }
    if (below < 1.0) billed += mean_above(seconds{k * g}).value() + g / 2 * (1.0 - below);
    return seconds{billed};
  }
};

/// A percentile of observed durations: `percentile` in (0, 100), e.g. {50, milliseconds(120)}.
struct duration_percentile {
  double percentile = 50;
  seconds value{};
};

/// The log-normal that best fits `points` in the least-squares sense on ln(value) against the
/// normal quantile of each percentile. Points at 0 or 100 and non-positive values are skipped (a
/// log-normal has neither); at least two distinct percentiles must remain. Equal values give
/// sigma = 0. Throws runwise::error naming `path`.
///
/// ```cpp
/// const runwise::duration_percentile p[] = {{25, runwise::milliseconds(963)}, {50, runwise::milliseconds(2037)},
///                                           {75, runwise::milliseconds(4420)}, {99, runwise::milliseconds(6311)}};
/// runwise::lognormal_duration d = runwise::fit_lognormal(p);
/// ```
inline lognormal_duration fit_lognormal(std::span<const duration_percentile> points,
                                        const std::string& path = "durations") {
  double n = 0, sz = 0, sy = 0, szz = 0, szy = 0;
  for (const auto& p : points) {
    detail::check_finite(path, p.value.value());
    if (!(p.percentile > 0 && p.percentile < 100) || !(p.value.value() > 0)) continue;
    const double z = detail::normal_quantile(p.percentile / 100), y = std::log(p.value.value());
    n += 1;
    sz += z;
    sy += y;
    szz += z * z;
    szy += z * y;
  }
  const double var_z = szz - sz * sz / std::max(n, 1.0);
  if (n < 2 || !(var_z > 1e-12))
    fail_input(path, "needs at least two distinct percentiles strictly between 0 and 100 with positive durations");
  double sigma = (szy - sz * sy / n) / var_z;
  if (sigma < 1e-12) sigma = 0;  // equal values up to rounding: a fixed duration
  return {(sy - sigma * sz) / n, sigma};
}

}  // namespace runwise
