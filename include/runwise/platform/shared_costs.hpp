// SPDX-License-Identifier: MIT
#pragma once

// Pricing several components of one application together on one platform: fixed costs that they
// can share (an EKS control plane, a load balancer, one team's operations effort, a cluster's
// instances) are paid once for all of them, not once each. docs/hybrid.md explains the rules.

#include <array>
#include <span>
#include <string_view>

#include "../core/cost.hpp"
#include "../core/usage.hpp"
#include "../workload/workload.hpp"

namespace runwise {

/// One component placed on a platform together with others: its workload, what the platform's
/// capacity policy measured for it alone, and the bill it would get alone (including its front
/// door and, when the caller counts operations, its `operations` line).
///
/// ```cpp
/// runwise::sharing_member m{&api, &api_option.use, api_option.cost};
/// ```
struct sharing_member {
  const workload* work = nullptr;
  const usage* use = nullptr;
  cost_breakdown bill;
};

/// The line items that are one per platform, whatever the number of components on it:
/// - "control_plane": one EKS cluster hosts every component (its $0.10 per cluster-hour, docs/pricing.md);
/// - "alb_hours": one Application Load Balancer routes to every HTTP component, one listener rule
///   each (its hourly fee, docs/pricing.md; LCUs still add up, since they follow the traffic);
/// - "operations": one team runs one cluster or one function platform (the TCO line of
///   criteria::maintenance; its hours are per platform class, not per service).
/// When several members' bills have one of these items, the shared bill has the largest, not the sum.
///
/// ```cpp
/// static_assert(runwise::shared_line_items[0].text() == "control_plane");
/// ```
inline constexpr std::array<item_name, 3> shared_line_items{{"control_plane", "alb_hours", "operations"}};

/// True when `name` is one of shared_line_items.
constexpr bool is_shared_line_item(std::string_view name) noexcept {
  for (const auto& item : shared_line_items)
    if (item.text() == name) return true;
  return false;
}

/// The default way any platform prices members together: each member's own bill, summed, except the
/// shared_line_items, which count once (the largest member's amount).
///
/// ```cpp
/// // Two components on EKS, $73.00 of control plane each alone: $73.00 together.
/// runwise::cost_breakdown b = runwise::price_members_sharing_fixed_items(members);
/// ```
inline cost_breakdown price_members_sharing_fixed_items(std::span<const sharing_member> members) {
  cost_breakdown out;
  for (const auto& m : members) out.add(m.bill);
  for (const auto& item : shared_line_items) {
    const line_item* largest = nullptr;
    for (const auto& m : members)
      if (const line_item* l = m.bill.find(item.text()); l && (!largest || l->amount > largest->amount)) largest = l;
    if (largest && out[item.text()] > largest->amount) out.replace(*largest);
  }
  return out;
}

/// A platform that knows better than the default how its members share (an EC2-backed cluster packs
/// every member's tasks onto the same nodes) declares
/// `static cost_breakdown price_together(std::span<const sharing_member>, const config&)`.
template <class P>
concept prices_members_together = requires(std::span<const sharing_member> members, const typename P::config& c) {
  { P::price_together(members, c) } -> std::same_as<cost_breakdown>;
};

/// The bill of `members` placed together on platform `P` with settings `c`: `P::price_together`
/// when the platform declares it, else price_members_sharing_fixed_items.
///
/// ```cpp
/// runwise::cost_breakdown b = runwise::price_together<runwise::aws_eks_ec2>(members, config);
/// ```
template <class P>
cost_breakdown price_together(std::span<const sharing_member> members, const typename P::config& c) {
  if constexpr (prices_members_together<P>)
    return P::price_together(members, c);
  else
    return price_members_sharing_fixed_items(members);
}

}  // namespace runwise
