// SPDX-License-Identifier: MIT
#pragma once

// CONTRACT.md's `evaluate --format json` document.

#include <nlohmann/json.hpp>

#include <runwise/all.hpp>

namespace runwise_cli {

inline nlohmann::json usage_json(const runwise::usage& u) {
  double launches = 0;  // container tasks started (each bills at least Fargate's minimum)
  for (const auto& r : u.runs) launches += r.tasks;
  return {{"arrived", u.arrived.value()},
          {"served", u.served.value()},
          {"throttled", u.throttled.value()},
          {"overloaded", u.overloaded.value()},
          {"cold_starts", u.cold_starts.value()},
          {"cold_start_rate", u.cold_start_rate()},
          {"peak_instances", u.peak_instances},
          {"mean_instances", u.mean_instances},
          {"idle_capacity_share", u.idle_capacity_share},
          {"task_launches", launches}};
}

inline nlohmann::json option_json(const runwise::option_result& o) {
  nlohmann::json items = nlohmann::json::object();
  for (const auto& item : o.cost) items[std::string(item.name)] = item.amount.value();
  nlohmann::json scores = nlohmann::json::object();
  for (const auto& [name, value] : o.scores) scores[std::string(name)] = value;
  nlohmann::json evidence = nlohmann::json::object();
  for (const auto& [name, sentence] : o.evidence) evidence[std::string(name)] = sentence;
  nlohmann::json j{{"platform", o.platform},
                   {"kind", runwise::to_string(o.kind)},
                   {"feasible", o.feasible},
                   {"infeasible_reasons", o.infeasible_reasons},
                   {"cost", o.feasible ? nlohmann::json{{"total_usd", o.cost.total().value()}, {"items", items}}
                                       : nlohmann::json(nullptr)},
                   {"scores", scores},
                   {"score", o.score},
                   {"evidence", evidence}};
  if (o.feasible) j["usage"] = usage_json(o.use);
  return j;
}

inline nlohmann::json evaluation_json(const runwise::evaluation& e, const std::vector<std::string>& warnings) {
  nlohmann::json options = nlohmann::json::array();
  for (const auto& o : e.options) options.push_back(option_json(o));
  nlohmann::json break_even = nlohmann::json::array();
  for (const auto& b : e.break_even)
    break_even.push_back(
        {{"serverless", b.serverless},
         {"containers", b.containers},
         {"requests_per_month", b.requests_per_month ? nlohmann::json(*b.requests_per_month) : nlohmann::json(nullptr)},
         {"duty_cycle", b.duty_cycle ? nlohmann::json(*b.duty_cycle) : nlohmann::json(nullptr)}});
  nlohmann::json recommendation{
      {"choice", runwise::to_string(e.advice.kind)}, {"platform", e.advice.platform}, {"reasons", e.advice.reasons}};
  if (e.hosting)
    recommendation["hosting"] = {{"platform", e.hosting->platform},
                                 {"hosting", runwise::to_string(e.hosting->runs_on)},
                                 {"orchestrator", runwise::to_string(e.hosting->orchestrator)},
                                 {"reasons", e.hosting->reasons}};
  return {{"workload", e.workload},   {"horizon_hours", runwise::to_hours(e.horizon)},
          {"options", options},       {"recommendation", recommendation},
          {"break_even", break_even}, {"warnings", warnings}};
}

}  // namespace runwise_cli
