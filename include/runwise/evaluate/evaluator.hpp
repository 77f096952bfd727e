// SPDX-License-Identifier: MIT
#pragma once

#include <concepts>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <vector>

#include "../core/detail/type_list.hpp"
#include "../decide/concepts.hpp"
#include "../decide/weighted_sum.hpp"
#include "../platform/concepts.hpp"
#include "conclude.hpp"
#include "evaluate_option.hpp"
#include "registry.hpp"

namespace runwise {

struct application;  // evaluate/application_result.hpp (<runwise/application.hpp>)

namespace detail {
/// A decision policy passes; anything else is diagnosed as the platform it is meant to be.
template <class P>
consteval bool diagnose_policy() {
  if constexpr (decision_policy<P>)
    return true;
  else
    return diagnose_platform<P>();
}

template <class T>
struct is_platform : std::bool_constant<platform<T>> {};
template <class T>
struct is_decision : std::bool_constant<decision_policy<T> && !platform<T>> {};

template <class Decisions>
struct pick_decision {
  using type = decide::weighted_sum;
};
template <class D, class... Rest>
struct pick_decision<std::tuple<D, Rest...>> {
  using type = D;
};
}  // namespace detail

/// Evaluates one workload on a compile-time list of platforms and advises.
///
/// The arguments are policies in any order: every platform type to compare, and at most one
/// decision policy (default: decide::weighted_sum over the article's six criteria; decide::cheapest
/// and decide::topsis are the others). Each platform's run-time settings are reachable through
/// `config<P>()`, the criteria weights and effort assumptions through `preferences()`. The fold over
/// the platforms has no virtual calls.
///
/// ```cpp
/// runwise::evaluator<runwise::aws_lambda, runwise::aws_fargate> ev;
/// ev.config<runwise::aws_lambda>().billing.free_tier = true;
/// runwise::evaluation e = ev.evaluate(w);
/// e.advice.platform;   // "aws_lambda"
/// ```
template <class... Policies>
class evaluator {
  // Anything that is not a decision policy is meant as a platform: say what it misses.
  static_assert((detail::diagnose_policy<Policies>() && ...),
                "runwise: every argument of evaluator<...> must be a platform or a decision policy");
  static_assert(((platform<Policies> || decision_policy<Policies>)&&...),
                "runwise: every argument of evaluator<...> must be a platform (see concept runwise::platform) or a "
                "decision policy (see concept runwise::decision_policy)");
  using decisions = detail::filter_t<detail::is_decision, Policies...>;
  static_assert(std::tuple_size_v<decisions> <= 1, "runwise: evaluator<...> takes at most one decision policy");
  static_assert(((detail::count_of<Policies, Policies...> == 1) && ...),
                "runwise: evaluator<...> lists the same policy twice");

 public:
  using platforms = typename detail::to_type_list<detail::filter_t<detail::is_platform, Policies...>>::type;
  using decision = typename detail::pick_decision<decisions>::type;
  static_assert(platforms::size > 0, "runwise: evaluator<...> needs at least one platform");

  /// The run-time settings of platform `P` (one of the evaluator's platforms).
  template <class P>
  typename P::config& config() noexcept {
    static_assert(detail::count_of<P, Policies...> == 1,
                  "runwise: config<P>() names a platform this evaluator does not have");
    return std::get<detail::index_in(platforms{}, std::type_identity<P>{})>(configs_);
  }
  template <class P>
  const typename P::config& config() const noexcept {
    static_assert(detail::count_of<P, Policies...> == 1,
                  "runwise: config<P>() names a platform this evaluator does not have");
    return std::get<detail::index_in(platforms{}, std::type_identity<P>{})>(configs_);
  }

  /// How the decision weighs the criteria, and the effort assumptions behind them.
  runwise::preferences& preferences() noexcept { return prefs_; }
  const runwise::preferences& preferences() const noexcept { return prefs_; }

  /// Validates `w`, evaluates it on every platform, ranks the options and advises.
  [[nodiscard]] evaluation evaluate(const workload& w) const {
    detail::validate_workload(w);
    return conclude<decision>(
        w, platforms::size,
        [this](std::size_t i, const workload& x) {
          return detail::visit_at(platforms{}, i, [&]<class P>() { return evaluate_option<P>(x, config<P>()); });
        },
        prefs_);
  }

  /// Places application `app` on the evaluator's platforms with their settings and its decision
  /// policy for each component's own verdict (runwise::evaluate_application).
  ///
  /// ```cpp
  /// #include <runwise/application.hpp>   // applications are not in the core header
  /// runwise::evaluator<runwise::aws_lambda, runwise::aws_ecs_ec2> ev;
  /// runwise::application_evaluation r = ev.evaluate(shop);   // r.advice.kind: hybrid
  /// ```
  template <std::same_as<application> App>  // a template: evaluate_application is found when used
  [[nodiscard]] auto evaluate(const App& app) const {
    std::vector<selected_platform> chosen;
    for (std::size_t i = 0; i < platforms::size; ++i)
      chosen.push_back(detail::visit_at(platforms{}, i, [&]<class P>() { return select<P>(config<P>()); }));
    return evaluate_application<decision>(app, chosen, prefs_);
  }

 private:
  template <class List>
  struct configs_of;
  template <class... Ps>
  struct configs_of<type_list<Ps...>> {
    using type = std::tuple<typename Ps::config...>;
  };
  typename configs_of<platforms>::type configs_{};
  runwise::preferences prefs_{};
};

}  // namespace runwise
