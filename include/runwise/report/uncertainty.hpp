// SPDX-License-Identifier: MIT
#pragma once

// The sensitivity list and the Monte Carlo table as text, Markdown and JSON, to append to an
// evaluation's report. No dependencies.

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "../analyze/sensitivity.hpp"
#include "../analyze/uncertainty_report.hpp"
#include "../core/detail/format.hpp"
#include "json_writer.hpp"
#include "markdown.hpp"
#include "text.hpp"

namespace runwise::detail {
/// A signed relative change as a percentage: -0.0529 → "-5.29%".
inline std::string percent(double x, bool sign = true) {
  char buf[32];
  std::snprintf(buf, sizeof buf, sign ? "%+.2f%%" : "%.1f%%", x * 100);
  return buf;
}
inline std::string verdict_or_none(const std::string& v) { return v.empty() ? "none can run it" : v; }
inline std::string swing_text(const analyze::cost_swing& c) {
  if (!c.low_usd || !c.high_usd) return c.platform + " infeasible at one end";
  const double d = *c.high_usd - *c.low_usd;
  return c.platform + " " + (d < 0 ? "-" : "+") + runwise::detail::format_usd(std::fabs(d));
}
}  // namespace runwise::detail

namespace runwise::report {

/// Rows of the sensitivity list: input, verdict at −x and +x, where it flips, cost swings.
inline std::vector<std::vector<std::string>> sensitivity_rows(const analyze::sensitivity_report& r) {
  std::vector<std::vector<std::string>> rows{{"input", "at -" + detail::percent(r.change, false),
                                              "at +" + detail::percent(r.change, false), "flips at",
                                              "cost swing (high - low), options whose cost moves"}};
  for (const auto& row : r.rows) {
    std::string swings;  // options whose cost does not move (to the cent) are left out; JSON lists all
    for (const auto& c : row.costs)
      if (!c.low_usd || !c.high_usd || runwise::detail::to_cents(c.swing()) != 0)
        swings += (swings.empty() ? "" : ", ") + detail::swing_text(c);
    if (swings.empty()) swings = "no cost moves";
    rows.push_back({row.input, detail::verdict_or_none(row.verdict_low), detail::verdict_or_none(row.verdict_high),
                    row.flips_at ? detail::percent(*row.flips_at) + " -> " + detail::verdict_or_none(row.flips_to)
                                 : std::string("no flip"),
                    swings});
  }
  return rows;
}

/// Rows of the Monte Carlo table: per option p5, p50, p95, mean, P(cheapest), P(recommended).
inline std::vector<std::vector<std::string>> uncertainty_rows(const analyze::uncertainty_report& r) {
  using runwise::detail::format_usd;
  std::vector<std::vector<std::string>> rows{
      {"option", "p5", "p50", "p95", "mean", "P(cheapest)", "P(recommended)", "P(feasible)"}};
  for (const auto& o : r.options) {
    const bool any = o.p_feasible > 0;
    rows.push_back({o.platform, any ? format_usd(o.p5_usd) : "-", any ? format_usd(o.p50_usd) : "-",
                    any ? format_usd(o.p95_usd) : "-", any ? format_usd(o.mean_usd) : "-",
                    detail::percent(o.p_cheapest, false), detail::percent(o.p_recommended, false),
                    detail::percent(o.p_feasible, false)});
  }
  return rows;
}

/// The text sections `runwise evaluate` appends: the ranked sensitivity list and the Monte Carlo
/// table (either may be null).
///
/// ```cpp
/// out += runwise::report::uncertainty_text(&sensitivity, &monte_carlo);
/// ```
inline std::string uncertainty_text(const analyze::sensitivity_report* s, const analyze::uncertainty_report* u) {
  std::string out;
  if (s) {
    out += "\nSensitivity (each input swept by +/-" + detail::percent(s->change, false) +
           "; recommended today: " + detail::verdict_or_none(s->verdict) + "; most decisive first):\n";
    out += detail::table(sensitivity_rows(*s), 4, true);
  }
  if (u) {
    out += "\nUncertainty (" + std::to_string(u->draws) + " Monte Carlo draws, seed " + std::to_string(u->seed) +
           "; cost over the horizon, percentiles over the draws each option could run):\n";
    out += detail::table(uncertainty_rows(*u), 1, false);
    if (!u->defaulted_inputs.empty()) {
      out += "  inputs defaulted (no uncertainty.inputs given):\n";
      for (const auto& d : u->defaulted_inputs) out += "    " + d + "\n";
    }
    if (u->p_no_option > 0)
      out += "  no option could run the workload in " + detail::percent(u->p_no_option, false) + " of the draws\n";
  }
  return out;
}

}  // namespace runwise::report

namespace runwise::detail {
inline std::string markdown_table(const std::vector<std::vector<std::string>>& rows, std::size_t leading_text) {
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out += "|";
    for (const auto& c : rows[r]) {  // appended piece by piece: GCC 12 -O3 warns on " " + s + " |" (-Wrestrict)
      out += ' ';
      out += markdown_cell(c);
      out += " |";
    }
    out += "\n";
    if (r == 0) {
      out += "|";
      for (std::size_t i = 0; i < rows[0].size(); ++i) out += i < leading_text ? " --- |" : " ---: |";
      out += "\n";
    }
  }
  return out;
}
}  // namespace runwise::detail

namespace runwise::report {

/// The same sections in Markdown (two tables), for `--format markdown`.
inline std::string uncertainty_markdown(const analyze::sensitivity_report* s, const analyze::uncertainty_report* u) {
  std::string out;
  if (s) {
    out += "\n## Sensitivity\n\nEach input swept by ±" + detail::percent(s->change, false) + "; recommended today: **" +
           detail::verdict_or_none(s->verdict) + "**; most decisive first.\n\n";
    out += detail::markdown_table(sensitivity_rows(*s), 5);
  }
  if (u) {
    out += "\n## Uncertainty\n\n" + std::to_string(u->draws) + " Monte Carlo draws, seed " + std::to_string(u->seed) +
           "; cost over the horizon.\n\n";
    out += detail::markdown_table(uncertainty_rows(*u), 1);
    if (!u->defaulted_inputs.empty()) {
      out += "\nInputs defaulted (no `uncertainty.inputs` given):\n\n";
      for (const auto& d : u->defaulted_inputs) out += "- " + d + "\n";
    }
  }
  return out;
}

/// `sensitivity`: the ranked list, one object per input.
inline void write_json(json_writer& j, const analyze::sensitivity_report& r) {
  j.begin_array();
  for (const auto& row : r.rows) {
    j.begin_object()
        .member("input", row.input)
        .member("change", row.change)
        .member("verdict_low", row.verdict_low)
        .member("verdict_high", row.verdict_high)
        .member("flips_at", row.flips_at)
        .key("flips_to");
    if (row.flips_at)
      j.value(row.flips_to);
    else
      j.value(nullptr);
    j.key("cost_swing_usd").begin_object();
    for (const auto& c : row.costs)
      j.member(c.platform, c.low_usd && c.high_usd ? std::optional(c.swing()) : std::optional<double>{});
    j.end_object().key("cost_low_usd").begin_object();
    for (const auto& c : row.costs) j.member(c.platform, c.low_usd);
    j.end_object().key("cost_high_usd").begin_object();
    for (const auto& c : row.costs) j.member(c.platform, c.high_usd);
    j.end_object().end_object();
  }
  j.end_array();
}

}  // namespace runwise::report

namespace runwise::detail {
/// The members p5_usd, p50_usd, p95_usd, mean_usd, min_usd and max_usd of a cost distribution
/// (an option's, or an application's total), each null when no draw was feasible.
template <class Costs>
report::json_writer& cost_percentiles(report::json_writer& j, const Costs& c, double p_feasible) {
  auto usd = [&](double x) { return p_feasible > 0 ? std::optional(x) : std::optional<double>{}; };
  return j.member("p5_usd", usd(c.p5_usd))
      .member("p50_usd", usd(c.p50_usd))
      .member("p95_usd", usd(c.p95_usd))
      .member("mean_usd", usd(c.mean_usd))
      .member("min_usd", usd(c.min_usd))
      .member("max_usd", usd(c.max_usd));
}
}  // namespace runwise::detail

namespace runwise::report {

/// `uncertainty`: draws, seed, and per option its percentiles and probabilities.
inline void write_json(json_writer& j, const analyze::uncertainty_report& r) {
  j.begin_object().member("draws", r.draws).member("seed", r.seed).member("p_no_option", r.p_no_option);
  j.key("defaulted_inputs").strings(r.defaulted_inputs);
  j.key("options").begin_array();
  for (const auto& o : r.options) {
    detail::cost_percentiles(j.begin_object().member("platform", o.platform).member("kind", to_string(o.kind)), o,
                             o.p_feasible)
        .member("p_cheapest", o.p_cheapest)
        .member("p_recommended", o.p_recommended)
        .member("p_feasible", o.p_feasible)
        .end_object();
  }
  j.end_array().end_object();
}

}  // namespace runwise::report
