// SPDX-License-Identifier: MIT
#pragma once

// the CLI's `evaluate --format json` document for an application of several components.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../evaluate/application_result.hpp"
#include "json.hpp"
#include "json_writer.hpp"

namespace runwise::report {

/// One entry of `components`: the component's name, trigger and placement, and its own evaluation
/// (options, recommendation, break_even) as the CLI's single-workload document has them.
inline void write_json(json_writer& j, const placed_component& c) {
  j.begin_object()
      .member("name", c.name)
      .member("trigger", to_string(c.triggered_by))
      .member("platform", c.platform)
      .member("kind", to_string(c.kind))
      .member("alone_usd", c.alone.value())
      .member("share_usd", c.share.value())
      .key("options")
      .begin_array();
  for (const auto& o : c.own.options) write_json(j, o);
  j.end_array();
  write_json(j.key("recommendation"), c.own.advice, c.own.hosting);
  write_json(j.key("break_even"), c.own.break_even);
  j.end_object();
}

/// The application's recommendation: choice, platform (ids joined by "+"), reasons, the assignment
/// (component → platform), its cost (shared fixed costs once) with the items summed over the
/// platforms, what sharing saved, the per-component greedy placement and its cost, and the groups.
inline void write_recommendation(json_writer& j, const application_evaluation& r) {
  j.begin_object()
      .member("choice", to_string(r.advice.kind))
      .member("platform", r.advice.platform)
      .key("reasons")
      .strings(r.advice.reasons)
      .key("assignment")
      .begin_object();
  for (const auto& c : r.components) j.member(c.name, c.platform);
  j.end_object().member("total_usd", r.total.value());
  std::vector<std::pair<std::string_view, double>> items;  // over every group; names may repeat across platforms
  for (const auto& g : r.groups)
    for (const auto& item : g.bill) {
      auto at = items.begin();
      while (at != items.end() && at->first != item.name) ++at;
      if (at == items.end())
        items.emplace_back(item.name, item.amount.value());
      else
        at->second += item.amount.value();
    }
  j.key("cost").begin_object().member("total_usd", r.total.value()).key("items").begin_object();
  for (const auto& [name, amount] : items) j.member(name, amount);
  j.end_object().end_object();
  j.member("shared_usd", r.shared.value()).member("greedy_total_usd", r.greedy_total.value());
  j.key("greedy_assignment").begin_object();
  for (std::size_t i = 0; i < r.components.size(); ++i) j.member(r.components[i].name, r.greedy_platforms[i]);
  j.end_object().key("groups").begin_array();
  for (const auto& g : r.groups) {
    j.begin_object()
        .member("platform", g.platform)
        .member("kind", to_string(g.kind))
        .key("components")
        .strings(g.components)
        .key("cost")
        .begin_object()
        .member("total_usd", g.bill.total().value())
        .key("items")
        .begin_object();
    for (const auto& item : g.bill) j.member(item.name, item.amount.value());
    j.end_object().end_object().member("separately_usd", g.separately.value()).end_object();
  }
  j.end_array().end_object();
}

/// The members of the CLI's document for an application: `workload` (the application's name), `horizon_hours`,
/// `options` (every platform hosting every component, cheapest first), `components` (each with its
/// own options, recommendation and break-even, and where the placement runs it), `recommendation`
/// (see write_recommendation), `break_even` (empty: it is per component) and `warnings`.
///
/// ```cpp
/// j.begin_object(); runwise::report::write_members(j, r); j.end_object();
/// ```
inline void write_members(json_writer& j, const application_evaluation& r,
                          const std::vector<std::string>& warnings = {}) {
  j.member("workload", r.application).member("horizon_hours", to_hours(r.horizon)).key("options").begin_array();
  for (const auto& o : r.all_on_one) write_json(j, o);
  j.end_array().key("components").begin_array();
  for (const auto& c : r.components) write_json(j, c);
  j.end_array();
  write_recommendation(j.key("recommendation"), r);
  j.key("break_even").begin_array().end_array().key("warnings").strings(warnings);
}

/// The application's report as one JSON object (write_members inside braces).
inline std::string json(const application_evaluation& r, const std::vector<std::string>& warnings = {}) {
  json_writer j;
  j.begin_object();
  write_members(j, r, warnings);
  j.end_object();
  return std::move(j).str();
}

}  // namespace runwise::report
