// SPDX-License-Identifier: MIT
#pragma once

// `runwise evaluate` on an application spec (docs/hybrid.md),
// with what a single workload's evaluation offers: --sensitivity and --monte-carlo per component
// plus the application's total cost range, and --svg with every component's cost chart
// (docs/hybrid.md).

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <runwise/all.hpp>
#include <runwise/analyze/application_uncertainty.hpp>
#include <runwise/report/application_svg.hpp>
#include <runwise/report/application_uncertainty.hpp>

#include "spec.hpp"

namespace runwise_cli {

/// The cost chart's traffic range for `w`: 1e-3 to 1e3 times today's, widened to show every
/// break-even point of `e` (at most 1e-6 to 1e6).
inline std::pair<double, double> chart_range(const runwise::evaluation& e, const runwise::workload& w) {
  const double months = runwise::to_hours(e.horizon) / 730.0;
  const double per_month = w.traffic.total().value() / months;
  double lo = 1e-3, hi = 1e3;
  for (const auto& b : e.break_even)
    if (b.requests_per_month && per_month > 0) {
      lo = std::max(1e-6, std::min(lo, *b.requests_per_month / per_month / 3));
      hi = std::min(1e6, std::max(hi, *b.requests_per_month / per_month * 3));
    }
  return {lo, hi};
}

/// What the command line asks of an application's evaluation.
struct application_flags {
  bool sensitivity = false;           ///< --sensitivity (or a `sensitivity` object)
  bool monte_carlo = false;           ///< --monte-carlo or --seed (or an `uncertainty` object)
  std::optional<std::size_t> draws;   ///< --monte-carlo N
  std::optional<std::uint64_t> seed;  ///< --seed S
  std::string* svg = nullptr;         ///< --svg FILE: receives the charts
};

/// The report of an application spec in `format`: the application's, then per component its
/// sensitivity sweep and Monte Carlo table, then the total's cost range.
inline std::string evaluate_application(spec& s, const std::string& format, const application_flags& flags,
                                        const std::vector<std::string>& warnings) {
  const runwise::application& app = *s.application;
  if (flags.sensitivity && !s.sensitivity) s.sensitivity.emplace();
  std::vector<std::string> defaulted;
  if (flags.monte_carlo && !s.uncertainty)
    s.uncertainty = uncertainty_spec{runwise::analyze::default_uncertain_inputs(s.platforms, &defaulted), {}};
  if (s.uncertainty) {
    if (flags.draws) s.uncertainty->options.draws = *flags.draws;
    if (flags.seed) s.uncertainty->options.seed = *flags.seed;
  }
  return with_decision(s.decision, [&]<class D>() {
    const runwise::application_evaluation r = runwise::evaluate_application<D>(app, s.platforms, s.preferences);
    std::vector<runwise::analyze::component_sensitivity> sweeps;
    std::optional<runwise::analyze::application_uncertainty> mc;
    if (s.sensitivity)
      sweeps = runwise::analyze::application_sensitivity<D>(app, s.platforms, s.preferences, *s.sensitivity);
    if (s.uncertainty) {
      mc = runwise::analyze::monte_carlo_application<D>(app, r, s.platforms, s.uncertainty->inputs, s.preferences,
                                                        s.uncertainty->options);
      mc->defaulted_inputs = defaulted;
    }
    if (flags.svg) {
      std::vector<std::vector<runwise::analyze::cost_curve>> curves;
      for (std::size_t i = 0; i < app.components.size(); ++i) {
        const runwise::workload& w = app.components[i].work;
        const auto [lo, hi] = chart_range(r.components[i].own, w);
        curves.push_back(runwise::analyze::cost_curves(
            w, runwise::detail::platforms_for(app.components[i], s.platforms), lo, hi, 61));
      }
      *flags.svg = runwise::report::application_cost_charts_svg(r, curves);
    }
    if (format == "json") {
      runwise::report::json_writer j;
      j.begin_object();
      runwise::report::write_members(j, r, warnings);
      if (s.sensitivity) runwise::report::write_json(j.key("sensitivity"), sweeps);
      if (mc) runwise::report::write_json(j.key("uncertainty"), *mc);
      j.end_object();
      return std::move(j).str();
    }
    std::string out = format == "markdown" ? runwise::report::markdown(r) : runwise::report::text(r);
    if (s.sensitivity || mc)
      out += runwise::report::application_uncertainty_text(sweeps, mc ? &*mc : nullptr, format == "markdown");
    if (format == "markdown" && !warnings.empty()) out += "\n";
    for (const auto& w : warnings) out += "warning: " + w + "\n";
    return out;
  });
}

}  // namespace runwise_cli
