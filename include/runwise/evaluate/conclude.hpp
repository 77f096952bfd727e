// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "../analyze/break_even.hpp"
#include "../decide/concepts.hpp"
#include "../workload/workload.hpp"
#include "result.hpp"

namespace runwise {

/// The step every evaluation ends with, whether its platforms were chosen at compile time
/// (evaluator<>) or at run time (the registry): run each option, let decision policy `D` rank them
/// and advise, and find where each serverless option and each container option cost the same.
///
/// `run(i, w)` evaluates the i-th option (0 <= i < count) on workload `w`.
template <decision_policy D, class Run>
evaluation conclude(const workload& w, std::size_t count, Run&& run) {
  evaluation e;
  e.workload = w.name;
  e.horizon = w.traffic.horizon();
  for (std::size_t i = 0; i < count; ++i) e.options.push_back(run(i, w));
  std::vector<std::pair<std::string, std::size_t>> index_of;  // platform id → its runner
  for (std::size_t i = 0; i < count; ++i) index_of.emplace_back(e.options[i].platform, i);
  e.advice = D::decide(e.options, decision_context{e.horizon});

  const double months = to_hours(e.horizon) / 730.0;
  const double per_month = w.traffic.total().value() / months;
  auto runner = [&](const std::string& id) {
    for (const auto& [name, i] : index_of)
      if (name == id) return i;
    return count;
  };
  for (const auto& s : e.options) {
    if (!s.feasible || s.kind != platform_kind::serverless) continue;
    for (const auto& c : e.options) {
      if (!c.feasible || c.kind != platform_kind::containers) continue;
      break_even_point p{s.platform, c.platform, std::nullopt};
      if (per_month > 0) {
        const std::size_t si = runner(s.platform), ci = runner(c.platform);
        auto difference = [&](double k) {
          workload scaled = w;
          scaled.traffic = w.traffic.scaled(k);
          return (run(si, scaled).cost.total() - run(ci, scaled).cost.total()).value();
        };
        if (auto k = analyze::break_even_scale(difference)) p.requests_per_month = *k * per_month;
      }
      e.break_even.push_back(std::move(p));
    }
  }
  return e;
}

}  // namespace runwise
