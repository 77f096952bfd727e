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

/// Share of an option's requests served on time: neither throttled, nor late, nor left unserved.
inline double on_time_share(const option_result& o) {
  const double arrived = o.use.arrived.value();
  if (arrived <= 0) return 1.0;
  const double missed = o.use.throttled.value() + o.use.overloaded.value();
  return std::clamp(1.0 - missed / arrived, 0.0, 1.0);
}

/// Ranks feasible options by total cost, and says so in its reasons — but an option that is cheap
/// because it is too small is no answer: options that serve less than 99.9% of the requests on time
/// rank after those that do, and the reasons name what they dropped or delayed. The default decision
/// policy until the article's six criteria are modelled.
///
/// Score: (cheapest adequate total / its total) × its on-time share, in [0, 1]. Throws
/// runwise::error(errc::infeasible) when no option is feasible.
struct cheapest {
  static constexpr double adequate_share = 0.999;

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
    std::string ranking = "ranked by cost (the article's other criteria are not weighed yet): " + win.platform +
                          " costs " + detail::format_usd(win.cost.total().value()) + " over " +
                          detail::format_number(to_hours(ctx.horizon)) + " h";
    for (std::size_t i = 1; i < options.size() && options[i].feasible; ++i) {
      const double total = options[i].cost.total().value();
      ranking += ", " + options[i].platform + " " + detail::format_usd(total);
      if (best > 0) ranking += " (" + detail::format_number(std::round(total / best * 100) / 100) + "x)";
    }
    r.reasons.push_back(ranking);
    for (const auto& o : options) {
      if (!o.feasible || o.use.arrived.value() <= 0) continue;
      const double arrived = o.use.arrived.value();
      const auto share = [&](double x) { return detail::format_number(std::round(x / arrived * 1000) / 10) + "%"; };
      const double late = o.use.overloaded.value(), dropped = o.use.throttled.value();
      const double unserved = arrived - o.use.served.value() - dropped;
      const char* ranked = adequate(o) ? "" : " (ranked after the options that keep up)";
      if (late > 0)
        r.reasons.push_back(o.platform + " cannot keep up: " + detail::format_count(late) + " requests (" +
                            share(late) + ") wait behind its capacity and are served late" +
                            (unserved > 0.5 ? ", " + detail::format_count(unserved) + " never" : std::string()) +
                            ranked);
      if (dropped > 0)
        r.reasons.push_back(o.platform + " throttles " + detail::format_count(dropped) + " requests (" +
                            share(dropped) +
                            ") above its concurrency limit (raise concurrency_limit if your quota is higher)" + ranked);
    }
    for (const auto& o : options)
      for (const auto& why : o.infeasible_reasons) r.reasons.push_back(o.platform + " is ruled out: " + why);
    return r;
  }
};

}  // namespace runwise::decide
