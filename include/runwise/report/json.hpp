// SPDX-License-Identifier: MIT
#pragma once

// the CLI's `evaluate --format json` document, written by the library with no dependency.

#include <cmath>
#include <string>
#include <vector>

#include "../core/kind.hpp"
#include "../core/result.hpp"
#include "../core/usage.hpp"
#include "json_writer.hpp"

namespace runwise::report {

/// What a capacity policy measured, as the object `usage` of an option.
inline void write_json(json_writer& j, const usage& u) {
  double launches = 0;  // container tasks started (each bills at least Fargate's minimum)
  for (const auto& r : u.runs) launches += r.tasks;
  // Counts of things that happen are whole numbers; a model of expected traffic finds expected
  // (fractional) values, given beside them under names that say so.
  const auto whole = [](double x) { return std::round(x); };
  j.begin_object()
      .member("arrived", whole(u.arrived.value()))
      .member("served", whole(u.served.value()))
      .member("throttled", whole(u.throttled.value()))
      .member("overloaded", whole(u.overloaded.value()))
      .member("cold_starts", whole(u.cold_starts.value()))
      .member("cold_start_rate", u.cold_start_rate())
      .member("peak_instances", u.peak_instances)
      .member("mean_instances", u.mean_instances)
      .member("mean_busy_instances", u.mean_busy_instances)
      .member("idle_capacity_share", u.idle_capacity_share)
      .member("task_launches", whole(launches))
      .member("expected_served", u.served.value())
      .member("expected_throttled", u.throttled.value())
      .member("expected_overloaded", u.overloaded.value())
      .member("expected_cold_starts", u.cold_starts.value())
      .member("expected_task_launches", launches)
      .end_object();
}

/// One option: platform, kind, feasibility, bill (null when infeasible), criterion scores and
/// their evidence, the aggregate score, and the usage it was priced from.
inline void write_json(json_writer& j, const option_result& o) {
  j.begin_object()
      .member("platform", o.platform)
      .member("kind", to_string(o.kind))
      .member("feasible", o.feasible)
      .key("infeasible_reasons")
      .strings(o.infeasible_reasons)
      .key("cost");
  if (o.feasible) {
    j.begin_object().member("total_usd", o.cost.total().value()).key("items").begin_object();
    for (const auto& item : o.cost) j.member(item.name, item.amount.value());
    j.end_object().key("lines").begin_array();
    for (const auto& l : o.cost) {
      j.begin_object().member("name", l.name).member("usd", l.amount.value());
      if (l.unit.empty())
        j.key("quantity").value(nullptr).key("unit").value(nullptr).key("unit_price_usd").value(nullptr);
      else
        j.member("quantity", l.quantity).member("unit", l.unit).member("unit_price_usd", l.unit_price);
      j.end_object();
    }
    j.end_array().end_object();
  } else {
    j.value(nullptr);
  }
  j.key("scores").begin_object();
  for (const auto& [name, value] : o.scores) j.member(name, value);
  j.end_object().member("score", o.score).key("evidence").begin_object();
  for (const auto& [name, sentence] : o.evidence) j.member(name, sentence);
  j.end_object();
  if (o.feasible) write_json(j.key("usage"), o.use);
  j.end_object();
}

/// The recommendation: choice, platform, reasons, and the hosting advice when there is one.
inline void write_json(json_writer& j, const recommendation& r, const std::optional<hosting_advice>& hosting) {
  j.begin_object().member("choice", to_string(r.kind)).member("platform", r.platform).key("reasons").strings(r.reasons);
  if (hosting)
    j.key("hosting")
        .begin_object()
        .member("platform", hosting->platform)
        .member("hosting", to_string(hosting->runs_on))
        .member("orchestrator", to_string(hosting->orchestrator))
        .key("reasons")
        .strings(hosting->reasons)
        .end_object();
  j.end_object();
}

/// The break-even list: one object per serverless/container pair (null where the costs never cross).
inline void write_json(json_writer& j, const std::vector<break_even_point>& points) {
  j.begin_array();
  for (const auto& b : points) {
    j.begin_object()
        .member("serverless", b.serverless)
        .member("containers", b.containers)
        .member("requests_per_month", b.requests_per_month)
        .member("duty_cycle", b.duty_cycle)
        .key("reason");
    if (b.reason.empty())
      j.value(nullptr);
    else
      j.value(b.reason);
    j.member("limit_requests_per_month", b.limit_requests_per_month).end_object();
  }
  j.end_array();
}

/// Writes the members of the CLI's evaluation document into an open object, so that callers
/// can add members of their own after them.
inline void write_members(json_writer& j, const evaluation& e) {
  j.member("workload", e.workload).member("horizon_hours", to_hours(e.horizon)).key("options").begin_array();
  for (const auto& o : e.options) write_json(j, o);
  j.end_array();
  write_json(j.key("recommendation"), e.advice, e.hosting);
  write_json(j.key("break_even"), e.break_even);
  j.key("notes").strings(e.notes);
}

/// the CLI's `evaluate --format json` document: workload, horizon_hours, options (ranked),
/// recommendation (with hosting advice), break_even, notes (how inputs were read; defaults that
/// decide the answer) and `warnings` (e.g. stale price sheets).
///
/// ```cpp
/// std::string text = runwise::report::json(runwise::evaluator<runwise::aws_lambda>{}.evaluate(w));
/// ```
inline std::string json(const evaluation& e, const std::vector<std::string>& warnings = {}) {
  json_writer j;
  j.begin_object();
  write_members(j, e);
  j.key("warnings").strings(warnings).end_object();
  return std::move(j).str();
}

}  // namespace runwise::report
