// SPDX-License-Identifier: MIT
#pragma once

// The Markdown report: the options as a GitHub-flavoured table, the recommendation with its
// reasons, and the break-even points — for pull requests and wikis. No dependencies.

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "../core/detail/format.hpp"
#include "../core/result.hpp"
#include "../core/version.hpp"

namespace runwise::detail {
/// Text safe inside a Markdown table cell: `|` escaped, line breaks as spaces, other control
/// characters as "\xNN".
inline std::string markdown_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else if (runwise::detail::is_control(c))
      out += runwise::detail::escaped_control(c);
    else
      out += c;
  }
  return out;
}
}  // namespace runwise::detail

namespace runwise::report {

/// The Markdown report of an evaluation, as `runwise evaluate --format markdown` prints it: a
/// heading, one table row per option (ranked as the evaluation ranks them), the recommendation and
/// its reasons as a list, and a break-even table when there are serverless and container options.
///
/// ```cpp
/// std::string md = runwise::report::markdown(ev.evaluate(w));   // "## runwise: orders-api ..."
/// ```
inline std::string markdown(const evaluation& e) {
  using detail::markdown_cell;
  using runwise::detail::format_count;
  using runwise::detail::format_number;
  using runwise::detail::format_usd;
  double arrived = 0;
  for (const auto& o : e.options) arrived = std::max(arrived, o.use.arrived.value());
  std::string out = "## runwise: " + markdown_cell(e.workload) + "\n\n" + format_number(to_hours(e.horizon)) + " h, " +
                    format_count(arrived) + " requests (runwise " + std::string(version) + ")\n\n";
  for (const auto& n : e.notes) out += "> **Note:** " + markdown_cell(n) + "\n\n";
  out += "| option | kind | total | score | cold starts | overloaded | cost items |\n";
  out += "|---|---|---:|---:|---:|---:|---|\n";
  for (const auto& o : e.options) {
    std::string items;
    if (o.feasible) {
      for (const auto& item : o.cost)
        items += (items.empty() ? "" : ", ") + std::string(item.name) + " " + format_usd(item.amount.value());
    } else {
      for (const auto& r : o.infeasible_reasons) items += (items.empty() ? "" : "; ") + r;
    }
    out += "| " + markdown_cell(o.platform) + " | " + std::string(to_string(o.kind)) + " | " +
           (o.feasible ? format_usd(o.cost.total().value()) : std::string("infeasible")) + " | " +
           (o.feasible ? runwise::detail::format_score(o.score) : std::string("-")) + " | " +
           (o.feasible ? format_count(o.use.cold_starts.value()) : std::string("-")) + " | " +
           (o.feasible ? format_count(o.use.overloaded.value()) : std::string("-")) + " | " + markdown_cell(items) +
           " |\n";
  }
  out += "\n### Bill lines\n\n| option | item | amount | quantity | unit | unit price |\n|---|---|---:|---:|---|---:|\n";
  for (const auto& o : e.options) {
    if (!o.feasible) continue;
    for (const auto& l : o.cost)
      out += "| " + markdown_cell(o.platform) + " | " + std::string(l.name) + " | " + format_usd(l.amount.value()) +
             " | " + (l.unit.empty() ? "-" : runwise::detail::format_quantity(l.quantity)) + " | " +
             (l.unit.empty() ? "-" : std::string(l.unit)) + " | " +
             (l.unit.empty() ? "-" : runwise::detail::format_unit_price(l.unit_price)) + " |\n";
  }
  out += "\n**Recommendation:** " + std::string(to_string(e.advice.kind)) + " on `" + e.advice.platform + "`\n\n";
  for (const auto& r : e.advice.reasons) out += "- " + r + "\n";
  if (!e.break_even.empty()) {
    out += "\n### Break-even\n\nMonthly requests at which both cost the same (same traffic shape), where both "
           "keep up:\n\n";
    out += "| serverless | containers | requests per month | duty cycle | why none |\n|---|---|---:|---:|---|\n";
    for (const auto& b : e.break_even)
      out += "| " + markdown_cell(b.serverless) + " | " + markdown_cell(b.containers) + " | " +
             (b.requests_per_month           ? format_count(*b.requests_per_month)
              : b.limit_requests_per_month ? std::string("none while both keep up")
                                           : std::string("never")) +
             " | " +
             (!b.duty_cycle        ? std::string("-")
              : *b.duty_cycle <= 1 ? format_number(std::round(*b.duty_cycle * 1000) / 10) + "%"
                                   : std::string("none (over 100%)")) +
             " | " + markdown_cell(b.reason) + " |\n";
  }
  return out;
}

}  // namespace runwise::report
