// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "concepts.hpp"

namespace runwise::criteria {

/// The article's maintenance criterion: with containers, developers manage and update what they
/// deploy; with serverless, the provider maintains the servers that run the code. Measured as ops
/// hours per month by platform class, an explicit assumption (criteria::assumptions) ordered
/// managed functions < managed containers < EC2-backed ECS < EKS.
///
/// Score: the fewest ops hours among the options / this option's. Evidence: who patches what and
/// the hours assumed (and their cost when `ops_hourly_usd` is given).
///
/// ```cpp
/// runwise::criteria::maintenance::assess(input).evidence;   // "aws_lambda: AWS patches and scales ..."
/// ```
struct maintenance {
  static constexpr std::string_view name = "maintenance";

  /// Ops hours over the horizon for an option of traits `t`.
  static double hours(const platform_traits& t, const assumptions& a, double months) noexcept {
    return a.monthly_ops_hours(t) * months;
  }

  static assessment assess(const criterion_input& in) {
    const option_result& o = in.option;
    const auto hours_of = [&](const option_result& x) { return hours(x.traits, in.assume, in.months()); };
    const double mine = hours_of(o);
    std::string why = o.platform + ": " + who_patches(o.traits) + "; about " +
                      rounded(in.assume.monthly_ops_hours(o.traits), 1) + " ops hours a month (assumed)";
    const double rate = in.subject.needs.ops_hourly_usd;
    if (rate > 0) why += ", " + detail::format_usd(mine * rate) + " at " + detail::format_usd(rate) + "/h";
    return {ratio_to_best(best_of_field(in.field, hours_of), mine), why};
  }

  /// The article's point about each class, in a phrase.
  static std::string who_patches(const platform_traits& t) {
    std::string s = t.runs_on == hosting::functions
                        ? (t.own_os_image ? "the provider patches, scales and runs every server, you patch the image"
                                          : "the provider patches, scales and runs every server")
                    : t.runs_on == hosting::managed_containers
                        ? "the provider runs the hosts, you patch the image and size the containers"
                        : "you patch and scale the instances as well as the images";
    if (t.orchestrator == orchestration::kubernetes) s += ", and upgrade Kubernetes and its add-ons";
    return s;
  }
};

}  // namespace runwise::criteria
