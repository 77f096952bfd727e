// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "../core/detail/format.hpp"
#include "../core/error.hpp"
#include "../core/result.hpp"
#include "adequacy.hpp"

namespace runwise::decide {

using criteria::on_time_share;

/// Ranks feasible options by total cost, and says so in its reasons — but an option that is cheap
/// because it is too small is no answer: options that serve less than 99.9% of the requests on time
/// rank after those that do, and the reasons name what they dropped or delayed. Kept for callers who want cost
/// alone (`evaluator<..., decide::cheapest>`); the default is decide::weighted_sum.
///
/// Score: (cheapest adequate total / its total) × its on-time share, in [0, 1]. Throws
/// runwise::error(errc::infeasible) when no option is feasible.
struct cheapest {
  static constexpr double adequate_share = criteria::adequate_share;

  static recommendation decide(std::vector<option_result>& options, const decision_context& ctx) {
    auto adequate = [](const option_result& o) { return o.feasible && on_time_share(o) >= adequate_share; };
    double best = -1;
    for (const auto& o : options)
      if (o.feasible && (best < 0 || o.cost.total().value() < best) &&
          (adequate(o) || std::none_of(options.begin(), options.end(), adequate)))
        best = o.cost.total().value();
    if (best < 0) {
      std::string why;
      for (const auto& o : options)
        for (const auto& r : o.infeasible_reasons) why += (why.empty() ? "" : "; ") + o.platform + ": " + r;
      throw error(errc::infeasible, "platforms", "no selected platform can run this workload (" + why + ")");
    }
    for (auto& o : options) {
      const double total = o.cost.total().value();
      const double cost_score = !o.feasible ? 0.0 : total > 0 ? std::min(1.0, best / total) : 1.0;
      o.scores = {{"cost", cost_score}};
      o.score = cost_score * on_time_share(o);
    }
    std::stable_sort(options.begin(), options.end(), [&](const option_result& a, const option_result& b) {
      if (a.feasible != b.feasible) return a.feasible;
      if (adequate(a) != adequate(b)) return adequate(a);
      return a.score > b.score;
    });

    const option_result& win = options.front();
    recommendation r{win.kind == platform_kind::serverless ? choice::serverless : choice::containers, win.platform, {}};
    if (!ctx.explain) return r;
    std::string ranking = "ranked by cost alone (decide::cheapest): " + win.platform + " costs " +
                          detail::format_usd(win.cost.total().value()) + " over " +
                          detail::format_number(to_hours(ctx.horizon)) + " h";
    for (std::size_t i = 1; i < options.size() && options[i].feasible; ++i) {
      const double total = options[i].cost.total().value();
      ranking += ", " + options[i].platform + " " + detail::format_usd(total);
      if (best > 0) ranking += " (" + detail::format_number(std::round(total / best * 100) / 100) + "x)";
    }
    r.reasons.push_back(ranking);
    for (auto& why : adequacy_reasons(options)) r.reasons.push_back(std::move(why));
    for (auto& why : ruled_out_reasons(options)) r.reasons.push_back(std::move(why));
    return r;
  }
};

}  // namespace runwise::decide
