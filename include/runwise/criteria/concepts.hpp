// SPDX-License-Identifier: MIT
#pragma once

// The article's criteria as policy types: each maps one option (its platform's traits, the usage the
// capacity policy measured, the bill) of one workload to a score in [0, 1] and the sentence that
// explains it. Formulas and the article's claims they implement: docs/criteria.md.

#include <algorithm>
#include <cmath>
#include <concepts>
#include <span>
#include <string>
#include <string_view>

#include "../core/assumptions.hpp"
#include "../core/detail/format.hpp"
#include "../core/result.hpp"
#include "../workload/workload.hpp"

namespace runwise::criteria {

/// What a criterion sees: the workload, the option it scores, every option of the evaluation (to
/// normalise against the best, e.g. the cheapest), the effort assumptions and the horizon.
///
/// ```cpp
/// const runwise::criteria::assumptions a;
/// runwise::criteria::criterion_input in{w, options[0], options, a, w.traffic.horizon()};
/// runwise::criteria::cost::assess(in).score;
/// ```
struct criterion_input {
  const workload& subject;
  const option_result& option;
  std::span<const option_result> field;
  const assumptions& assume;
  seconds horizon{};

  /// Months in the horizon (a month is 730 hours).
  [[nodiscard]] double months() const noexcept { return to_hours(horizon) / 730.0; }
};

/// A criterion's verdict on one option: a score (1 best) and the evidence sentence behind it.
///
/// ```cpp
/// runwise::criteria::assessment a{0.5, "aws_lambda's runtime can only be emulated locally"};
/// ```
struct assessment {
  double score = 0;
  std::string evidence;
};

/// A criterion has a `name` (its key in `weights` and in the JSON `scores`) and scores one option.
///
/// ```cpp
/// struct latency {
///   static constexpr std::string_view name = "latency";
///   static runwise::criteria::assessment assess(const runwise::criteria::criterion_input& in) {
///     return {in.option.use.cold_start_rate() < 0.01 ? 1.0 : 0.5, "cold starts are rare"};
///   }
/// };
/// static_assert(runwise::criteria::criterion<latency>);
/// ```
template <class C>
concept criterion = requires(const criterion_input& in) {
  { C::name } -> std::convertible_to<std::string_view>;
  { C::assess(in) } -> std::same_as<assessment>;
};

/// Share of an option's requests served on time: neither throttled, nor late, nor left unserved.
///
/// ```cpp
/// double share = runwise::criteria::on_time_share(option);   // 1 when nothing was dropped or late
/// ```
inline double on_time_share(const option_result& o) {
  const double arrived = o.use.arrived.value();
  if (arrived <= 0) return 1.0;
  const double missed = o.use.throttled.value() + o.use.overloaded.value();
  return std::clamp(1.0 - missed / arrived, 0.0, 1.0);
}

/// The adequacy rule: an option that drops or delays more than 0.1% of the requests cannot win on
/// cost; decisions rank such options after those that keep up.
inline constexpr double adequate_share = 0.999;

/// Feasible and serving at least 99.9% of the requests on time.
///
/// ```cpp
/// if (!runwise::criteria::adequate(option)) { /* ranked after the options that keep up */ }
/// ```
inline bool adequate(const option_result& o) { return o.feasible && on_time_share(o) >= adequate_share; }

/// The best (smallest) positive-or-zero value of `measure` over the options that count for
/// normalisation: feasible and adequate ones, or every feasible one when none is adequate.
/// Returns a negative number when no option is feasible.
///
/// ```cpp
/// double cheapest = runwise::criteria::best_of_field(options, [](const auto& o) { return o.cost.total().value(); });
/// ```
template <class Measure>
double best_of_field(std::span<const option_result> field, Measure&& measure) {
  const bool any_adequate = std::any_of(field.begin(), field.end(), [](const auto& o) { return adequate(o); });
  double best = -1;
  for (const auto& o : field)
    if (o.feasible && (adequate(o) || !any_adequate)) {
      const double x = measure(o);
      if (best < 0 || x < best) best = x;
    }
  return best;
}

/// `best / x`, the usual benefit normalisation of a "less is better" figure, in [0, 1].
///
/// ```cpp
/// runwise::criteria::ratio_to_best(2, 8);   // 0.25
/// ```
inline double ratio_to_best(double best, double x) noexcept {
  if (x <= 0) return 1.0;
  return std::clamp(best / x, 0.0, 1.0);
}

/// `x` rounded to `decimals` places for an evidence sentence: rounded(3.14159) == "3.14".
inline std::string rounded(double x, int decimals = 2) {
  const double scale = std::pow(10.0, decimals);
  return detail::format_number(std::round(x * scale) / scale);
}

}  // namespace runwise::criteria
