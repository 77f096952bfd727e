// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <optional>

namespace runwise {

namespace detail {
/// The Illinois variant of false position on [a, b], where fa and fb differ in sign, to a relative 1e-9.
template <class F>
double narrow(F& difference, double a, double b, double fa, double fb) {
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
}  // namespace detail

/// The scale points every break-even scan visits: 97 log-spaced points from `lo` to `hi` (the
/// same for every call, so that a caller can remember costs across pairs).
///
/// ```cpp
/// double k = runwise::scan_point(48, 1e-6, 1e6);   // 1: the middle of the scan
/// ```
inline constexpr int scan_points = 96;
inline double scan_point(int i, double lo = 1e-6, double hi = 1e6) {
  if (i <= 0) return lo;
  const double log_lo = std::log(lo), log_hi = std::log(hi);
  return std::exp(log_lo + (log_hi - log_lo) * i / scan_points);
}

/// How a break-even search ended.
enum class search_end {
  crossed,    ///< the costs cross at `scale`
  range,      ///< no crossing in the whole range, every point of which both options keep up
  limit,      ///< no crossing before one option stops keeping up, at scales above `limit`
  never_kept  ///< no point of the range at which both options keep up
};

/// What break_even_within found: the crossing, or why there is none.
struct break_even_search {
  search_end end = search_end::range;
  std::optional<double> scale;  ///< the crossing (end == crossed)
  double limit = 0;             ///< the largest scale found at which both keep up (end == limit)
  double first_failing = 0;     ///< the first scan point past `limit` (end == limit)
};

/// The smallest traffic scale k in [lo, hi] at which `difference(k)` (serverless cost minus container
/// cost at k times the workload's traffic) changes sign while `keeps_up(k)` holds (both options
/// serve their traffic on time there): a break-even only counts where both can take the traffic.
///
/// Serverless cost grows with traffic while a container fleet's is flat or grows in steps, so the
/// difference usually crosses zero once; where steps make it cross several times, the first
/// crossing is the break-even a team meets as it grows. The log-spaced scan of scan_point() finds
/// the bracket between two points that keep up; the Illinois variant of false position narrows it
/// to a relative 1e-9 — a few evaluations where the costs are linear in k, about bisection's pace
/// where a step in the container count sits on the crossing. Points that do not keep up before the
/// first that does are passed over; at the first that does not after one that does, the search
/// finds the limit between them (12 halvings of the log interval) and ends there, with the
/// crossing when the costs cross before the limit.
///
/// ```cpp
/// auto r = runwise::break_even_within([](double k) { return 2.0 * k - 10.0; },
///                                              [](double k) { return k < 3; });
/// r.end;     // search_end::limit: the crossing at 5 is past what both keep up with (3)
/// ```
template <class F, class K>
break_even_search break_even_within(F&& difference, K&& keeps_up, double lo = 1e-6, double hi = 1e6) {
  bool seen = false;  // a point that keeps up came before
  double prev_k = lo, prev = 0;
  for (int i = 0; i <= scan_points; ++i) {
    const double k = scan_point(i, lo, hi);
    if (!keeps_up(k)) {
      if (!seen) continue;
      // The limit between the last point that keeps up and this one.
      double a = prev_k, b = k;
      for (int it = 0; it < 12; ++it) {
        const double m = std::sqrt(a * b);
        (keeps_up(m) ? a : b) = m;
      }
      break_even_search r{search_end::limit, std::nullopt, a, k};
      if (a > prev_k) {
        const double d = difference(a);
        if (std::isfinite(d) && (d == 0 || (d > 0) != (prev > 0))) {
          r.end = search_end::crossed;
          r.scale = d == 0 ? a : detail::narrow(difference, prev_k, a, prev, d);
        }
      }
      return r;
    }
    const double d = difference(k);
    if (!std::isfinite(d)) return {search_end::range, std::nullopt, 0, 0};  // costs overflow: nothing beyond
    if (d == 0) return {search_end::crossed, k, 0, 0};
    if (seen && (d > 0) != (prev > 0))
      return {search_end::crossed, detail::narrow(difference, prev_k, k, prev, d), 0, 0};
    seen = true;
    prev_k = k;
    prev = d;
  }
  return {seen ? search_end::range : search_end::never_kept, std::nullopt, 0, 0};
}

/// break_even_within() where both options keep up everywhere: the crossing, or nullopt.
///
/// ```cpp
/// auto k = runwise::break_even_scale([](double k) { return 2.0 * k - 10.0; });   // 5
/// ```
template <class F>
std::optional<double> break_even_scale(F&& difference, double lo = 1e-6, double hi = 1e6) {
  return break_even_within(difference, [](double) { return true; }, lo, hi).scale;
}

/// The share of the time a function instance must be busy to cost what one always-on unit of the
/// same size costs: `always_on_usd_per_hour / function_usd_per_busy_hour`. Below it functions are
/// cheaper, above it the always-on unit (a task, a pod, an instance). Values above 1 mean the unit
/// never pays off against one function instance.
///
/// docs/pricing.md: a c6g.medium (1 vCPU, $0.034/h) against an arm64 Lambda at 1,769 MB (one vCPU's worth,
/// $0.0000133334 per GB-s): 0.034 / (1769/1024 × 0.0000133334 × 3600) = 0.41.
///
/// ```cpp
/// double d = runwise::duty_cycle_break_even(0.034, 1769.0 / 1024 * 0.0000133334 * 3600);   // 0.41
/// ```
constexpr double duty_cycle_break_even(double always_on_usd_per_hour, double function_usd_per_busy_hour) noexcept {
  return function_usd_per_busy_hour > 0 ? always_on_usd_per_hour / function_usd_per_busy_hour : 0.0;
}

}  // namespace runwise
