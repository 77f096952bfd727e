// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "../core/callable.hpp"
#include "../core/error.hpp"
#include "../core/detail/type_list.hpp"
#include "../decide/concepts.hpp"
#include "../decide/weighted_sum.hpp"
#include "../platform/concepts.hpp"
#include "../platform/price_scale.hpp"
#include "../platform/shared_costs.hpp"
#include "conclude.hpp"
#include "evaluate_option.hpp"

namespace runwise {

/// A platform picked at run time together with its settings: what a spec's `platforms` entry becomes.
///
/// `run` evaluates a workload whose requests arrive through the platform's front door (HTTP);
/// `run_without_front_door` one invoked directly by a queue, an event, a timer or a storage
/// notification (empty: `run` serves both). `price_together` prices components of one application
/// placed together (runwise::price_together; empty: price_members_sharing_fixed_items).
struct selected_platform {
  std::string id;
  platform_kind kind = platform_kind::serverless;
  callable<option_result(const workload&)> run;  ///< evaluates a workload on it (std::function-like)
  /// The same evaluation with every price of the platform multiplied by `price_factor`
  /// (scale_prices); given `simulated` — this platform's result for the same workload — it prices
  /// that usage again instead of simulating anew (usage does not depend on prices). Used by the
  /// sensitivity and Monte Carlo analyses; empty for a hand-made selection.
  callable<option_result(const workload&, double price_factor, const option_result* simulated)> run_priced;
  /// The same evaluation without the front door: components that no client calls directly (queue,
  /// event, timer or storage triggers) in an application.
  callable<option_result(const workload&)> run_without_front_door;
  /// The bill of several components placed together on this platform, shared fixed costs once
  /// (platform::price_together); used by the application placement.
  callable<cost_breakdown(std::span<const sharing_member>)> price_together;
};

/// The ids of `chosen`, in order (a fleet summary's columns).
inline std::vector<std::string> platform_ids(const std::vector<selected_platform>& chosen) {
  std::vector<std::string> ids;
  for (const auto& p : chosen) ids.push_back(p.id);
  return ids;
}

/// Run-time selection by id over a compile-time list of platforms (the CLI's catalog). The table
/// of ids and the dispatch are generated from the same list; there is no hand-written switch.
///
/// ```cpp
/// using reg = runwise::registry<runwise::type_list<runwise::aws_lambda, runwise::aws_fargate>>;
/// auto i = reg::find("aws_fargate");                                   // 1
/// auto p = reg::visit(*i, []<class P>() { return runwise::select<P>({}); });
/// ```
template <class List>
class registry;

template <class... Ps>
class registry<type_list<Ps...>> {
  static_assert((diagnose_platform<Ps>() && ...), "runwise: every type in a registry's list must be a platform");

 public:
  using platforms = type_list<Ps...>;
  static constexpr std::size_t size = sizeof...(Ps);
  static constexpr std::array<std::string_view, size> ids{Ps::id...};
  static constexpr std::array<platform_kind, size> kinds{Ps::kind...};

  /// The index of platform `id`, or nullopt when the catalog has none of that name.
  static constexpr std::optional<std::size_t> find(std::string_view id) noexcept {
    for (std::size_t i = 0; i < size; ++i)
      if (ids[i] == id) return i;
    return std::nullopt;
  }

  /// Calls `f.template operator()<P>()` with the i-th platform type.
  template <class F>
  static decltype(auto) visit(std::size_t i, F&& f) {
    return detail::visit_at(platforms{}, i, f);
  }

  /// "aws_lambda, aws_fargate": for messages listing the valid ids.
  static std::string id_list() {
    std::string out;
    for (auto id : ids) out += (out.empty() ? "" : ", ") + std::string(id);
    return out;
  }
};

/// Binds platform `P` to its settings for run-time evaluation (validated here, once: errors name
/// `path`; the bound settings cannot change, so evaluations do not check them again).
template <platform P>
selected_platform select(typename P::config c, const std::string& path = std::string(P::id)) {
  c.validate(path);
  typename P::config direct = c;
  if constexpr (requires { direct.entry = {}; }) direct.entry = {};  // composed platforms: front door "none"
  direct.validate(path);
  return {std::string(P::id),
          P::kind,
          [c, path](const workload& w) { return evaluate_option<P>(w, c, path, false); },
          [c, path](const workload& w, double price_factor, const option_result* simulated) {
            typename P::config priced = c;
            scale_prices(priced, price_factor);
            return simulated ? reprice_option<P>(w, *simulated, priced) : evaluate_option<P>(w, priced, path, false);
          },
          [direct, path](const workload& w) { return evaluate_option<P>(w, direct, path, false); },
          [c](std::span<const sharing_member> members) { return runwise::price_together<P>(members, c); }};
}

/// The platforms of `Registry` named in `list` ("aws_lambda,aws_fargate"; empty: every one), in
/// that order, each with its default settings. An unknown or repeated id throws runwise::error
/// naming `field` (a flag or a spec path) and, for an unknown one, the ids there are.
///
/// ```cpp
/// auto chosen = runwise::select_listed<runwise::catalog_registry>("aws_lambda,aws_fargate", "--platforms");
/// ```
template <class Registry>
std::vector<selected_platform> select_listed(std::string_view list, const std::string& field) {
  std::vector<std::string> ids;
  if (list.empty()) {
    for (auto id : Registry::ids) ids.emplace_back(id);
  } else {
    for (std::size_t at = 0; at <= list.size();) {
      const auto comma = std::min(list.find(',', at), list.size());
      ids.emplace_back(list.substr(at, comma - at));
      at = comma + 1;
    }
  }
  std::vector<selected_platform> out;
  for (const auto& id : ids) {
    const auto i = Registry::find(id);
    if (!i) fail_input(field, "unknown platform \"" + id + "\"; known: " + Registry::id_list());
    for (const auto& p : out)
      if (p.id == id) fail_input(field, id + " is listed twice");
    out.push_back(Registry::visit(*i, []<class P>() { return select<P>({}); }));
  }
  return out;
}

/// Evaluates `w` on platforms chosen at run time, ranks them with decision policy `D` (default: the
/// weighted sum of the article's six criteria) weighing the criteria as `prefs` says, and advises.
///
/// ```cpp
/// runwise::evaluation e = runwise::evaluate_selected(w, chosen, {.weights = {{"cost", 1}}});
/// ```
template <decision_policy D = decide::weighted_sum>
evaluation evaluate_selected(const workload& w, const std::vector<selected_platform>& chosen,
                             const preferences& prefs = {}) {
  detail::validate_workload(w);
  return conclude<D>(
      w, chosen.size(), [&](std::size_t i, const workload& x) { return chosen[i].run(x); }, prefs);
}

}  // namespace runwise
