// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

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

/// A platform's hard limits when it has none: every workload fits.
struct no_limits {};

/// The part every platform composed of policies shares: its policies' names, its config, running the
/// capacity policy, its limits check and pricing the front door. A platform derives from it and adds
/// its id, kind, and how its usage is billed (`price`, `quote`); where its limits depend on its
/// settings it writes its own `check_limits` (which hides this one).
///
/// ```cpp
/// struct my_functions : runwise::composed_platform<runwise::simulate::function_instances, my_billing, my_limits> {
///   static constexpr std::string_view id = "my_functions";
///   ...
/// };
/// ```
template <class Capacity, class Billing, class Limits = no_limits, class FrontDoor = pricing::no_front_door>
struct composed_platform {
  using capacity_policy = Capacity;
  using billing_policy = Billing;
  using limits_policy = Limits;
  using front_door_policy = FrontDoor;
  using config = composed_config<Capacity, Billing, FrontDoor>;

  static usage simulate(const workload& w, const config& c) { return Capacity::run(w, c.capacity); }

  /// Why the platform cannot run `w`: `Limits::check(w, reasons)`, where the limits policy has one
  /// that needs only the workload (no_limits has none: every workload fits).
  static void check_limits(const workload& w, const config&, std::vector<std::string>& reasons) {
    if constexpr (requires { Limits::check(w, reasons); }) Limits::check(w, reasons);
  }

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
