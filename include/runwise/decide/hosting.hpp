// SPDX-License-Identifier: MIT
#pragma once

// The article's follow-up questions, once containers are in play: "selecting hosting (EC2 instances
// or AWS Fargate)" and "what container orchestration service to use (ECS or EKS)". Both are
// answered on the criteria the main choice used, from the options' scores.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../core/result.hpp"
#include "../criteria/concepts.hpp"
#include "../workload/workload.hpp"
#include "cost_gap.hpp"
#include "weights.hpp"

namespace runwise::decide {

}  // namespace runwise::decide

namespace runwise::detail {

inline std::string hosting_label(hosting h) {
  return h == hosting::instances            ? "instances you run"
         : h == hosting::managed_containers ? "hosts the provider runs"
                                            : "functions";
}
inline std::string orchestration_label(orchestration o) {
  return o == orchestration::kubernetes ? "Kubernetes (EKS)"
         : o == orchestration::ecs      ? "ECS"
                                        : "the provider's scheduler";
}

/// "aws_ecs_ec2 on instances you run (0.71) over aws_fargate on hosts the provider runs (0.62):
/// ahead on cost (1 vs 0.39), behind on maintenance (0.38 vs 1)". When `a` is preferred with the
/// lower score, the sentence says why (`b` cannot keep up); when `a` costs more than a `b` that
/// keeps up, by how much a month.
inline std::string compare_pair(const std::string& question, const option_result& a, const std::string& a_label,
                                const option_result& b, const std::string& b_label,
                                std::span<const std::string_view> names, std::span<const double> weights) {
  std::vector<std::pair<double, std::size_t>> diff;
  for (std::size_t j = 0; j < names.size() && j < a.scores.size() && j < b.scores.size(); ++j)
    if (weights[j] > 0) diff.emplace_back(weights[j] * (a.scores[j].second - b.scores[j].second), j);
  std::stable_sort(diff.begin(), diff.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  const auto item = [&](std::size_t j) {
    return std::string(names[j]) + " (" + criteria::rounded(a.scores[j].second) + " vs " +
           criteria::rounded(b.scores[j].second) + ")";
  };
  std::string ahead, behind;
  for (const auto& [d, j] : diff)
    if (d > 1e-3) ahead += (ahead.empty() ? "" : ", ") + item(j);
  for (auto it = diff.rbegin(); it != diff.rend(); ++it)
    if (it->first < -1e-3) behind += (behind.empty() ? "" : ", ") + item(it->second);
  std::string s = question + ": " + a.platform + " on " + a_label + " (" + criteria::rounded(a.score) + ") over " +
                  b.platform + " on " + b_label + " (" + criteria::rounded(b.score) + ")";
  if (a.score < b.score) {
    if (criteria::adequate(b)) {
      s += ", preferred by the decision's ranking although its score is lower";
    } else {
      const double late = b.use.overloaded.value(), throttled = b.use.throttled.value();
      std::string missed = late > 0 ? detail::format_count(late) + " requests late" : std::string();
      if (throttled > 0) missed += (missed.empty() ? "" : ", ") + detail::format_count(throttled) + " throttled";
      s += ", preferred although its score is lower because " + b.platform + " cannot keep up (" + missed + ")";
    }
  }
  if (!ahead.empty()) s += ", ahead on " + ahead;
  if (!behind.empty()) s += (ahead.empty() ? ", " : "; ") + std::string("behind on ") + behind;
  if (criteria::adequate(b))
    if (const std::string more = decide::costs_more_than(a, b); !more.empty()) s += "; it costs " + more;
  return s;
}
}  // namespace runwise::detail

namespace runwise::decide {

/// Among the feasible container options of `ranked` (best first), the best one and, where both
/// sides are present, why its hosting (instances vs managed hosts) and its orchestrator (ECS vs
/// Kubernetes) beat the best option of the other side: the criteria it leads and trails on.
/// nullopt when no container option is feasible.
///
/// ```cpp
/// std::optional<runwise::hosting_advice> h = runwise::decide::advise_hosting(e.options, names, weights);
/// h->platform;   // "aws_ecs_ec2"
/// ```
inline std::optional<hosting_advice> advise_hosting(const std::vector<option_result>& ranked,
                                                    std::span<const std::string_view> names,
                                                    std::span<const double> weights) {
  std::vector<const option_result*> containers;
  for (const auto& o : ranked)
    if (o.feasible && o.kind == platform_kind::containers) containers.push_back(&o);
  if (containers.empty()) return std::nullopt;
  const option_result& best = *containers.front();
  hosting_advice h{best.platform, best.traits.runs_on, best.traits.orchestrator, {}};
  const auto first_other = [&](auto differs) -> const option_result* {
    for (const auto* o : containers)
      if (differs(*o)) return o;
    return nullptr;
  };
  if (const auto* o = first_other([&](const option_result& x) { return x.traits.runs_on != best.traits.runs_on; }))
    h.reasons.push_back(detail::compare_pair("hosting", best, detail::hosting_label(best.traits.runs_on), *o,
                                           detail::hosting_label(o->traits.runs_on), names, weights));
  if (const auto* o =
          first_other([&](const option_result& x) { return x.traits.orchestrator != best.traits.orchestrator; }))
    h.reasons.push_back(detail::compare_pair("orchestration", best, detail::orchestration_label(best.traits.orchestrator),
                                           *o, detail::orchestration_label(o->traits.orchestrator), names, weights));
  return h;
}

/// The same from the ranked options alone, on the criteria they were scored on (their `scores`),
/// weighted as `prefs` says (or by default_weights(w)); criteria without a weight count 0, and if
/// none has one, all count equally. What conclude() stores in `evaluation::hosting`.
///
/// ```cpp
/// auto h = runwise::decide::advise_hosting(e.options, w, runwise::preferences{});
/// ```
inline std::optional<hosting_advice> advise_hosting(const std::vector<option_result>& ranked, const workload& w,
                                                    const preferences& prefs) {
  std::vector<std::string_view> names;
  for (const auto& o : ranked)
    if (o.feasible) {
      for (const auto& [name, score] : o.scores) names.push_back(name);
      break;
    }
  const weight_set ws = prefs.weights.empty() ? default_weights(w) : weight_set{prefs.weights, {}};
  std::vector<double> weights;
  double total = 0;
  for (auto name : names) {
    double x = 0;
    for (const auto& [given, value] : ws.values)
      if (given == name) x = value;
    weights.push_back(x);
    total += x;
  }
  if (total <= 0) weights.assign(names.size(), 1.0);
  return advise_hosting(ranked, names, weights);
}

}  // namespace runwise::decide
