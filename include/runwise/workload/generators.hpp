// SPDX-License-Identifier: MIT
#pragma once

// Traffic generators: a mean rate and a shape make a traffic_series. Every shape is renormalised
// so that the series holds exactly mean_rate × horizon requests (before optional Poisson noise):
// changing the shape never changes the bill of a purely per-request platform.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <string_view>
#include <vector>

#include "../core/detail/check.hpp"
#include "../core/detail/random.hpp"
#include "traffic.hpp"

namespace runwise {

/// The shapes of the CLI's `workload.traffic.pattern`.
enum class traffic_pattern {
  constant,        ///< the same rate every step
  diurnal,         ///< one smooth daily wave, peak at 13:00, trough at 01:00
  business_hours,  ///< Monday–Friday 09:00–17:00 at the peak, a lower floor otherwise (t = 0 is Monday 00:00)
  spiky,           ///< a low baseline with 10-minute bursts at seeded random times, ~2% of the time
};

inline constexpr std::string_view to_string(traffic_pattern p) noexcept {
  switch (p) {
    case traffic_pattern::constant:
      return "constant";
    case traffic_pattern::diurnal:
      return "diurnal";
    case traffic_pattern::business_hours:
      return "business_hours";
    case traffic_pattern::spiky:
      return "spiky";
  }
  return "constant";
}

/// How a generated series looks. `peak_to_mean` = 0 takes the pattern's default
/// (diurnal 2, business_hours 3, spiky 10).
struct traffic_shape {
  traffic_pattern pattern = traffic_pattern::constant;
  double peak_to_mean = 0;
  bool poisson_noise = false;  ///< replace each count by a Poisson draw with that mean
  std::uint64_t seed = 1;      ///< for spiky burst times and Poisson noise

  [[nodiscard]] double effective_peak_to_mean() const noexcept {
    if (peak_to_mean > 0) return peak_to_mean;
    switch (pattern) {
      case traffic_pattern::diurnal:
        return 2.0;
      case traffic_pattern::business_hours:
        return 3.0;
      case traffic_pattern::spiky:
        return 10.0;
      case traffic_pattern::constant:
        return 1.0;
    }
    return 1.0;
  }
};

namespace detail {

inline double diurnal_weight(double t_seconds, double peak_to_mean, double power) {
  constexpr double day = 86400.0, peak_at = 13.0 * 3600.0;
  const double c = std::cos(2.0 * std::numbers::pi * (t_seconds - peak_at) / day);
  if (peak_to_mean <= 2.0) return 1.0 + (peak_to_mean - 1.0) * c;
  return std::pow((1.0 + c) / 2.0, power);
}

/// For a peak-to-mean ratio r > 2 the daily wave is ((1 + cos)/2)^k, whose peak-to-mean ratio is
/// sqrt(pi)·Γ(k+1)/Γ(k+1/2), increasing in k; solved by bisection.
inline double diurnal_power(double r) {
  auto ratio = [](double k) {
    return std::exp(0.5 * std::log(std::numbers::pi) + std::lgamma(k + 1) - std::lgamma(k + 0.5));
  };
  double lo = 1.0, hi = 1.0;
  while (ratio(hi) < r && hi < 1e9) hi *= 2;
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (ratio(mid) < r ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

inline bool in_business_hours(double t_seconds) {
  constexpr double day = 86400.0;
  const auto day_index = static_cast<std::int64_t>(std::floor(t_seconds / day));
  const double hour = (t_seconds - static_cast<double>(day_index) * day) / 3600.0;
  return day_index % 7 < 5 && hour >= 9.0 && hour < 17.0;
}

/// Two levels: `high` on marked steps, a floor elsewhere, such that high / mean = r.
inline void two_level(std::vector<double>& w, const std::vector<char>& high, double r, const std::string& path) {
  double n = static_cast<double>(w.size()), m = 0;
  for (char h : high) m += h ? 1 : 0;
  if (m == 0 || m == n) {
    for (double& x : w) x = 1.0;
    return;
  }
  if (r * m > n * (1 + 1e-12))
    fail_input(path, "must be at most " + format_number(n / m) + " for this pattern over this horizon, got " +
                         format_number(r));
  const double floor_level = std::max(0.0, (n - r * m) / (n - m));
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = high[i] ? r : floor_level;
}

/// make_traffic()'s body: a non-inline function template (of nothing), so that the separately
/// compiled mode (<runwise/compiled.hpp>) can declare its one instantiation extern.
template <class = void>
traffic_series generate_traffic(double mean_rate_per_s, seconds horizon, seconds step, const traffic_shape& shape,
                                const std::string& path) {
  detail::check_range(path + ".requests_per_second", mean_rate_per_s, 0, 1e9);
  detail::check_range(path + ".step_s", step.value(), 1, 86'400, " s");
  detail::check_positive("horizon_hours", to_hours(horizon));
  const double steps = horizon / step;
  const double n_steps = std::round(steps);
  if (std::fabs(steps - n_steps) > 1e-9 * steps || n_steps < 1)
    fail_input("horizon_hours", "must be a whole number of " + detail::format_number(step.value()) + " s steps, got " +
                                    detail::format_number(to_hours(horizon)) + " h");
  if (n_steps > traffic_series::max_steps)
    fail_input("horizon_hours", "makes " + detail::format_number(n_steps) + " steps of " +
                                    detail::format_number(step.value()) +
                                    " s; at most 1e7 are allowed (use a longer step)");
  const auto n = static_cast<std::size_t>(n_steps);
  const double r = shape.effective_peak_to_mean();
  detail::check_range(path + ".peak_to_mean", r, 1.0, 1e6);

  std::vector<double> w(n, 1.0);
  detail::splitmix64 rng(shape.seed);
  switch (shape.pattern) {
    case traffic_pattern::constant:
      break;
    case traffic_pattern::diurnal: {
      const double k = r > 2.0 ? detail::diurnal_power(r) : 1.0;
      for (std::size_t i = 0; i < n; ++i)
        w[i] = detail::diurnal_weight((static_cast<double>(i) + 0.5) * step.value(), r, k);
      break;
    }
    case traffic_pattern::business_hours: {
      std::vector<char> high(n);
      for (std::size_t i = 0; i < n; ++i)
        high[i] = detail::in_business_hours((static_cast<double>(i) + 0.5) * step.value());
      detail::two_level(w, high, r, path + ".peak_to_mean");
      break;
    }
    case traffic_pattern::spiky: {
      // Bursts of 10 minutes in distinct slots chosen by a seeded partial Fisher–Yates shuffle,
      // covering about 2% of the horizon and never more than the ratio allows.
      const auto burst = static_cast<std::size_t>(std::max(1.0, std::round(600.0 / step.value())));
      std::size_t slots = n / burst;
      std::size_t bursts = static_cast<std::size_t>(
          std::max(1.0, std::round(0.02 * static_cast<double>(n) / static_cast<double>(burst))));
      while (bursts > 0 && r * static_cast<double>(bursts * burst) > static_cast<double>(n) * (1 + 1e-12)) --bursts;
      bursts = std::min(bursts, slots);
      std::vector<std::size_t> order(slots);
      for (std::size_t i = 0; i < slots; ++i) order[i] = i;
      std::vector<char> high(n, 0);
      for (std::size_t b = 0; b < bursts; ++b) {
        std::swap(order[b], order[b + rng.below(slots - b)]);
        for (std::size_t j = 0; j < burst; ++j) high[order[b] * burst + j] = 1;
      }
      detail::two_level(w, high, r, path + ".peak_to_mean");
      break;
    }
  }
  double sum = 0;
  for (double x : w) sum += x;
  const double per_weight = mean_rate_per_s * horizon.value() / sum;
  for (double& x : w) x = std::max(0.0, x * per_weight);
  if (shape.poisson_noise)
    for (double& x : w) x = detail::poisson(rng, x);
  return traffic_series{step, std::move(w), path, shape.poisson_noise};
}
}  // namespace detail

/// A series of `horizon / step` steps with mean rate `mean_rate_per_s` shaped by `shape`.
/// Throws runwise::error (naming `path`) for a negative rate, a horizon that is not a whole number of
/// steps, or a peak-to-mean ratio the pattern cannot reach.
///
/// ```cpp
/// auto t = runwise::make_traffic(2.0, runwise::hours(730), runwise::seconds{60},
///                                {.pattern = runwise::traffic_pattern::diurnal, .peak_to_mean = 3});
/// ```
inline traffic_series make_traffic(double mean_rate_per_s, seconds horizon, seconds step,
                                   const traffic_shape& shape = {}, const std::string& path = "traffic") {
  return detail::generate_traffic(mean_rate_per_s, horizon, step, shape, path);
}

}  // namespace runwise
