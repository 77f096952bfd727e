// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "../core/usage.hpp"
#include "../pricing/front_door.hpp"
#include "../workload/steady.hpp"
#include "../workload/workload.hpp"
#include "settings.hpp"

namespace runwise {

/// The run-time settings of a platform made of policies: one member per policy, described (for
/// readers, catalogs and validation) as one flat list of settings.
template <class Capacity, class Billing, class FrontDoor>
struct composed_config {
  typename Capacity::config capacity{};
  typename Billing::config billing{};
  typename FrontDoor::config entry{};

  template <class Self, class V>
  static void visit(Self& c, V& v) {
    Billing::config::visit(c.billing, v);
    Capacity::config::visit(c.capacity, v);
    FrontDoor::config::visit(c.entry, v);
  }

  /// Checks every setting against its declared range, then each policy's own rules.
  void validate(const std::string& path) const {
    check_ranges(*this, path);
    if constexpr (requires { billing.validate(path); }) billing.validate(path);
    if constexpr (requires { capacity.validate(path); }) capacity.validate(path);
    // Rules that join two policies' settings (Cloud Run: minimum instances need instance-based billing).
    if constexpr (requires { Billing::validate_with(billing, capacity, path); })
      Billing::validate_with(billing, capacity, path);
  }
};

/// The part every platform composed of policies shares: its policies' names, its config, running the
/// capacity policy and pricing the front door. A platform derives from it and adds its id, kind,
/// limits check, and how its usage is billed (`price`, `quote`).
///
/// ```cpp
/// struct my_functions : runwise::composed_platform<runwise::simulate::function_instances, my_billing, my_limits> {
///   static constexpr std::string_view id = "my_functions";
///   ...
/// };
/// ```
template <class Capacity, class Billing, class Limits, class FrontDoor = pricing::no_front_door>
struct composed_platform {
  using capacity_policy = Capacity;
  using billing_policy = Billing;
  using limits_policy = Limits;
  using front_door_policy = FrontDoor;
  using config = composed_config<Capacity, Billing, FrontDoor>;

  static usage simulate(const workload& w, const config& c) { return Capacity::run(w, c.capacity); }

  /// Tasks a container capacity policy settles on for a steady workload (closed-form quotes).
  static constexpr double steady_task_count(const steady_workload& s, const config& c) requires requires {
    Capacity::steady_tasks(1.0, 1.0, 1.0, c.capacity);
  }
  {
    return Capacity::steady_tasks(s.rate() * s.duration.mean.value() / s.concurrency_per_instance,
                                  s.duration.mean.value(), s.concurrency_per_instance, c.capacity);
  }

  /// The front door's bill for the requests that reached it.
  static cost_breakdown front_door_cost(const workload& w, const usage& u, const config& c) {
    return FrontDoor::bill(c.entry, {.traffic = &w.traffic,
                                     .total = u.arrived,
                                     .horizon = u.horizon,
                                     .payload_kb = w.needs.payload_kb,
                                     .duration = w.duration.mean});
  }
  /// The same for monthly averages (payload at its default of 6 KB unless the steady workload says).
  static constexpr cost_breakdown front_door_quote(const steady_workload& s, const config& c) {
    return FrontDoor::bill(
        c.entry, {.total = s.total(), .horizon = s.horizon, .payload_kb = s.payload_kb, .duration = s.duration.mean});
  }
};

}  // namespace runwise
