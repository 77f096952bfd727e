// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "concepts.hpp"

namespace runwise::criteria {

/// The article's cost criterion: "containers run constantly, and CSPs charge for server space even
/// if it's not being used"; serverless charges only for the capacity used. Measured, not assumed:
/// the option's bill for the simulated traffic (with `ops_hourly_usd` > 0 it includes the
/// "operations" line, so the comparison is a total cost of ownership).
///
/// Score: cheapest total among the options that keep up / this option's total (1 for the cheapest).
/// Evidence: the total, how far above the cheapest, and for a container fleet how busy its tasks are.
///
/// ```cpp
/// runwise::criteria::assessment a = runwise::criteria::cost::assess(input);   // a.score == 1 for the cheapest
/// ```
struct cost {
  static constexpr std::string_view name = "cost";

  static assessment assess(const criterion_input& in) {
    const option_result& o = in.option;
    const double total = o.cost.total().value();
    const auto total_of = [](const option_result& x) { return x.cost.total().value(); };
    const double best = best_of_field(in.field, total_of);
    std::string why = o.platform + " costs " + detail::format_usd(total) + " over " +
                      detail::format_number(to_hours(in.horizon)) + " h";
    const double ops = o.cost["operations"].value();
    if (ops > 0) why += " (" + detail::format_usd(ops) + " of it operations effort)";
    if (total <= best || best < 0) {
      why += ", the least of the options that keep up";
    } else {
      std::string cheapest;
      for (const auto& x : in.field)
        if (x.feasible && total_of(x) == best) cheapest = x.platform;
      why += ", " + (best > 0 ? rounded(total / best) + "x" : std::string("more than")) + " the cheapest (" + cheapest +
             ", " + detail::format_usd(best) + ")";
    }
    why += billing_note(in);
    return {best < 0 ? 0.0 : ratio_to_best(best, total), why};
  }

 private:
  /// Why the bill is what it is: functions bill what they serve, a fleet bills its tasks busy or idle.
  static std::string billing_note(const criterion_input& in) {
    const usage& u = in.option.use;
    if (in.option.kind == platform_kind::serverless)
      return "; it bills only the " + detail::format_count(u.served.value()) + " requests it serves";
    const double task_seconds = u.mean_instances * u.horizon.value();
    if (task_seconds <= 0) return {};
    const double busy = u.served.value() * in.subject.duration.mean.value() / in.subject.concurrency_per_instance;
    return "; it bills " + detail::format_number(u.mean_instances) + (u.mean_instances == 1 ? " task" : " tasks") +
           " around the clock, busy " + rounded(100 * busy / task_seconds, 1) + "% of the time";
  }
};

}  // namespace runwise::criteria
