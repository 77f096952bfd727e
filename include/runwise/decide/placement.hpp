// SPDX-License-Identifier: MIT
#pragma once

// Where each component of an application should run: the assignment of components to platforms
// whose total cost is least when components on one platform are priced together (their shared
// fixed costs counted once). Exact, by dynamic programming over platforms × subsets of components;
// docs/hybrid.md has the derivation.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace runwise::decide {

/// The most components an application may have: the search is exact over every grouping, and its
/// work grows as platforms × 3^components (10 components, 8 platforms: about 470,000 steps and
/// 8,192 group prices).
inline constexpr std::size_t max_components = 10;

/// An assignment: `platform_of[i]` is the index of the platform component i runs on.
struct placement {
  std::vector<std::size_t> platform_of;
  double cost = 0;            ///< the sum of its groups' costs
  std::size_t platforms = 0;  ///< how many platforms it uses
  double preference = 0;      ///< the sum of the components' own scores on their platforms
};

}  // namespace runwise::decide

namespace runwise::detail {
/// The DP's value of a set of components: cost first (equal within a millionth of a dollar), then
/// fewer platforms, then a higher preference.
struct placement_value {
  double cost = std::numeric_limits<double>::infinity();
  std::size_t platforms = 0;
  double preference = 0;
  [[nodiscard]] bool better_than(const placement_value& o) const noexcept {
    if (std::isinf(o.cost)) return !std::isinf(cost);
    if (std::fabs(cost - o.cost) > 1e-6) return cost < o.cost;
    if (platforms != o.platforms) return platforms < o.platforms;
    return preference > o.preference + 1e-12;
  }
};
}  // namespace runwise::detail

namespace runwise::decide {

/// The least-cost placement of `components` components (at most max_components) on `platforms`
/// platforms, or nullopt when some component runs on none.
///
/// `group_cost(k, mask)` is the cost of the components in bit set `mask` priced together on
/// platform k (infinity when one of them cannot run there); it is called at most once per (k, mask).
/// `feasible(k, i)` says whether component i can run on platform k; `preference(k, i)` is component
/// i's own score on platform k (ties in cost go to fewer platforms, then to the higher sum of these).
///
/// best[k][S] = min(best[k-1][S], min over non-empty T ⊆ S of best[k-1][S \ T] + group_cost(k, T)).
///
/// ```cpp
/// auto p = runwise::decide::cheapest_placement(2, 2, [](std::size_t k, std::uint32_t mask) { ... },
///                                              [](std::size_t, std::size_t) { return true; },
///                                              [](std::size_t, std::size_t) { return 0.0; });
/// p->platform_of;   // e.g. {0, 1}
/// ```
template <class GroupCost, class Feasible, class Preference>
std::optional<placement> cheapest_placement(std::size_t platforms, std::size_t components, GroupCost&& group_cost,
                                            Feasible&& feasible, Preference&& preference) {
  using value = runwise::detail::placement_value;
  const std::uint32_t subsets = std::uint32_t{1} << components, all = subsets - 1;
  // best[k][S]: the best way to run the components of S on platforms 0..k-1; from[k][S]: the subset
  // platform k-1 runs in it.
  std::vector<std::vector<value>> best(platforms + 1, std::vector<value>(subsets));
  std::vector<std::vector<std::uint32_t>> from(platforms + 1, std::vector<std::uint32_t>(subsets, 0));
  best[0][0] = {0, 0, 0};
  for (std::size_t k = 0; k < platforms; ++k) {
    std::uint32_t runs_here = 0;
    std::vector<double> pref(components);
    for (std::size_t i = 0; i < components; ++i) {
      if (feasible(k, i)) runs_here |= std::uint32_t{1} << i;
      pref[i] = preference(k, i);
    }
    std::vector<double> cost_of(subsets, std::numeric_limits<double>::quiet_NaN());
    for (std::uint32_t s = 0; s < subsets; ++s) {
      best[k + 1][s] = best[k][s];
      for (std::uint32_t t = s & runs_here; t != 0; t = (t - 1) & (s & runs_here)) {
        const value& rest = best[k][s & ~t];
        if (std::isinf(rest.cost)) continue;
        if (std::isnan(cost_of[t])) cost_of[t] = group_cost(k, t);
        if (std::isinf(cost_of[t])) continue;
        value v{rest.cost + cost_of[t], rest.platforms + 1, rest.preference};
        for (std::size_t i = 0; i < components; ++i)
          if (t >> i & 1U) v.preference += pref[i];
        if (v.better_than(best[k + 1][s])) {
          best[k + 1][s] = v;
          from[k + 1][s] = t;
        }
      }
    }
  }
  const value& found = best[platforms][all];
  if (std::isinf(found.cost)) return std::nullopt;
  placement p{std::vector<std::size_t>(components, 0), found.cost, found.platforms, found.preference};
  std::uint32_t s = all;
  for (std::size_t k = platforms; k > 0; --k) {
    const std::uint32_t t = from[k][s];
    for (std::size_t i = 0; i < components; ++i)
      if (t >> i & 1U) p.platform_of[i] = k - 1;
    s &= ~t;
  }
  return p;
}

}  // namespace runwise::decide
