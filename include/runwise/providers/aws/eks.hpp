// SPDX-License-Identifier: MIT
#pragma once

// Amazon EKS: the control plane is billed per cluster-hour, more on extended support.

#include <string_view>

#include "../../core/choices.hpp"
#include "../../core/cost.hpp"
#include "../../core/detail/math.hpp"
#include "../../core/units.hpp"
#include "../../pricing/sheet.hpp"

namespace runwise::pricing::aws {

inline constexpr source eks_pricing_page{"https://aws.amazon.com/eks/pricing/", 'O'};

enum class eks_support { standard, extended };
inline constexpr choice_table<eks_support, 2> eks_support_names{
    {{"standard", eks_support::standard}, {"extended", eks_support::extended}}};

struct eks_sheet {
  std::string_view as_of;
  double per_cluster_hour;           ///< standard support
  double extended_per_cluster_hour;  ///< Kubernetes versions on extended support

  template <class Self, class V>
  static constexpr void fields(Self& s, V&& v) {
    v("per_cluster_hour", s.per_cluster_hour, "USD per cluster-hour (standard support)", eks_pricing_page);
    v("extended_per_cluster_hour", s.extended_per_cluster_hour, "USD per cluster-hour (extended support)",
      eks_pricing_page);
  }
};

/// Values: the control plane at $0.10 per cluster-hour, $0.60 on extended support (Amazon EKS pricing,
/// https://aws.amazon.com/eks/pricing/, O; docs/pricing.md), 2026-11-26.
inline namespace prices_2026_11 {
inline constexpr eks_sheet eks_prices{.as_of = "2026-11-26", .per_cluster_hour = 0.10, .extended_per_cluster_hour = 0.60};
}  // namespace prices_2026_11

/// The cluster-hours a control plane bills over `horizon` (whole hours, rounded up) and its rate.
constexpr double eks_cluster_hours(seconds horizon) { return detail::ceil(to_hours(horizon) - 1e-9); }
constexpr double eks_per_cluster_hour(const eks_sheet& p, eks_support support) {
  return support == eks_support::extended ? p.extended_per_cluster_hour : p.per_cluster_hour;
}

/// The control plane of one cluster over `horizon`: $73.00 for 730 hours on standard support.
constexpr usd eks_control_plane_cost(const eks_sheet& p, eks_support support, seconds horizon) {
  return usd{eks_cluster_hours(horizon) * eks_per_cluster_hour(p, support)};
}

/// The control plane as a bill line: its cluster-hours at the hourly rate of the support tier.
constexpr void add_eks_control_plane(cost_breakdown& b, const eks_sheet& p, eks_support support, seconds horizon) {
  b.add("control_plane", eks_control_plane_cost(p, support, horizon),
        measure{eks_cluster_hours(horizon), "cluster-h", eks_per_cluster_hour(p, support)});
}

}  // namespace runwise::pricing::aws
