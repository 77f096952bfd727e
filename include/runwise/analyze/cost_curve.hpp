// SPDX-License-Identifier: MIT
#pragma once

// Cost curves: each option's monthly cost as the workload's traffic grows or shrinks with its shape
// kept — what the cost chart draws and where break-even points sit.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "../criteria/concepts.hpp"
#include "../evaluate/registry.hpp"
#include "../workload/workload.hpp"

namespace runwise::analyze {

/// One point of a cost curve: monthly requests and the option's monthly cost at them.
struct cost_point {
  double requests_per_month = 0;
  double usd_per_month = 0;
  /// Whether the option serves this traffic on time (criteria::adequate: at most 0.1% of the
  /// requests throttled or late). Where it does not, its cost is that of a capped fleet or of
  /// throttled requests: not what the traffic would cost, and a chart shows it apart.
  bool keeps_up = true;
};

/// One option's monthly cost over a range of monthly request counts. Points where the option
/// cannot run the scaled workload are left out; points where it cannot keep up are kept, marked.
struct cost_curve {
  std::string platform;
  platform_kind kind = platform_kind::serverless;
  std::vector<cost_point> points;
};

/// The monthly cost of each of `chosen` when `w`'s traffic is scaled (same shape) to `points`
/// log-spaced monthly request counts from `lo` to `hi` times today's. A month is 730 h: costs over
/// the horizon are divided by horizon / 730 h. Returns no points for a workload without traffic.
///
/// ```cpp
/// auto curves = runwise::analyze::cost_curves(w, platforms, 1e-2, 1e2, 41);
/// curves[0].points.front().usd_per_month;
/// ```
inline std::vector<cost_curve> cost_curves(const workload& w, const std::vector<selected_platform>& chosen,
                                           double lo = 1e-2, double hi = 1e2, std::size_t points = 41) {
  w.validate();
  std::vector<cost_curve> out;
  for (const auto& p : chosen) out.push_back({p.id, p.kind, {}});
  const double months = to_hours(w.traffic.horizon()) / 730.0;
  const double per_month = months > 0 ? w.traffic.total().value() / months : 0;
  if (!(per_month > 0) || points < 2 || !(lo > 0) || !(hi > lo)) return out;
  for (std::size_t i = 0; i < points; ++i) {
    const double k = std::exp(std::log(lo) +
                              (std::log(hi) - std::log(lo)) * static_cast<double>(i) / static_cast<double>(points - 1));
    workload scaled = w;
    scaled.traffic = w.traffic.scaled(k);
    for (std::size_t j = 0; j < chosen.size(); ++j) {
      const option_result r = chosen[j].run(scaled);
      if (r.feasible)
        out[j].points.push_back({k * per_month, r.cost.total().value() / months, criteria::adequate(r)});
    }
  }
  return out;
}

/// A curve's cost at `requests_per_month`, interpolated linearly in log-log space between its
/// points (clamped to its ends); 0 for a curve without points.
///
/// ```cpp
/// double usd = runwise::analyze::cost_at(curves[0], 4.5e6);
/// ```
inline double cost_at(const cost_curve& c, double requests_per_month) {
  if (c.points.empty()) return 0;
  if (requests_per_month <= c.points.front().requests_per_month) return c.points.front().usd_per_month;
  for (std::size_t i = 1; i < c.points.size(); ++i) {
    const cost_point& a = c.points[i - 1];
    const cost_point& b = c.points[i];
    if (requests_per_month > b.requests_per_month) continue;
    if (!(a.usd_per_month > 0 && b.usd_per_month > 0))
      return a.usd_per_month + (b.usd_per_month - a.usd_per_month) * (requests_per_month - a.requests_per_month) /
                                   (b.requests_per_month - a.requests_per_month);
    const double t =
        std::log(requests_per_month / a.requests_per_month) / std::log(b.requests_per_month / a.requests_per_month);
    return std::exp(std::log(a.usd_per_month) + t * std::log(b.usd_per_month / a.usd_per_month));
  }
  return c.points.back().usd_per_month;
}

}  // namespace runwise::analyze
