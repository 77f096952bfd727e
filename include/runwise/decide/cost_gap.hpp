// SPDX-License-Identifier: MIT
#pragma once

// What a recommendation costs beyond the cheapest option that would also do: a decision on several
// criteria may prefer a dearer option, and its reasons must say by how much (issue 15).

#include <optional>
#include <string>
#include <vector>

#include "../core/detail/format.hpp"
#include "../core/result.hpp"
#include "../criteria/concepts.hpp"

namespace runwise::decide {

/// An option's total per month of 730 hours (its usage's horizon; the total itself when that is 0).
///
/// ```cpp
/// double m = runwise::decide::monthly_cost(option);   // $45.05 over 730 h → 45.05
/// ```
inline double monthly_cost(const option_result& o) {
  const double months = to_hours(o.use.horizon) / 730.0;
  return months > 0 ? o.cost.total().value() / months : o.cost.total().value();
}

/// "$1.65 a month more than gcp_cloud_run" when `a` costs more than `b` by at least half a cent
/// a month, else empty.
inline std::string costs_more_than(const option_result& a, const option_result& b) {
  const double more = monthly_cost(a) - monthly_cost(b);
  if (more < 0.005) return {};
  return detail::format_usd(more) + " a month more than " + b.platform;
}

/// The reason that says what the recommendation `win` costs beyond the feasible options that keep
/// up (criteria::adequate) for less: the cheapest of them and, when it differs and is also cheaper,
/// `rival` (the option the verdict compares with). nullopt when no option that keeps up is cheaper,
/// or when `win` itself does not keep up.
///
/// ```cpp
/// auto why = runwise::decide::cost_premium(e.options.front(), e.options, nullptr);
/// // "cost: azure_functions costs $1.65 a month more than gcp_cloud_run, the cheapest option that keeps up
/// //  ($24.60 against $22.95 a month)"
/// ```
inline std::optional<std::string> cost_premium(const option_result& win, const std::vector<option_result>& options,
                                               const option_result* rival) {
  if (!criteria::adequate(win)) return std::nullopt;
  const option_result* cheapest = nullptr;
  for (const auto& o : options)
    if (&o != &win && criteria::adequate(o) && (!cheapest || monthly_cost(o) < monthly_cost(*cheapest))) cheapest = &o;
  if (!cheapest) return std::nullopt;
  const std::string gap = costs_more_than(win, *cheapest);
  if (gap.empty()) return std::nullopt;
  std::string s = "cost: " + win.platform + " costs " + gap + ", the cheapest option that keeps up (" +
                  detail::format_usd(monthly_cost(win)) + " against " + detail::format_usd(monthly_cost(*cheapest)) +
                  " a month)";
  if (rival && rival != cheapest && criteria::adequate(*rival)) {
    const std::string to_rival = costs_more_than(win, *rival);
    if (!to_rival.empty()) s += ", and " + to_rival;
  }
  return s;
}

}  // namespace runwise::decide
