// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../criteria/azure_limits.hpp"
#include "../pricing/azure/functions.hpp"
#include "../simulate/function_instances.hpp"
#include "../workload/steady.hpp"
#include "composed.hpp"
#include "kind.hpp"
#include "traits.hpp"

namespace runwise {

namespace simulate {
/// The per-step function-instance model (simulate::function_instances) with Azure's defaults.
///
/// - keep_alive_s = 1,200: Microsoft documents no keep-alive for the Consumption plan. 20 minutes is
///   the fixed keep-alive that Azure Functions used when its 2019 trace was recorded (M. Shahrad et
///   al., "Serverless in the Wild", USENIX ATC 2020, §4) and what users still report; an assumption:
///   override it with what you observe.
/// - concurrency_limit and scale_out_per_10s = 10,000,000 (no throttling): Azure publishes no
///   per-execution concurrency quota for Consumption; its instance cap (200 Windows / 100 Linux,
///   functions-limits.md) counts hosts that each run several executions at once, which this model
///   does not represent. Set them to model a limit you know.
///
/// ```cpp
/// runwise::simulate::azure_function_instances::config c;   // keep_alive_s == 1200
/// ```
struct azure_function_instances {
  struct config : function_instances::config {
    constexpr config() noexcept
        : function_instances::config{.keep_alive_s = 1200, .concurrency_limit = 1e7, .scale_out_per_10s = 1e7} {}
  };
  static usage run(const workload& w, const config& c) { return function_instances::run(w, c); }
};
}  // namespace simulate

/// Azure Functions (Consumption, or Flex Consumption with `plan`) as runwise models it: the per-step
/// function-instance model with Azure's keep-alive (capacity), executions + GB-s with 128 MB and
/// 100 ms minimums (pricing), and the Consumption plan's limits (1,536 MB, 10 minutes).
///
/// ```cpp
/// runwise::azure_functions::config c;
/// c.billing.free_tier = true;
/// auto bill = runwise::azure_functions::quote({.requests_per_month = 3e6, .duration = {runwise::milliseconds(50)},
///                                              .memory = runwise::megabytes{160}}, c);
/// ```
struct azure_functions : composed_platform<simulate::azure_function_instances, pricing::azure::functions_billing,
                                           criteria::azure_functions_limits> {
  static constexpr std::string_view id = "azure_functions";
  static constexpr platform_kind kind = platform_kind::serverless;
  /// Managed functions on the Consumption plans: Microsoft's runtime (no image of your own; custom
  /// containers need a Premium or Dedicated plan, which runwise does not model), executions capped
  /// at 10 minutes. Locally, Azure Functions Core Tools (`func start`) run the host and Azurite
  /// emulates the storage it needs ("Develop Azure Functions locally using Core Tools").
  static constexpr platform_traits traits{
      .runs_on = hosting::functions, .local_emulator = "Azure Functions Core Tools with the Azurite storage emulator"};

  static void check_limits(const workload& w, const config& c, std::vector<std::string>& reasons) {
    limits_policy::check(w, c.billing.plan, reasons);
  }

  /// Served executions are billed; throttled ones are not. Azure bills no INIT time separately (the
  /// pricing page lists executions and GB-s only), so cold starts cost nothing extra here.
  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    cost_breakdown bill = billing_policy::bill(
        c.billing, {.executions = u.served, .duration = w.duration, .memory = w.memory, .horizon = u.horizon});
    bill.add(front_door_cost(w, u, c));
    return bill;
  }

  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    cost_breakdown bill = billing_policy::bill(
        c.billing, {.executions = s.total(), .duration = s.duration, .memory = s.memory, .horizon = s.horizon});
    bill.add(front_door_quote(s, c));
    return bill;
  }
};

}  // namespace runwise
