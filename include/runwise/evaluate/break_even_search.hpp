// SPDX-License-Identifier: MIT
#pragma once

// The break-even search of an evaluation: where a serverless and a container option cost the same,
// counted only at traffic both keep up with, and in words why there is none when there is none.

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "../core/detail/format.hpp"
#include "../core/result.hpp"
#include "../criteria/concepts.hpp"
#include "../workload/workload.hpp"
#include "break_even.hpp"

namespace runwise {

namespace detail {

/// What the break-even search remembers of one option at one traffic scale.
struct scaled_outcome {
  double scale = 0;
  double usd = 0;         ///< total cost over the horizon
  bool keeps_up = false;  ///< criteria::adequate: 99.9% of the requests on time
  double arrived = 0, throttled = 0, overloaded = 0, peak_instances = 0;
  double busy_share = 0;  ///< 1 - idle_capacity_share
};

inline scaled_outcome outcome_of(double k, const option_result& o) {
  return {k,
          o.feasible ? o.cost.total().value() : HUGE_VAL,
          criteria::adequate(o),
          o.use.arrived.value(),
          o.use.throttled.value(),
          o.use.overloaded.value(),
          o.use.peak_instances,
          o.feasible ? 1 - o.use.idle_capacity_share : 0.0};
}

/// A scale as a factor of today's traffic: 1e-06 → "1e-6x", 1 → "1x", 2.5e3 → "2,500x".
inline std::string scale_label(double k) {
  if (k >= 1 && k < 1e6) return format_count(k) + "x";
  const int e = static_cast<int>(std::lround(std::log10(k)));
  if (std::fabs(std::log10(k) - e) < 1e-9) return "1e" + std::to_string(e) + "x";
  return criteria::rounded(k, 6) + "x";
}

/// Why `o` does not keep up at the scale of `at`: "requests wait behind its 10 tasks at once" or
/// "its limit of 1,000 instances at once throttles requests".
inline std::string why_not_kept(const option_result& o, const scaled_outcome& at) {
  const std::string most =
      format_count(at.peak_instances) + (o.kind == platform_kind::containers ? " tasks" : " instances") + " at once";
  if (at.throttled >= at.overloaded) return "its limit of " + most + " throttles requests";
  return "requests wait behind its " + most;
}

/// The cost of a million requests at the scale of `at`.
inline double per_million(const scaled_outcome& at) { return at.arrived > 0 ? at.usd / at.arrived * 1e6 : 0.0; }

/// The sentence behind a break-even point that the search did not find (see break_even_point::reason).
template <class Outcome>
std::string no_break_even_reason(const break_even_search& r, const option_result& s, const option_result& c,
                                 double per_month, const workload& w, Outcome&& outcome, double lo, double hi) {
  const auto cheaper_at = [&](double k) {
    return outcome(s, k).usd <= outcome(c, k).usd ? std::pair{&s, &c} : std::pair{&c, &s};
  };
  const auto busy = [&](const scaled_outcome& at) {
    const double mean = w.traffic.mean_rate();
    const double peak_to_mean = mean > 0 ? w.traffic.peak_rate() / mean : 1.0;
    return c.platform + "'s tasks busy " + criteria::rounded(100 * at.busy_share, 0) +
           "% of the time they are billed (traffic peaks at " + criteria::rounded(peak_to_mean, 1) + "x its mean; " +
           format_number(w.concurrency_per_instance) +
           (w.concurrency_per_instance == 1 ? " request" : " requests") + " per task at a time)";
  };
  switch (r.end) {
    case search_end::never_kept: {
      const scaled_outcome a = outcome(s, lo), b = outcome(c, lo);
      const option_result& failing = !a.keeps_up ? s : c;
      return failing.platform + " keeps up at no scale from " + scale_label(lo) + " to " + scale_label(hi) +
             " today's traffic (" + why_not_kept(failing, !a.keeps_up ? a : b) + ")";
    }
    case search_end::limit: {
      const scaled_outcome fs = outcome(s, r.first_failing), fc = outcome(c, r.first_failing);
      const option_result& failing = !fs.keeps_up ? s : c;
      const auto [low, high] = cheaper_at(r.limit);
      return failing.platform + " keeps up only to " + format_count(r.limit * per_month) + " requests a month (" +
             scale_label(r.limit) + " today's; above, " + why_not_kept(failing, !fs.keeps_up ? fs : fc) + "); " +
             low->platform + " costs less up to there";
    }
    case search_end::range:
    case search_end::crossed:
      break;
  }
  const scaled_outcome ts = outcome(s, hi), tc = outcome(c, hi);
  const auto [low, high] = cheaper_at(hi);
  const scaled_outcome& tl = low == &s ? ts : tc;
  const scaled_outcome& th = low == &s ? tc : ts;
  return high->platform + " costs more at every scale from " + scale_label(lo) + " to " + scale_label(hi) +
         " today's traffic: at " + scale_label(hi) + ", " + format_usd(per_million(th)) + " against " +
         format_usd(per_million(tl)) + " per million requests, with " + busy(tc);
}

}  // namespace detail

/// The break-even points of `options` (each feasible serverless option against each feasible
/// container option): the monthly requests at which they cost the same, where both keep up
/// (criteria::adequate), found on the traffic of `w` scaled from 1e-6x to 1e6x; otherwise the
/// reason why not. `outcome(i, k)` is option i's detail::scaled_outcome at k times today's
/// traffic (remembered by the caller: every pair scans the same scales), `index_of(id)` the index
/// i of a platform id, `duty_cycle(s, c)` the pair's duty cycle (measured_duty_cycle).
///
/// ```cpp
/// auto points = runwise::find_break_evens(e.options, w, outcome, index_of, &runwise::measured_duty_cycle);
/// ```
template <class Outcome, class IndexOf, class DutyCycle>
std::vector<break_even_point> find_break_evens(const std::vector<option_result>& options, const workload& w,
                                               Outcome&& outcome, IndexOf&& index_of, DutyCycle&& duty_cycle) {
  constexpr double lo = 1e-6, hi = 1e6;
  const double months = to_hours(w.traffic.horizon()) / 730.0;
  const double per_month = months > 0 ? w.traffic.total().value() / months : 0;
  std::vector<break_even_point> out;
  const auto at = [&](const option_result& o, double k) { return outcome(index_of(o.platform), k); };
  for (const auto& s : options) {
    if (!s.feasible || s.kind != platform_kind::serverless) continue;
    for (const auto& c : options) {
      if (!c.feasible || c.kind != platform_kind::containers) continue;
      break_even_point p{s.platform, c.platform, std::nullopt, duty_cycle(s, c), {}, std::nullopt};
      if (per_month > 0) {
        const auto r = break_even_within([&](double k) { return at(s, k).usd - at(c, k).usd; },
                                                  [&](double k) { return at(s, k).keeps_up && at(c, k).keeps_up; },
                                                  lo, hi);
        if (r.scale)
          p.requests_per_month = *r.scale * per_month;
        else
          p.reason = detail::no_break_even_reason(r, s, c, per_month, w, at, lo, hi);
        if (r.end == search_end::limit) p.limit_requests_per_month = r.limit * per_month;
      }
      out.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace runwise
