// SPDX-License-Identifier: MIT
#pragma once

// The reasons behind an application's placement, in the order a reader checks them: the verdict,
// each component's part and what it would cost on its own, what sharing saved, what the naive
// per-component placement would cost, and the article's hybrid pattern when it arises.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "../core/detail/format.hpp"
#include "../criteria/concepts.hpp"
#include "../platform/shared_costs.hpp"
#include "application_result.hpp"

namespace runwise::detail {

/// "a", "a and b", "a, b and c".
inline std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

/// What a shared line item is, for a sentence.
inline std::string shared_item_phrase(std::string_view item) {
  if (item == "control_plane") return "the EKS control plane";
  if (item == "alb_hours") return "one load balancer's hours (one listener rule per component)";
  return "the operations effort of running one platform";
}

/// Fills `r.advice` from the placement. `cost_of(platform, mask)` prices the components in bit set
/// `mask` together on `platform` (infinity when one cannot run there).
template <class CostOf>
void advise_application(application_evaluation& r, CostOf&& cost_of) {
  const std::string over = " over " + format_number(to_hours(r.horizon)) + " h";
  bool serverless = false, containers = false;
  std::string where, ids;
  for (const auto& g : r.groups) {
    (g.kind == platform_kind::serverless ? serverless : containers) = true;
    ids += (ids.empty() ? "" : "+") + g.platform;
  }
  for (const auto& c : r.components)
    where += (where.empty() ? "" : ", ") + c.name + " on " + c.platform + " (" + std::string(to_string(c.kind)) + ")";
  r.advice.kind = serverless && containers ? choice::hybrid : serverless ? choice::serverless : choice::containers;
  r.advice.platform = ids;
  r.advice.reasons.clear();
  r.advice.reasons.push_back(std::string(to_string(r.advice.kind)) + ": " + where + ", " + format_usd(r.total.value()) +
                             over +
                             ": the least total cost of any placement in which every component runs, components on "
                             "one platform priced together (their shared fixed costs once)");

  auto mask_of = [&](const platform_group& g) {
    std::uint32_t mask = 0;
    for (std::size_t i = 0; i < r.components.size(); ++i)
      if (r.components[i].platform == g.platform) mask |= std::uint32_t{1} << i;
    return mask;
  };
  for (std::size_t i = 0; i < r.components.size(); ++i) {
    const placed_component& c = r.components[i];
    std::string s = c.name + " -> " + c.platform + " (" + std::string(to_string(c.kind)) +
                    "): " + format_usd(c.share.value()) + " of the " + format_usd(r.total.value()) + " total";
    for (const auto& g : r.groups)
      if (g.platform == c.platform && g.components.size() > 1) {
        const std::uint32_t mask = mask_of(g);
        const double marginal = g.bill.total().value() - cost_of(g.platform, mask & ~(std::uint32_t{1} << i));
        s += " (it adds " + format_usd(marginal) + " to " + g.platform + "'s bill)";
      }
    const bool keeps_up = std::any_of(c.own.options.begin(), c.own.options.end(), criteria::adequate);
    const option_result* cheapest = nullptr;  // alone, among the options that keep up (if any does)
    for (const auto& o : c.own.options)
      if (o.feasible && (criteria::adequate(o) || !keeps_up) && (!cheapest || o.cost.total() < cheapest->cost.total()))
        cheapest = &o;
    if (cheapest && cheapest->platform != c.platform)
      s += "; on its own it would be cheapest on " + cheapest->platform + " (" +
           format_usd(cheapest->cost.total().value()) + ", against " + format_usd(c.alone.value()) + " on " +
           c.platform + " alone)";
    else if (cheapest)
      s += "; " + c.platform + " is also its cheapest platform on its own";
    s += "; its own criteria verdict: " + std::string(to_string(c.own.advice.kind)) + " on " + c.own.advice.platform;
    r.advice.reasons.push_back(std::move(s));
    for (const auto& o : c.own.options)
      if (keeps_up && o.feasible && !criteria::adequate(o))
        r.advice.reasons.push_back(c.name + " is not placed on " + o.platform + ", which serves only " +
                                   format_number(std::floor(criteria::on_time_share(o) * 1000) / 10) +
                                   "% of its requests on time (" + format_usd(o.cost.total().value()) + ")");
  }

  for (const auto& g : r.groups) {
    if (g.components.size() < 2) continue;
    const std::string names = join_names(g.components);
    for (const auto& item : shared_line_items)
      if (const double paid = g.bill[item.text()].value(); paid > 0) {
        int having = 0;
        for (const auto& c : r.components)
          if (c.platform == g.platform)
            for (const auto& o : c.own.options)
              if (o.platform == g.platform && o.cost[item.text()].value() > 0) ++having;
        if (having > 1)
          r.advice.reasons.push_back(shared_item_phrase(item.text()) + " (" + format_usd(paid) + ") is paid once for " +
                                     names + " on " + g.platform);
      }
    double own_instances = 0;
    for (const auto& c : r.components)
      if (c.platform == g.platform)
        for (const auto& o : c.own.options)
          if (o.platform == g.platform) own_instances += o.cost["instances"].value();
    const double instances = g.bill["instances"].value();
    if (own_instances - instances > 0.005)
      r.advice.reasons.push_back(names + " share " + g.platform + "'s nodes: their tasks packed together cost " +
                                 format_usd(instances) + " of instances instead of " + format_usd(own_instances) +
                                 " on separate nodes");
  }

  std::string greedy;
  bool same = true;
  for (std::size_t i = 0; i < r.components.size(); ++i) {
    greedy += (greedy.empty() ? "" : ", ") + r.components[i].name + " -> " + r.greedy_platforms[i];
    same = same && r.greedy_platforms[i] == r.components[i].platform;
  }
  const double saved = r.greedy_total.value() - r.total.value();
  if (!same && saved > 0.005)
    r.advice.reasons.push_back("placing each component on its own cheapest platform (" + greedy + ") would cost " +
                               format_usd(r.greedy_total.value()) + "; placing them together saves " +
                               format_usd(saved));
  else if (r.components.size() > 1)
    r.advice.reasons.push_back("each component is also on its own cheapest platform (" + greedy + ")");

  // The article's pattern: an event-triggered side task of a containerised system runs as a function.
  const platform_group* cluster = nullptr;
  for (const auto& g : r.groups)
    if (g.kind == platform_kind::containers && (!cluster || g.components.size() > cluster->components.size()))
      cluster = &g;
  for (std::size_t i = 0; cluster && i < r.components.size(); ++i) {
    const placed_component& c = r.components[i];
    if (c.triggered_by == trigger::http || c.kind != platform_kind::serverless) continue;
    const std::uint32_t mask = mask_of(*cluster);
    const double beside = cost_of(cluster->platform, mask | std::uint32_t{1} << i) - cluster->bill.total().value();
    const std::string how(to_string(c.triggered_by));
    std::string s = c.name + (how[0] == 'e' ? " is an " : " is a ") + how + "-triggered side task of " +
                    join_names(cluster->components) + " on " + cluster->platform + ": as a function it costs " +
                    format_usd(c.alone.value());
    s += std::isinf(beside) ? std::string(", and it cannot run on ") + cluster->platform
                            : ", against " + format_usd(beside) + " more on " + cluster->platform + " beside them";
    s += " — the article's hybrid pattern: ancillary tasks triggered by events move to functions, which keeps the "
         "containerised setup simpler";
    r.advice.reasons.push_back(std::move(s));
  }
}

}  // namespace runwise::detail
