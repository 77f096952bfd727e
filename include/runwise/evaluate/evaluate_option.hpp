// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "../core/detail/math.hpp"
#include "../core/error.hpp"
#include "../core/result.hpp"
#include "../core/traits.hpp"
#include "../platform/concepts.hpp"

namespace runwise {

/// Runs one platform on one workload: validate the config (errors name `path`), check hard limits,
/// then simulate and price when the platform can run the workload at all. `check_config` = false
/// skips the config's validation, for loops that evaluate one validated config many times.
///
/// ```cpp
/// runwise::option_result r = runwise::evaluate_option<runwise::aws_lambda>(w, {});
/// r.cost.total();
/// ```
template <platform P>
option_result evaluate_option(const workload& w, const typename P::config& c,
                              const std::string& path = std::string(P::id), bool check_config = true) {
  if (check_config) c.validate(path);
  option_result r;
  r.platform = std::string(P::id);
  r.kind = P::kind;
  r.traits = traits_of<P>();
  P::check_limits(w, c, r.infeasible_reasons);
  r.feasible = r.infeasible_reasons.empty();
  if (r.feasible) {
    r.use = P::simulate(w, c);
    for (double x : {r.use.arrived.value(), r.use.served.value(), r.use.throttled.value(), r.use.overloaded.value(),
                     r.use.cold_starts.value(), r.use.peak_instances, r.use.mean_instances})
      if (!(x >= 0 && detail::is_finite(x)))
        throw error(errc::internal, std::string(P::id), "the capacity model produced a negative or non-finite figure");
    r.cost = P::price(w, r.use, c);
    if (!detail::is_finite(r.cost.total().value()))
      fail_input("workload", "its traffic and sizes make " + std::string(P::id) +
                                 "'s cost overflow; check the traffic, durations and prices for absurd values");
  }
  return r;
}

/// Prices again what `simulated` (platform `P`'s result for workload `w`) measured, under config `c`
/// whose capacity settings are those `simulated` ran with: the usage does not depend on prices, so
/// a price-only change costs no simulation.
///
/// ```cpp
/// runwise::aws_lambda::config discounted = c;
/// runwise::scale_prices(discounted, 0.8);
/// auto r = runwise::reprice_option<runwise::aws_lambda>(w, runwise::evaluate_option<runwise::aws_lambda>(w, c),
/// discounted);
/// ```
template <platform P>
option_result reprice_option(const workload& w, const option_result& simulated, const typename P::config& c) {
  option_result r = simulated;
  r.scores.clear();
  r.evidence.clear();
  r.score = 0;
  if (r.feasible) r.cost = P::price(w, r.use, c);
  return r;
}

}  // namespace runwise
