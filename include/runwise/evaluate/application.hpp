// SPDX-License-Identifier: MIT
#pragma once

// Applications of several components (docs/hybrid.md): each component is evaluated on its
// own, then the application is placed component by component so that its total cost is least when
// the fixed costs of components sharing a platform are counted once. The article's hybrid pattern
// (event-triggered side tasks of a containerised system moved to functions) comes out of the costs.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../core/choices.hpp"
#include "../core/error.hpp"
#include "../criteria/concepts.hpp"
#include "../decide/concepts.hpp"
#include "../decide/placement.hpp"
#include "../decide/weighted_sum.hpp"
#include "application_reasons.hpp"
#include "application_result.hpp"
#include "registry.hpp"

namespace runwise {

namespace detail {
/// The platforms a component is evaluated on: directly invoked components skip the front door.
inline std::vector<selected_platform> platforms_for(const component& c, const std::vector<selected_platform>& chosen) {
  if (c.triggered_by == trigger::http) return chosen;
  std::vector<selected_platform> out = chosen;
  for (auto& p : out)
    if (p.run_without_front_door) p.run = p.run_without_front_door;
  return out;
}

/// The option of platform `id` in an evaluation (its options are ranked, not in platform order).
inline const option_result& option_on(const evaluation& e, const std::string& id) {
  for (const auto& o : e.options)
    if (o.platform == id) return o;
  throw error(errc::internal, id, "missing from a component's evaluation");
}
}  // namespace detail

/// Evaluates application `app` on platforms chosen at run time: every component on its own (ranked
/// by decision policy `D` with `prefs`, as evaluate_selected does), then the placement of all
/// components that costs least in total, components on one platform priced together
/// (selected_platform::price_together: shared fixed costs once). The cost includes the operations
/// line when the components give `ops_hourly_usd`. Ties go to fewer platforms, then to the
/// components' own verdicts. Throws runwise::error naming `application...` for bad input.
///
/// ```cpp
/// runwise::application app{.name = "shop", .components = {{api, runwise::trigger::http},
///                                                         {resize, runwise::trigger::event}}};
/// auto r = runwise::evaluate_application(app, {runwise::select<runwise::aws_lambda>({}),
///                                               runwise::select<runwise::aws_ecs_ec2>({})});
/// r.advice.kind;   // runwise::choice::hybrid
/// ```
template <decision_policy D = decide::weighted_sum>
application_evaluation evaluate_application(const application& app, const std::vector<selected_platform>& chosen,
                                            const preferences& prefs = {}) {
  app.validate();
  if (chosen.empty()) fail_input("platforms", "must list at least one platform");
  const std::size_t n = app.components.size(), platforms = chosen.size();
  application_evaluation r;
  r.application = app.name;
  r.horizon = app.components.front().work.traffic.horizon();
  for (std::size_t i = 0; i < n; ++i) {
    const component& c = app.components[i];
    placed_component p;
    p.name = c.work.name;
    p.triggered_by = c.triggered_by;
    try {
      p.own = evaluate_selected<D>(c.work, detail::platforms_for(c, chosen), prefs);
    } catch (const error& e) {
      if (e.code() != errc::infeasible) throw;
      throw error(errc::infeasible, "application.components[" + std::to_string(i) + "]", e.what());
    }
    r.components.push_back(std::move(p));
  }
  // option[k][i]: component i alone on platform k.
  std::vector<std::vector<const option_result*>> option(platforms, std::vector<const option_result*>(n));
  for (std::size_t k = 0; k < platforms; ++k)
    for (std::size_t i = 0; i < n; ++i) option[k][i] = &detail::option_on(r.components[i].own, chosen[k].id);

  auto bill_of = [&](std::size_t k, std::uint32_t mask) {
    std::vector<sharing_member> members;
    for (std::size_t i = 0; i < n; ++i)
      if (mask >> i & 1U) members.push_back({&app.components[i].work, &option[k][i]->use, option[k][i]->cost});
    return chosen[k].price_together ? chosen[k].price_together(members) : price_members_sharing_fixed_items(members);
  };
  // Where a component may go: feasible, and keeping up (99.9% on time) unless no option of it does —
  // the adequacy rule of the single-workload decisions, so that an under-sized fleet cannot win on cost.
  std::vector<bool> any_adequate(n, false);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < platforms; ++k) any_adequate[i] = any_adequate[i] || criteria::adequate(*option[k][i]);
  auto feasible = [&](std::size_t k, std::size_t i) {
    return option[k][i]->feasible && (criteria::adequate(*option[k][i]) || !any_adequate[i]);
  };
  auto group_cost = [&](std::size_t k, std::uint32_t mask) { return bill_of(k, mask).total().value(); };
  auto preference = [&](std::size_t k, std::size_t i) { return option[k][i]->score; };
  const auto best = decide::cheapest_placement(platforms, n, group_cost, feasible, preference);
  if (!best) throw error(errc::internal, "application", "a component runs nowhere although each was evaluated");

  // The per-component greedy placement: each on its own cheapest platform (ties: its own verdict).
  std::vector<std::size_t> greedy(n, platforms);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < platforms; ++k) {
      if (!feasible(k, i)) continue;
      const std::size_t g = greedy[i];
      const double here = option[k][i]->cost.total().value();
      if (g == platforms || here < option[g][i]->cost.total().value() - 1e-9 ||
          (std::fabs(here - option[g][i]->cost.total().value()) <= 1e-9 && option[k][i]->score > option[g][i]->score))
        greedy[i] = k;
    }
  auto total_of = [&](const std::vector<std::size_t>& where) {
    double sum = 0;
    for (std::size_t k = 0; k < platforms; ++k) {
      std::uint32_t mask = 0;
      for (std::size_t i = 0; i < n; ++i)
        if (where[i] == k) mask |= std::uint32_t{1} << i;
      if (mask != 0) sum += group_cost(k, mask);
    }
    return sum;
  };
  r.greedy_total = usd{total_of(greedy)};
  for (std::size_t i = 0; i < n; ++i) r.greedy_platforms.push_back(chosen[greedy[i]].id);

  // The placement's groups, and each component's part of its group's bill.
  for (std::size_t k = 0; k < platforms; ++k) {
    std::uint32_t mask = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (best->platform_of[i] == k) mask |= std::uint32_t{1} << i;
    if (mask == 0) continue;
    platform_group g{chosen[k].id, chosen[k].kind, {}, bill_of(k, mask), {}};
    for (std::size_t i = 0; i < n; ++i)
      if (mask >> i & 1U) {
        g.components.push_back(app.components[i].work.name);
        g.separately += option[k][i]->cost.total();
      }
    for (std::size_t i = 0; i < n; ++i)
      if (mask >> i & 1U) {
        placed_component& p = r.components[i];
        p.platform = chosen[k].id;
        p.kind = chosen[k].kind;
        p.alone = option[k][i]->cost.total();
        p.share = g.separately.value() > 0 ? g.bill.total() * (p.alone / g.separately) : usd{};
      }
    r.total += g.bill.total();
    r.shared += g.separately - g.bill.total();
    r.groups.push_back(std::move(g));
  }

  // Every platform hosting every component: the single-platform alternatives.
  for (std::size_t k = 0; k < platforms; ++k) {
    option_result o;
    o.platform = chosen[k].id;
    o.kind = chosen[k].kind;
    o.traits = option[k][0]->traits;
    for (std::size_t i = 0; i < n; ++i)
      for (const auto& why : option[k][i]->infeasible_reasons)
        o.infeasible_reasons.push_back(app.components[i].work.name + ": " + why);
    o.feasible = o.infeasible_reasons.empty();
    if (o.feasible) {
      o.cost = bill_of(k, (std::uint32_t{1} << n) - 1);
      o.use.horizon = r.horizon;
      for (std::size_t i = 0; i < n; ++i) {  // every component's usage, added (peak: an upper bound)
        const usage& u = option[k][i]->use;
        o.use.arrived += u.arrived;
        o.use.served += u.served;
        o.use.throttled += u.throttled;
        o.use.overloaded += u.overloaded;
        o.use.cold_starts += u.cold_starts;
        o.use.peak_instances += u.peak_instances;
        o.use.mean_instances += u.mean_instances;
        o.use.mean_busy_instances += u.mean_busy_instances;
        o.score += option[k][i]->score / static_cast<double>(n);
        for (const auto& score : option[k][i]->scores) {
          auto at =
              std::find_if(o.scores.begin(), o.scores.end(), [&](const auto& x) { return x.first == score.first; });
          if (at == o.scores.end()) at = o.scores.insert(o.scores.end(), {score.first, 0.0});
          at->second += score.second / static_cast<double>(n);
        }
      }
    }
    if (o.feasible) o.use.set_busy(o.use.mean_busy_instances * o.use.horizon.value());
    r.all_on_one.push_back(std::move(o));
  }
  std::stable_sort(r.all_on_one.begin(), r.all_on_one.end(), [](const option_result& a, const option_result& b) {
    if (a.feasible != b.feasible) return a.feasible;
    return a.feasible && a.cost.total() < b.cost.total();
  });
  detail::advise_application(r, [&](const std::string& id, std::uint32_t mask) {
    std::size_t k = 0;
    while (chosen[k].id != id) ++k;
    for (std::size_t i = 0; i < n; ++i)
      if ((mask >> i & 1U) && !feasible(k, i)) return std::numeric_limits<double>::infinity();
    return mask == 0 ? 0.0 : group_cost(k, mask);
  });
  return r;
}

}  // namespace runwise
