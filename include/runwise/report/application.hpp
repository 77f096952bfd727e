// SPDX-License-Identifier: MIT
#pragma once

// The text and Markdown reports of an application: where each component runs and what it costs
// there, the recommendation with its reasons, every platform hosting everything, and each
// component's own options. No dependencies; returns a string.

#include <cmath>
#include <string>
#include <vector>

#include "../core/detail/format.hpp"
#include "../core/version.hpp"
#include "../evaluate/application_result.hpp"
#include "markdown.hpp"
#include "text.hpp"

namespace runwise::detail {
inline std::string items_of(const cost_breakdown& bill) {
  std::string items;
  for (const auto& item : bill)
    items +=
        (items.empty() ? "" : ", ") + std::string(item.name) + " " + runwise::detail::format_usd(item.amount.value());
  return items;
}
inline std::string total_or_infeasible(const option_result& o) {
  return o.feasible ? runwise::detail::format_usd(o.cost.total().value()) : std::string("infeasible");
}
inline std::string score_of(const option_result& o) {
  return o.feasible ? runwise::detail::format_number(std::round(o.score * 100) / 100) : std::string("-");
}
}  // namespace runwise::detail

namespace runwise::report {

/// The text report of an application, as `runwise evaluate --format text` prints it for a spec with
/// `application`.
///
/// ```cpp
/// std::fputs(runwise::report::text(runwise::evaluate_application(app, platforms)).c_str(), stdout);
/// ```
inline std::string text(const application_evaluation& r) {
  using runwise::detail::format_number;
  using runwise::detail::format_usd;
  const std::string hours = format_number(to_hours(r.horizon)) + " h";
  std::string out = "runwise " + std::string(version) + " | " + runwise::detail::printable(r.application) + " (application of " +
                    std::to_string(r.components.size()) + " components) | " + hours + "\n\n";
  std::vector<std::vector<std::string>> rows{{"component", "trigger", "platform", "kind", "alone", "share"}};
  for (const auto& c : r.components)
    rows.push_back({runwise::detail::printable(c.name), std::string(to_string(c.triggered_by)), c.platform, std::string(to_string(c.kind)),
                    format_usd(c.alone.value()), format_usd(c.share.value())});
  out += detail::table(rows, 4, false) + "\n";
  out += "Recommendation: " + std::string(to_string(r.advice.kind)) + " on " + r.advice.platform + ", " +
         format_usd(r.total.value()) + " over " + hours + "\n";
  for (const auto& why : r.advice.reasons) out += "  - " + why + "\n";

  std::vector<std::vector<std::string>> whole{{"everything on", "kind", "total", "cost items"}};
  for (const auto& o : r.all_on_one) {
    std::string items = o.feasible ? detail::items_of(o.cost) : std::string();
    for (const auto& why : o.infeasible_reasons) items += (items.empty() ? "" : "; ") + why;
    whole.push_back({o.platform, std::string(to_string(o.kind)), detail::total_or_infeasible(o), items});
  }
  out += "\n" + detail::table(whole, 2, true);

  for (const auto& c : r.components) {
    out += "\n" + runwise::detail::printable(c.name) + " alone (its own verdict: " + std::string(to_string(c.own.advice.kind)) + " on " +
           c.own.advice.platform + "):\n";
    std::vector<std::vector<std::string>> own{{"option", "kind", "total", "score", "cost items"}};
    for (const auto& o : c.own.options)
      own.push_back({o.platform, std::string(to_string(o.kind)), detail::total_or_infeasible(o), detail::score_of(o),
                     o.feasible ? detail::items_of(o.cost) : std::string()});
    out += detail::table(own, 2, true);
  }
  return out;
}

/// The Markdown report of an application: the placement as a table, the recommendation and its
/// reasons, the single-platform alternatives, and each component's own options.
///
/// ```cpp
/// std::string md = runwise::report::markdown(runwise::evaluate_application(app, platforms));
/// ```
inline std::string markdown(const application_evaluation& r) {
  using detail::markdown_cell;
  using runwise::detail::format_number;
  using runwise::detail::format_usd;
  std::string out = "## runwise: " + markdown_cell(r.application) + " (application)\n\n" +
                    format_number(to_hours(r.horizon)) + " h, " + std::to_string(r.components.size()) +
                    " components (runwise " + std::string(version) + ")\n\n";
  out += "| component | trigger | platform | kind | alone | share |\n|---|---|---|---|---:|---:|\n";
  for (const auto& c : r.components)
    out += "| " + markdown_cell(c.name) + " | " + std::string(to_string(c.triggered_by)) + " | `" + c.platform +
           "` | " + std::string(to_string(c.kind)) + " | " + format_usd(c.alone.value()) + " | " +
           format_usd(c.share.value()) + " |\n";
  out += "\n**Recommendation:** " + std::string(to_string(r.advice.kind)) + " on `" + r.advice.platform + "`, " +
         format_usd(r.total.value()) + "\n\n";
  for (const auto& why : r.advice.reasons) out += "- " + markdown_cell(why) + "\n";
  out += "\n### Everything on one platform\n\n| platform | kind | total | cost items |\n|---|---|---:|---|\n";
  for (const auto& o : r.all_on_one) {
    std::string items = o.feasible ? detail::items_of(o.cost) : std::string();
    for (const auto& why : o.infeasible_reasons) items += (items.empty() ? "" : "; ") + why;
    out += "| " + markdown_cell(o.platform) + " | " + std::string(to_string(o.kind)) + " | " +
           detail::total_or_infeasible(o) + " | " + markdown_cell(items) + " |\n";
  }
  for (const auto& c : r.components) {
    out += "\n### " + markdown_cell(c.name) + " alone\n\n| option | kind | total | score |\n|---|---|---:|---:|\n";
    for (const auto& o : c.own.options)
      out += "| " + markdown_cell(o.platform) + " | " + std::string(to_string(o.kind)) + " | " +
             detail::total_or_infeasible(o) + " | " + detail::score_of(o) + " |\n";
  }
  return out;
}

}  // namespace runwise::report
