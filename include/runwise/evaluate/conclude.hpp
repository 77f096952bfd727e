// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../core/detail/function_ref.hpp"
#include "../core/result.hpp"
#include "../criteria/maintenance.hpp"
#include "../decide/concepts.hpp"
#include "../decide/hosting.hpp"
#include "../workload/workload.hpp"
#include "break_even.hpp"
#include "break_even_search.hpp"
#include "default_notes.hpp"

namespace runwise {

/// Adds the total-cost-of-ownership line to a feasible option's bill: ops hours over the horizon
/// (criteria::maintenance, from `a`) × `w.needs.ops_hourly_usd`, as the item "operations". Nothing
/// when the rate is 0 (the default: ops effort stays a criterion, out of the bill).
///
/// ```cpp
/// runwise::add_operations(option, w, {});   // w.needs.ops_hourly_usd = 100 → +$200 a month on Lambda
/// ```
inline void add_operations(option_result& o, const workload& w, const criteria::assumptions& a) {
  const double rate = w.needs.ops_hourly_usd;
  if (!o.feasible || rate <= 0) return;
  const double months = to_hours(w.traffic.horizon()) / 730.0;
  const double hours = criteria::maintenance::hours(o.traits, a, months);
  o.cost.add("operations", usd{hours * rate}, measure{hours, "ops-h", rate});
}

/// The duty cycle at which one always-on unit of container option `c` costs what function
/// instances of serverless option `s` cost (duty_cycle_break_even), from what each
/// measured: `s`'s bill per busy instance-hour (instances with a request in flight, not those
/// kept warm: usage::mean_busy_instances), `c`'s per task-hour; operations effort excluded.
///
/// ```cpp
/// std::optional<double> d = runwise::measured_duty_cycle(lambda_option, fargate_option);   // e.g. 0.47
/// ```
inline std::optional<double> measured_duty_cycle(const option_result& s, const option_result& c) {
  const double hours = to_hours(s.use.horizon);
  const double busy = s.use.mean_busy_instances * hours, task_hours = c.use.mean_instances * to_hours(c.use.horizon);
  if (busy <= 0 || task_hours <= 0) return std::nullopt;
  const double s_cost = (s.cost.total() - s.cost["operations"]).value();
  const double c_cost = (c.cost.total() - c.cost["operations"]).value();
  if (s_cost <= 0) return std::nullopt;
  return duty_cycle_break_even(c_cost / task_hours, s_cost / busy);
}

/// The first half of conclude(): run each option on `w` (with the operations line when asked) and let
/// decision policy `D` rank them and advise — no hosting advice, no break-even search. What
/// analyses that evaluate one workload many times (sensitivity, Monte Carlo) need; `prefs`'
/// assumptions must be valid (conclude() checks them).
///
/// ```cpp
/// runwise::evaluation e = runwise::rank_options<runwise::decide::cheapest>(w, 2, run, {});
/// e.advice.platform;   // e.break_even stays empty
/// ```
template <decision_policy D, class Run>
evaluation rank_options(const workload& w, std::size_t count, Run&& run_option, const preferences& prefs = {}) {
  evaluation e;
  e.workload = w.name;
  e.horizon = w.traffic.horizon();
  e.options.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    e.options.push_back(run_option(i, w));
    add_operations(e.options.back(), w, prefs.assumptions);
  }
  e.advice = D::decide(e.options, decision_context{e.horizon, &w, prefs});
  return e;
}

/// Evaluates the i-th option (0 <= i < count) on a workload: what conclude() calls, type-erased
/// (non-owning: the callable must outlive the call it is passed to).
///
/// ```cpp
/// auto run = [](std::size_t, const runwise::workload& x) { return runwise::evaluate_option<P>(x, {}); };
/// runwise::option_runner r = run;   // refers to run
/// ```
using option_runner = detail::function_ref<option_result(std::size_t, const workload&)>;

namespace detail {
/// `w.validate()` behind a non-inline function template (of nothing), for evaluator::evaluate and
/// evaluate_selected: in the separately compiled mode (<runwise/compiled.hpp>) its one
/// instantiation is extern, so a consumer does not compile the workload's checks and messages.
///
/// ```cpp
/// runwise::detail::validate_workload(w);   // throws runwise::error naming the bad field
/// ```
template <class = void>
void validate_workload(const workload& w) {
  w.validate();
}

/// conclude()'s body, a template on the decision policy only: the caller's runner arrives
/// type-erased, so that <runwise/compiled.hpp> can declare the instantiations for the three decision
/// policies extern and the library runwise::compiled define them once (the ranking, the hosting
/// advice and the break-even search are most of an evaluation's machine code). Not inline, so an
/// extern declaration keeps compilers from instantiating it for inlining.
///
/// ```cpp
/// runwise::evaluation e = runwise::detail::conclude_options<runwise::decide::cheapest>(w, 2, run, {});
/// ```
template <decision_policy D>
evaluation conclude_options(const workload& w, std::size_t count, option_runner run_option, const preferences& prefs) {
  prefs.assumptions.validate("assumptions");
  // Evaluations planned: each option at today's traffic and at each scan point of the break-even
  // search (its narrowing adds a few more), twice when a defaulted concurrency may be re-evaluated
  // at its usual setting (note_defaults).
  const double planned = static_cast<double>(count) * (2 + scan_points) *
                         (was_defaulted(w, "concurrency_per_instance") && w.concurrency_per_instance == 1 ? 2 : 1);
  double done = 0;
  auto run = [&](std::size_t i, const workload& x) {
    option_result o = run_option(i, x);
    add_operations(o, x, prefs.assumptions);
    if (prefs.progress) prefs.progress(++done, planned);
    return o;
  };
  evaluation e;
  e.workload = w.name;
  e.horizon = w.traffic.horizon();
  for (std::size_t i = 0; i < count; ++i) e.options.push_back(run(i, w));
  std::vector<std::pair<std::string, std::size_t>> index_of;  // platform id → its runner
  for (std::size_t i = 0; i < count; ++i) index_of.emplace_back(e.options[i].platform, i);
  e.advice = D::decide(e.options, decision_context{e.horizon, &w, prefs});
  e.hosting = decide::advise_hosting(e.options, w, prefs);

  // Every pair's search scans the same traffic scales: remember each option's outcome at each.
  std::vector<std::vector<detail::scaled_outcome>> seen(count);
  auto outcome = [&](std::size_t i, double k) {
    for (const auto& o : seen[i])
      if (o.scale == k) return o;
    workload scaled = w;
    scaled.traffic = w.traffic.scaled(k);
    seen[i].push_back(detail::outcome_of(k, run(i, scaled)));
    return seen[i].back();
  };
  auto runner = [&](const std::string& id) {
    for (const auto& [name, i] : index_of)
      if (name == id) return i;
    return count;
  };
  e.break_even = find_break_evens(e.options, w, outcome, runner, &measured_duty_cycle);
  note_defaults(e, w, [&](const workload& usual) {
    preferences again = prefs;  // the second evaluation's progress continues the first's
    if (prefs.progress)
      again.progress = [&, first = done](double d, double) { prefs.progress(first + d, planned); };
    return conclude_options<D>(usual, count, run_option, again);
  });
  return e;
}
}  // namespace detail

/// The step every evaluation ends with, whether its platforms were chosen at compile time
/// (evaluator<>) or at run time (the registry): run each option (adding the operations line when
/// `prefs` and the workload ask for a TCO), let decision policy `D` rank them and advise, and find
/// where each serverless option and each container option cost the same; then note the defaults
/// the workload did not set that decide the answer (detail::note_defaults: a second evaluation at
/// the usual setting, only when one may).
///
/// `run(i, w)` evaluates the i-th option (0 <= i < count) on workload `w`; it is called through an
/// option_runner (one indirect call per option, against a simulation of the whole horizon).
///
/// ```cpp
/// auto run = [](std::size_t, const runwise::workload& x) { return runwise::evaluate_option<P>(x, {}); };
/// runwise::evaluation e = runwise::conclude<runwise::decide::weighted_sum>(w, 1, run);
/// ```
template <decision_policy D, class Run>
evaluation conclude(const workload& w, std::size_t count, Run&& run_option, const preferences& prefs = {}) {
  return detail::conclude_options<D>(w, count, option_runner(run_option), prefs);
}

}  // namespace runwise
