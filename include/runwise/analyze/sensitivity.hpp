// SPDX-License-Identifier: MIT
#pragma once

// Which input flips the verdict, and by how much: a ±x% sweep of each input of one workload
// (traffic, mean duration, memory, each platform's prices), ranked most decisive first.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "../core/detail/check.hpp"
#include "../decide/concepts.hpp"
#include "../decide/weighted_sum.hpp"
#include "scenario.hpp"

namespace runwise::analyze {

/// How wide and how fine the sweep is.
struct sensitivity_options {
  double change = 0.25;     ///< the sweep covers factors 1 − change to 1 + change of each input
  int scan_points = 8;      ///< evaluations per side before bisection (finds the first flip on this grid)
  double tolerance = 1e-4;  ///< bisection stops when the flip is bracketed this tightly (as a relative change)

  void validate(const std::string& path = "sensitivity") const {
    runwise::detail::check_range(path + ".change", change, 1e-3, 0.99);
    runwise::detail::check_range(path + ".scan_points", scan_points, 1, 1000);
    runwise::detail::check_range(path + ".tolerance", tolerance, 1e-9, 0.1);
  }
};

/// One option's total cost at the two ends of an input's sweep (nullopt where it is infeasible).
struct cost_swing {
  std::string platform;
  std::optional<double> low_usd, high_usd;
  /// high − low, 0 when either end is infeasible.
  [[nodiscard]] double swing() const { return low_usd && high_usd ? *high_usd - *low_usd : 0.0; }
};

/// What sweeping one input did to the verdict and the costs.
struct sensitivity_row {
  std::string input;               ///< "traffic", "duration_ms", "memory_mb" or "prices.<platform id>"
  double change = 0;               ///< the sweep's half-width, e.g. 0.25 for ±25%
  std::string verdict_low;         ///< platform recommended at −change ("" when none can run it)
  std::string verdict_high;        ///< platform recommended at +change
  std::optional<double> flips_at;  ///< smallest signed relative change that changes the verdict
  std::string flips_to;            ///< the platform recommended just past `flips_at`
  std::vector<cost_swing> costs;   ///< per option, in selection order
  /// The largest |high − low| among the options: the ranking's second key.
  [[nodiscard]] double largest_swing() const {
    double m = 0;
    for (const auto& c : costs) m = std::max(m, std::fabs(c.swing()));
    return m;
  }
};

/// The sweep of every input, most decisive first: inputs that flip the verdict, by how small a change
/// does it; then the others by their largest cost swing.
struct sensitivity_report {
  std::string verdict;  ///< the platform recommended with every input at its expected value
  double change = 0;
  std::vector<sensitivity_row> rows;
};

}  // namespace runwise::analyze

namespace runwise::detail {
/// The scenario with input `which` (0 traffic, 1 duration, 2 memory, 3 + i prices of platform i) at
/// `factor` times its base value.
inline analyze::scenario scaled_input(const workload& w, std::size_t platforms, std::size_t which, double factor) {
  analyze::scenario s;
  s.price_factors.assign(platforms, 1.0);
  if (which == 0) s.traffic = factor;
  if (which == 1) s.duration_s = w.duration.mean.value() * factor;
  if (which == 2) s.memory_mb = w.memory.value() * factor;
  if (which >= 3) s.price_factors[which - 3] = factor;
  return s;
}
}  // namespace runwise::detail

namespace runwise::analyze {

/// Sweeps each input of `w` over ±`opt.change` and reports how the recommendation (decision policy
/// `D`) and each option's cost respond. On each side, `opt.scan_points` evenly spaced changes find
/// the first that flips the verdict; bisection between it and the previous point narrows the flip to
/// `opt.tolerance`. (A verdict that flips and flips back between two grid points is missed; raise
/// scan_points to look closer.) Each evaluation is a scenario_runner run: no break-even search.
///
/// ```cpp
/// auto report = runwise::analyze::sensitivity(w, platforms, {}, {.change = 0.5});
/// report.rows.front().input;      // the most decisive input, e.g. "traffic"
/// report.rows.front().flips_at;   // e.g. -0.31: 31% less traffic changes the verdict
/// ```
template <decision_policy D = decide::weighted_sum>
sensitivity_report sensitivity(const workload& w, const std::vector<selected_platform>& platforms,
                               const preferences& prefs = {}, const sensitivity_options& opt = {}) {
  opt.validate();
  scenario_runner<D> runner(w, platforms, prefs);
  sensitivity_report out;
  out.change = opt.change;
  out.verdict = runner.run(detail::scaled_input(w, platforms.size(), 0, 1.0)).advice.platform;

  auto verdict_at = [&](std::size_t which, double change) {
    return runner.run(detail::scaled_input(w, platforms.size(), which, 1.0 + change)).advice.platform;
  };
  const std::size_t inputs = 3 + platforms.size();
  for (std::size_t which = 0; which < inputs; ++which) {
    sensitivity_row row;
    row.input = which == 0   ? "traffic"
                : which == 1 ? "duration_ms"
                : which == 2 ? "memory_mb"
                             : "prices." + platforms[which - 3].id;
    row.change = opt.change;
    for (const auto& p : platforms) row.costs.push_back({p.id, std::nullopt, std::nullopt});
    for (int side : {-1, 1}) {
      std::optional<double> flip;
      std::string to;
      const double h = opt.change / opt.scan_points;
      for (int j = 1; j <= opt.scan_points; ++j) {
        const double change = side * h * j;
        const evaluation& e = runner.run(detail::scaled_input(w, platforms.size(), which, 1.0 + change));
        if (j == opt.scan_points) {
          (side < 0 ? row.verdict_low : row.verdict_high) = e.advice.platform;
          for (const auto& o : e.options)
            for (auto& c : row.costs)
              if (c.platform == o.platform && o.feasible) (side < 0 ? c.low_usd : c.high_usd) = o.cost.total().value();
        }
        if (!flip && e.advice.platform != out.verdict) {
          double kept = h * (j - 1), flipped = h * j;  // magnitudes: verdict kept at one, changed at the other
          to = e.advice.platform;
          while (flipped - kept > opt.tolerance) {
            const double mid = 0.5 * (kept + flipped);
            const std::string v = verdict_at(which, side * mid);
            if (v == out.verdict) {
              kept = mid;
            } else {
              flipped = mid;
              to = v;
            }
          }
          flip = side * flipped;
        }
      }
      if (flip && (!row.flips_at || std::fabs(*flip) < std::fabs(*row.flips_at))) {
        row.flips_at = flip;
        row.flips_to = to;
      }
    }
    out.rows.push_back(std::move(row));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const sensitivity_row& a, const sensitivity_row& b) {
    if (a.flips_at.has_value() != b.flips_at.has_value()) return a.flips_at.has_value();
    if (a.flips_at) return std::fabs(*a.flips_at) < std::fabs(*b.flips_at);
    return a.largest_swing() > b.largest_swing();
  });
  return out;
}

}  // namespace runwise::analyze
