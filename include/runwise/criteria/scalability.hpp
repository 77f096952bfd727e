// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "concepts.hpp"

namespace runwise::criteria {

/// The article's scalability criterion: the number of containers is pre-determined by the
/// developer, while a serverless backend scales automatically to meet demand. Measured on the
/// simulated traffic: requests throttled (above a concurrency limit) or late (above a fleet's
/// capacity), and cold starts when they break the workload's latency objective.
///
/// Score: (1 − min(1, 10 × missed share)) × (0.8 for a fleet of pre-determined size, else 1), so
/// 1% of requests missed costs 0.1 and 10% costs everything; a fixed fleet that keeps up today
/// still cannot absorb growth. Pre-determined is what the capacity policy says (`usage::fixed_size`:
/// a `fixed` fleet, or min = max), not what the traffic happened to need: an autoscaler that held
/// one count under steady traffic still follows growth. A cold start misses the objective when
/// INIT + the mean duration exceeds `max_latency_ms`.
///
/// ```cpp
/// runwise::criteria::scalability::missed(option, w);   // throttled + late (+ cold starts over the objective)
/// ```
struct scalability {
  static constexpr std::string_view name = "scalability";
  /// Weight of a missed request: 10% missed scores 0.
  static constexpr double miss_penalty = 10;
  /// A fleet that does not follow demand keeps this share of the score at best.
  static constexpr double fixed_fleet_factor = 0.8;

  /// True for a fleet of pre-determined size that ran: its policy fixed the count (usage::fixed_size).
  static bool fixed_capacity(const usage& u) { return u.fixed_size && !u.runs.empty(); }

  /// Cold starts that break the latency objective (0 without one).
  static double cold_misses(const usage& u, const workload& w) {
    if (!w.needs.max_latency_ms) return 0;
    const double cold_ms = to_milliseconds(w.init) + to_milliseconds(w.duration.mean);
    return cold_ms > *w.needs.max_latency_ms ? u.cold_starts.value() : 0.0;
  }

  /// Requests throttled, late, or cold beyond the objective.
  static double missed(const option_result& o, const workload& w) {
    return o.use.throttled.value() + o.use.overloaded.value() + cold_misses(o.use, w);
  }

  static assessment assess(const criterion_input& in) {
    const option_result& o = in.option;
    const usage& u = o.use;
    const workload& w = in.subject;
    const double arrived = u.arrived.value();
    const double share = arrived > 0 ? std::min(1.0, missed(o, w) / arrived) : 0.0;
    const bool fixed = fixed_capacity(u);
    const auto percent = [&](double x) {
      const double p = arrived > 0 ? 100 * x / arrived : 0.0;
      return p > 0 && p < 0.0005 ? std::string("under 0.001%") : rounded(p, 3) + "%";
    };
    const double mean = w.traffic.mean_rate();
    const std::string peak_to_mean = mean > 0 ? rounded(w.traffic.peak_rate() / mean, 1) : std::string("1");

    std::string why = o.platform;
    if (fixed)
      why += " runs a pre-determined " + detail::format_number(u.peak_instances) +
             (u.peak_instances == 1 ? " task" : " tasks") + " for traffic whose busiest minute is " + peak_to_mean +
             "x its mean";
    else
      why += " scales with demand, up to " + rounded(u.peak_instances, u.peak_instances < 1 ? 4 : 2) +
             " instances at once (peak-to-mean " + peak_to_mean + ")";
    if (u.overloaded.value() > 0)
      why += "; " + detail::format_count(u.overloaded.value()) + " requests (" + percent(u.overloaded.value()) +
             ") wait behind its capacity";
    if (u.throttled.value() > 0)
      why += "; " + detail::format_count(u.throttled.value()) + " requests (" + percent(u.throttled.value()) +
             ") are throttled";
    if (u.overloaded.value() <= 0 && u.throttled.value() <= 0) why += "; every request is served on time";
    if (u.cold_starts.value() > 0) {
      why +=
          "; " + detail::format_count(u.cold_starts.value()) + " cold starts (" + percent(u.cold_starts.value()) + ")";
      if (cold_misses(u, w) > 0)
        why += " exceed the " + detail::format_number(*w.needs.max_latency_ms) + " ms objective (" +
               rounded(to_milliseconds(w.init), 0) + " ms INIT + " + rounded(to_milliseconds(w.duration.mean), 0) +
               " ms)";
    }
    if (fixed) why += "; it will not grow if traffic does";
    const double score = std::max(0.0, 1.0 - miss_penalty * share) * (fixed ? fixed_fleet_factor : 1.0);
    return {score, why};
  }
};

}  // namespace runwise::criteria
