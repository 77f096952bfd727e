// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "../detail/format.hpp"
#include "../error.hpp"
#include "../evaluate/result.hpp"

namespace runwise::decide {

/// Ranks feasible options by total cost alone, and says so in its reasons; it also names every
/// option that served requests late or throttled them, which cost alone cannot weigh. The default
/// decision policy until the article's six criteria are modelled.
///
/// Score of an option: cheapest total / its total (1 for the cheapest; 1 for every option when all
/// are free). Throws runwise::error naming `platforms` when no option is feasible.
struct cheapest {
  static recommendation decide(std::vector<option_result>& options, const decision_context& ctx) {
    double best = -1;
    for (const auto& o : options)
      if (o.feasible && (best < 0 || o.cost.total().value() < best)) best = o.cost.total().value();
    if (best < 0) {
      std::string why;
      for (const auto& o : options)
        for (const auto& r : o.infeasible_reasons) why += (why.empty() ? "" : "; ") + o.platform + ": " + r;
      fail_input("platforms", "no selected platform can run this workload (" + why + ")");
    }
    for (auto& o : options) {
      const double total = o.cost.total().value();
      o.score = !o.feasible ? 0.0 : total > 0 ? best / total : 1.0;
      o.scores = {{"cost", o.score}};
    }
    std::stable_sort(options.begin(), options.end(), [](const option_result& a, const option_result& b) {
      if (a.feasible != b.feasible) return a.feasible;
      return a.score > b.score;
    });

    const option_result& win = options.front();
    recommendation r{win.kind == platform_kind::serverless ? choice::serverless : choice::containers, win.platform, {}};
    std::string ranking = "ranked by cost alone (the article's other criteria are not weighed yet): " + win.platform +
                          " costs " + detail::format_usd(win.cost.total().value()) + " over " +
                          detail::format_number(to_hours(ctx.horizon)) + " h";
    for (std::size_t i = 1; i < options.size() && options[i].feasible; ++i) {
      const double total = options[i].cost.total().value();
      ranking += ", " + options[i].platform + " " + detail::format_usd(total);
      if (best > 0) ranking += " (" + detail::format_number(std::round(total / best * 100) / 100) + "x)";
    }
    r.reasons.push_back(ranking);
    // Cost alone cannot see an option that is cheap because it is too small; say so.
    for (const auto& o : options) {
      if (!o.feasible || o.use.arrived.value() <= 0) continue;
      const double late = o.use.overloaded.value(), dropped = o.use.throttled.value();
      const auto share = [&](double x) {
        return detail::format_number(std::round(x / o.use.arrived.value() * 1000) / 10) + "%";
      };
      if (late > 0)
        r.reasons.push_back(o.platform + " cannot keep up: " + detail::format_count(late) + " requests (" +
                            share(late) + ") arrive above its capacity and are served late");
      if (dropped > 0)
        r.reasons.push_back(o.platform + " throttles " + detail::format_count(dropped) + " requests (" +
                            share(dropped) + ") above its concurrency limit");
    }
    for (const auto& o : options)
      for (const auto& why : o.infeasible_reasons) r.reasons.push_back(o.platform + " is ruled out: " + why);
    return r;
  }
};

}  // namespace runwise::decide
