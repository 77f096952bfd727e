// SPDX-License-Identifier: MIT
#pragma once

// An application of several components, and what runwise concludes about it.

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../core/choices.hpp"
#include "../core/detail/format.hpp"
#include "../core/error.hpp"
#include "../core/result.hpp"
#include "../decide/placement.hpp"
#include "../workload/workload.hpp"

namespace runwise {

/// What starts a component's work. HTTP requests arrive through the platform's front door (API
/// Gateway, ALB, ...); the others invoke the compute directly (a queue's or an event bus's
/// integration, a schedule, an object-storage notification) and pay no front door.
enum class trigger { http, queue, event, timer, storage };

/// The spec names: "http", "queue", "event", "timer", "storage".
inline constexpr pricing::choice_table<trigger, 5> trigger_names{{{"http", trigger::http},
                                                                  {"queue", trigger::queue},
                                                                  {"event", trigger::event},
                                                                  {"timer", trigger::timer},
                                                                  {"storage", trigger::storage}}};

/// The spec name of `t`.
///
/// ```cpp
/// static_assert(runwise::to_string(runwise::trigger::event) == "event");
/// ```
inline constexpr std::string_view to_string(trigger t) noexcept { return pricing::name_of(trigger_names, t); }

/// One component of an application: a workload and what triggers it.
///
/// ```cpp
/// runwise::component resize{.work = resize_workload, .triggered_by = runwise::trigger::storage};
/// ```
struct component {
  workload work;
  trigger triggered_by = trigger::http;
};

/// Several components deployed together: a containerised system and its side tasks, an API and its
/// workers. Component names (their workloads' names) are unique; all share one horizon.
///
/// ```cpp
/// runwise::application shop{.name = "shop", .components = {{api}, {resize, runwise::trigger::event}}};
/// shop.validate();
/// ```
struct application {
  std::string name = "application";
  std::vector<component> components;

  /// Throws runwise::error naming `path.components...` for no components, more than
  /// decide::max_components, a repeated name, different horizons, or a bad workload field.
  void validate(const std::string& path = "application") const {
    const std::string list = path + ".components";
    if (components.empty()) fail_input(list, "must list at least one component");
    if (components.size() > decide::max_components)
      fail_input(list, "has " + std::to_string(components.size()) + " components; runwise places at most " +
                           std::to_string(decide::max_components) +
                           " (the placement is exact over every grouping, and their number grows as 3^n)");
    for (std::size_t i = 0; i < components.size(); ++i) {
      const std::string at = list + "[" + std::to_string(i) + "]";
      const workload& w = components[i].work;
      w.validate(at);
      if (pricing::name_of(trigger_names, components[i].triggered_by).empty())
        fail_input(at + ".trigger", "is not one of http, queue, event, timer, storage");
      for (std::size_t j = 0; j < i; ++j)
        if (components[j].work.name == w.name)
          fail_input(at + ".name", "\"" + w.name + "\" is already the name of components[" + std::to_string(j) +
                                       "]; each component needs its own name");
      const double h = to_hours(w.traffic.horizon()), first = to_hours(components[0].work.traffic.horizon());
      if (std::fabs(h - first) > 1e-9 * first)
        fail_input(at + ".traffic", "covers " + detail::format_number(h) + " h, components[0] " +
                                        detail::format_number(first) + " h; every component needs the same horizon");
    }
  }
};

/// One component's part of the answer: its own evaluation and where the placement puts it.
struct placed_component {
  std::string name;
  trigger triggered_by = trigger::http;
  evaluation own;        ///< the component alone on every platform: options, verdict, break-even
  std::string platform;  ///< where the application's placement runs it
  platform_kind kind = platform_kind::serverless;
  usd alone{};  ///< its own bill on that platform
  usd share{};  ///< its part of the total: its group's bill split in proportion to the members' own bills
};

/// The components one platform runs in the placement, and their bill priced together.
struct platform_group {
  std::string platform;
  platform_kind kind = platform_kind::serverless;
  std::vector<std::string> components;
  cost_breakdown bill;  ///< shared fixed costs counted once
  usd separately{};     ///< the sum of the members' own bills on this platform
};

/// Everything runwise concluded about an application.
///
/// ```cpp
/// for (const auto& c : r.components) std::printf("%s -> %s\n", c.name.c_str(), c.platform.c_str());
/// r.total;          // the placement's cost, shared fixed costs once
/// r.greedy_total;   // each component on its own cheapest platform
/// ```
struct application_evaluation {
  std::string application;
  seconds horizon{};
  std::vector<placed_component> components;  ///< in the application's order
  std::vector<platform_group> groups;        ///< the placement, one entry per platform it uses
  /// Each platform hosting every component, priced together (score: the components' mean), cheapest
  /// first; infeasible when some component cannot run there (its reasons name the component).
  std::vector<option_result> all_on_one;
  recommendation advice;  ///< choice (hybrid when both kinds are used), platform ids joined by "+", reasons
  usd total{};            ///< the placement's cost over the horizon
  usd shared{};           ///< what counting shared fixed costs once saves: Σ own bills − total
  usd greedy_total{};     ///< cost of placing each component on its own cheapest platform
  std::vector<std::string> greedy_platforms;  ///< that placement, per component

  /// Component name → platform, in the application's order.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> assignment() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& c : components) out.emplace_back(c.name, c.platform);
    return out;
  }
};

}  // namespace runwise
