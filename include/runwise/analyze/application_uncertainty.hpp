// SPDX-License-Identifier: MIT
#pragma once

// Sensitivity and Monte Carlo for an application of several components (docs/hybrid.md): each
// component is a workload with its own verdict, so each gets its own sweep and its own cost ranges;
// the application's total is the cost range of the placement evaluate_application chose, with every
// component's traffic and every platform's prices drawn together. Needs <thread> (monte_carlo.hpp).

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "../evaluate/application.hpp"
#include "monte_carlo.hpp"
#include "sensitivity.hpp"

namespace runwise::analyze {

/// One component's sweep (analyze::sensitivity on its own workload).
struct component_sensitivity {
  std::string component;
  sensitivity_report report;
};

/// Runs analyze::sensitivity on every component of `app`, on the platforms it is evaluated on
/// (directly invoked components skip the front door, as in evaluate_application).
///
/// ```cpp
/// auto rows = runwise::analyze::application_sensitivity(app, platforms);
/// rows[1].report.verdict;   // e.g. "aws_lambda" for the event-triggered side task
/// ```
template <decision_policy D = decide::weighted_sum>
std::vector<component_sensitivity> application_sensitivity(const application& app,
                                                           const std::vector<selected_platform>& chosen,
                                                           const preferences& prefs = {},
                                                           const sensitivity_options& opt = {}) {
  app.validate();
  std::vector<component_sensitivity> out;
  for (const auto& c : app.components)
    out.push_back({c.work.name, sensitivity<D>(c.work, runwise::detail::platforms_for(c, chosen), prefs, opt)});
  return out;
}

/// The Monte Carlo run of an application: each component's own report, and the total cost of the
/// placement (`placement`, component → platform) over the same draws.
struct application_uncertainty {
  std::vector<std::pair<std::string, uncertainty_report>> components;  ///< component name → its report
  std::vector<std::pair<std::string, std::string>> placement;          ///< the placement the total prices
  std::size_t draws = 0;
  std::uint64_t seed = 0;
  double p5_usd = 0, p50_usd = 0, p95_usd = 0, mean_usd = 0, min_usd = 0, max_usd = 0;  ///< the total
  double p_feasible = 0;                      ///< share of draws in which every component could run where it is placed
  std::vector<std::string> defaulted_inputs;  ///< as uncertainty_report::defaulted_inputs
};

/// Draws `in` `opt.draws` times. Per component: monte_carlo on its workload (its options' cost
/// ranges, how often each is cheapest and recommended). For the total: in draw d every component's
/// traffic is scaled by the same factor and each platform's prices by its own — the factors
/// monte_carlo draws for d, since a draw's samples depend only on (seed, d, input) — and the
/// placement `placed` chose is priced with shared fixed costs once. Prices enter a bill linearly
/// (every line is quantity × unit price, and scaling all of a platform's prices does not change
/// which instance type is cheapest), so a group's bill at factor f is f × its bill at list prices;
/// the operations line (ops hours × ops_hourly_usd) is not a price and is not scaled. Duration and
/// memory are per component: giving them is an error naming `uncertainty.inputs.duration_ms` or
/// `memory_mb`.
///
/// ```cpp
/// auto placed = runwise::evaluate_application(app, platforms);
/// auto u = runwise::analyze::monte_carlo_application(app, placed, platforms, in, {}, {.draws = 1000});
/// u.p95_usd;   // the application's cost in a bad month of the draws
/// ```
template <decision_policy D = decide::weighted_sum>
application_uncertainty monte_carlo_application(const application& app, const application_evaluation& placed,
                                                const std::vector<selected_platform>& chosen,
                                                const uncertain_inputs& in, const preferences& prefs = {},
                                                const monte_carlo_options& opt = {}) {
  if (in.duration_ms)
    fail_input("uncertainty.inputs.duration_ms", "is one workload's; an application's components each have their own");
  if (in.memory_mb)
    fail_input("uncertainty.inputs.memory_mb", "is one workload's; an application's components each have their own");
  opt.validate();
  in.validate(chosen);
  app.validate();
  application_uncertainty out;
  out.draws = opt.draws;
  out.seed = opt.seed;
  out.placement = placed.assignment();
  for (const auto& c : app.components)
    out.components.emplace_back(c.work.name,
                                monte_carlo<D>(c.work, runwise::detail::platforms_for(c, chosen), in, prefs, opt));

  const std::size_t n = app.components.size();
  std::vector<std::size_t> where(n);  // each component's platform index
  std::vector<selected_platform> runs_of(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& id = placed.components.at(i).platform;
    std::size_t k = 0;
    while (k < chosen.size() && chosen[k].id != id) ++k;
    if (k == chosen.size()) throw error(errc::internal, "application", "the placement names an unselected platform");
    where[i] = k;
    runs_of[i] = runwise::detail::platforms_for(app.components[i], chosen)[k];
  }
  std::vector<double> totals;
  totals.reserve(opt.draws);
  std::vector<workload> scaled(app.components.size());
  std::vector<option_result> options(n);
  for (std::size_t d = 0; d < opt.draws; ++d) {
    const scenario s = draw_scenario(in, chosen, opt.seed, d);
    bool feasible = true;
    for (std::size_t i = 0; i < n && feasible; ++i) {
      scaled[i] = app.components[i].work;
      scaled[i].traffic = app.components[i].work.traffic.scaled(s.traffic);
      options[i] = runs_of[i].run(scaled[i]);
      add_operations(options[i], scaled[i], prefs.assumptions);
      feasible = options[i].feasible;
    }
    if (!feasible) continue;
    double total = 0;
    for (std::size_t k = 0; k < chosen.size(); ++k) {
      std::vector<sharing_member> members;
      double operations = 0;
      for (std::size_t i = 0; i < n; ++i)
        if (where[i] == k) {
          members.push_back({&scaled[i], &options[i].use, options[i].cost});
          operations += options[i].cost["operations"].value();
        }
      if (members.empty()) continue;
      const cost_breakdown bill =
          chosen[k].price_together ? chosen[k].price_together(members) : price_members_sharing_fixed_items(members);
      total += (bill.total().value() - operations) * s.price_factors[k] + operations;
    }
    totals.push_back(total);
  }
  std::sort(totals.begin(), totals.end());
  out.p_feasible = static_cast<double>(totals.size()) / static_cast<double>(opt.draws);
  if (!totals.empty()) {
    out.p5_usd = detail::quantile_sorted(totals, 0.05);
    out.p50_usd = detail::quantile_sorted(totals, 0.50);
    out.p95_usd = detail::quantile_sorted(totals, 0.95);
    double sum = 0;
    for (double t : totals) sum += t;
    out.mean_usd = sum / static_cast<double>(totals.size());
    out.min_usd = totals.front();
    out.max_usd = totals.back();
  }
  return out;
}

}  // namespace runwise::analyze
