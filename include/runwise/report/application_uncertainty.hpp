// SPDX-License-Identifier: MIT
#pragma once

// An application's sensitivity sweeps and Monte Carlo run (analyze/application_uncertainty.hpp) as
// text, Markdown and JSON, to append to the application's report: each component's sections as a
// single workload's, then the application's total cost range.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "../analyze/application_uncertainty.hpp"
#include "uncertainty.hpp"

namespace runwise::detail {
inline std::string placement_text(const analyze::application_uncertainty& u) {
  std::string out;
  for (const auto& [name, platform] : u.placement) out += (out.empty() ? "" : ", ") + name + " on " + platform;
  return out;
}
}  // namespace runwise::detail

namespace runwise::report {

/// Text (`markdown` false) or Markdown sections: per component its sweep and its Monte Carlo table
/// (either list may be empty, `u` null), then the total.
///
/// ```cpp
/// out += runwise::report::application_uncertainty_text(sweeps, &mc, false);
/// ```
inline std::string application_uncertainty_text(const std::vector<analyze::component_sensitivity>& sweeps,
                                                const analyze::application_uncertainty* u, bool markdown) {
  std::string out;
  for (std::size_t i = 0; i < std::max(sweeps.size(), u ? u->components.size() : 0); ++i) {
    const std::string& name = i < sweeps.size() ? sweeps[i].component : u->components[i].first;
    const auto* s = i < sweeps.size() ? &sweeps[i].report : nullptr;
    const auto* m = u && i < u->components.size() ? &u->components[i].second : nullptr;
    out += markdown ? "\n## Component " + name + "\n" : "\nComponent " + name + ":\n";
    out += markdown ? uncertainty_markdown(s, m) : uncertainty_text(s, m);
  }
  if (u) {
    using runwise::detail::format_usd;
    const std::string range = "p5 " + format_usd(u->p5_usd) + ", p50 " + format_usd(u->p50_usd) + ", p95 " +
                              format_usd(u->p95_usd) + ", mean " + format_usd(u->mean_usd);
    const std::string what =
        detail::placement_text(*u) + "; " + std::to_string(u->draws) + " draws, seed " + std::to_string(u->seed);
    out += markdown ? "\n## Application total\n\n" + what + ": " : "\nApplication total (" + what + "): ";
    out += u->p_feasible > 0 ? range : std::string("no draw could run every component");
    if (u->p_feasible < 1)
      out += "; every component could run in " + detail::percent(u->p_feasible, false) + " of the draws";
    out += markdown ? "\n\n" : "\n";
    for (const auto& d : u->defaulted_inputs)
      out += (markdown ? "- input defaulted: " : "  input defaulted: ") + d + "\n";
  }
  return out;
}

/// `sensitivity` of an application: `[{ "component", "verdict", "rows": [...] }]` (rows as a workload's).
inline void write_json(json_writer& j, const std::vector<analyze::component_sensitivity>& sweeps) {
  j.begin_array();
  for (const auto& s : sweeps) {
    j.begin_object().member("component", s.component).member("verdict", s.report.verdict).key("rows");
    write_json(j, s.report);
    j.end_object();
  }
  j.end_array();
}

/// `uncertainty` of an application: draws, seed, defaulted_inputs, `total` (the placement's cost
/// percentiles, p_feasible and the placement itself) and `components` (`[{ "component", "report" }]`).
inline void write_json(json_writer& j, const analyze::application_uncertainty& u) {
  j.begin_object().member("draws", u.draws).member("seed", u.seed);
  j.key("defaulted_inputs").strings(u.defaulted_inputs);
  detail::cost_percentiles(j.key("total").begin_object(), u, u.p_feasible)
      .member("p_feasible", u.p_feasible)
      .key("placement")
      .begin_object();
  for (const auto& [name, platform] : u.placement) j.member(name, platform);
  j.end_object().end_object().key("components").begin_array();
  for (const auto& [name, report] : u.components) {
    j.begin_object().member("component", name).key("report");
    write_json(j, report);
    j.end_object();
  }
  j.end_array().end_object();
}

}  // namespace runwise::report
