// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "concepts.hpp"

namespace runwise::criteria {

/// The article's time-of-deployment criterion: containers take longer to set up (system settings,
/// libraries) and then deploy in seconds; functions are smaller, carry no system dependencies and
/// deploy in milliseconds. Measured as engineer hours per month: first setup spread over
/// `amortise_months` plus `deploys_per_month` × minutes per deploy (criteria::assumptions).
///
/// Score: the least effort among the options / this option's.
///
/// ```cpp
/// runwise::criteria::assumptions a;
/// a.monthly_deploy_hours(runwise::traits_of<runwise::aws_lambda>(), 20);   // 4/12 + 20 × 2/60 = 1 h
/// ```
struct deployment_time {
  static constexpr std::string_view name = "deployment_time";

  static assessment assess(const criterion_input& in) {
    const double deploys = in.subject.needs.deploys_per_month;
    const auto effort = [&](const option_result& x) { return in.assume.monthly_deploy_hours(x.traits, deploys); };
    const platform_traits& t = in.option.traits;
    const std::string why = in.option.platform + ": about " + rounded(in.assume.setup(t), 1) + " h to set up, then " +
                            rounded(in.assume.minutes_per_deploy(t), 1) + " min per deploy × " +
                            detail::format_number(deploys) + " deploys a month = " + rounded(effort(in.option), 1) +
                            " h a month (assumed)";
    return {ratio_to_best(best_of_field(in.field, effort), effort(in.option)), why};
  }
};

}  // namespace runwise::criteria
