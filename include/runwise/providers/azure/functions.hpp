// SPDX-License-Identifier: MIT
#pragma once

// Azure Functions: executions + resource consumption in GB-seconds, each execution's memory rounded
// up to the next 128 MB and its time rounded up to 1 ms with a 100 ms minimum, a monthly free grant
// (Consumption); Flex Consumption as a second plan at its own two prices.

#include <string>
#include <string_view>
#include <vector>

#include "../../core/choices.hpp"
#include "../../core/cost.hpp"
#include "../../core/detail/check.hpp"
#include "../../core/detail/format.hpp"
#include "../../core/kind.hpp"
#include "../../core/traits.hpp"
#include "../../core/units.hpp"
#include "../../platform/composed.hpp"
#include "../../pricing/sheet.hpp"
#include "../../simulate/function_instances.hpp"
#include "../../workload/duration.hpp"
#include "../../workload/steady.hpp"
#include "../../workload/workload.hpp"

namespace runwise::pricing::azure {

inline constexpr source functions_pricing_page{"https://azure.microsoft.com/en-us/pricing/details/functions/", 'S'};
inline constexpr source functions_pricing_page_grant{
    "https://azure.microsoft.com/en-us/pricing/details/functions/ (monthly free grant)", 'O'};
inline constexpr source functions_billing_rules{
    "https://azure.microsoft.com/en-us/pricing/details/functions/ (memory rounded up to 128 MB, time to 1 ms, "
    "minimum 100 ms and 128 MB per execution)",
    'O'};

/// The hosting plans runwise prices. Flex Consumption bills execution time on its instances, whose
/// memory is 2,048 or 4,096 MB ("instanceMemoryMB: supported values are 2048, 4096", Azure SDK
/// reference, FunctionFlexConsumptionResourceConfiguration, seen 2026-11-26), at docs/pricing.md's two
/// rates. runwise bills each execution's time at the instance's memory — an upper bound, since
/// executions that share an instance share its time — with Consumption's rounding; always-ready
/// instances and Flex's own free grant are not in docs/pricing.md (the grant is a field, 0 by default).
enum class functions_plan { consumption, flex };
inline constexpr choice_table<functions_plan, 2> functions_plan_names{
    {{"consumption", functions_plan::consumption}, {"flex", functions_plan::flex}}};

/// Azure Functions' price sheet (tier-1 regions, USD). Every field can be overridden at run time
/// (`"prices": {"per_gb_second": 0.000016}` in a spec).
struct functions_sheet {
  std::string_view as_of;
  price<requests> per_execution;  ///< Consumption
  price<gb_seconds> per_gb_second;
  double free_executions, free_gb_seconds;  ///< Consumption's monthly free grant
  price<requests> flex_per_execution;       ///< Flex Consumption, on-demand
  price<gb_seconds> flex_per_gb_second;
  double flex_free_executions, flex_free_gb_seconds;  ///< not in docs/pricing.md: 0 unless you supply it
  double billing_granularity_ms, minimum_billed_ms;   ///< per execution
  double memory_step_mb;                              ///< memory is rounded up to a multiple of this

  template <class Self, class V>
  static constexpr void fields(Self& s, V&& v) {
    v("per_execution", s.per_execution.usd_per_unit, "USD per execution (Consumption)", functions_pricing_page);
    v("per_gb_second", s.per_gb_second.usd_per_unit, "USD per GB-s (Consumption)", functions_pricing_page);
    v("free_executions", s.free_executions, "executions per month (Consumption free grant)",
      functions_pricing_page_grant);
    v("free_gb_seconds", s.free_gb_seconds, "GB-s per month (Consumption free grant)", functions_pricing_page_grant);
    v("flex_per_execution", s.flex_per_execution.usd_per_unit, "USD per execution (Flex Consumption)",
      functions_pricing_page);
    v("flex_per_gb_second", s.flex_per_gb_second.usd_per_unit, "USD per GB-s (Flex Consumption)",
      functions_pricing_page);
    v("flex_free_executions", s.flex_free_executions, "executions per month (Flex free grant; no published figure found)",
      source{"no published figure found: supply your own", 'U'});
    v("flex_free_gb_seconds", s.flex_free_gb_seconds, "GB-s per month (Flex free grant; no published figure found)",
      source{"no published figure found: supply your own", 'U'});
    v("billing_granularity_ms", s.billing_granularity_ms, "ms: each execution's time is rounded up to this",
      functions_billing_rules);
    v("minimum_billed_ms", s.minimum_billed_ms, "ms billed at least per execution", functions_billing_rules);
    v("memory_step_mb", s.memory_step_mb, "MB: memory is rounded up to a multiple of this (128 MB at least)",
      functions_billing_rules);
  }
};

/// The list prices in force. Values: docs/pricing.md (Azure), checked 2026-11-26.
inline namespace prices_2026_11 {
inline constexpr functions_sheet functions_prices{
    .as_of = "2026-11-26",
    .per_execution = {0.20 / 1e6},  // $0.20 per million executions (S)
    .per_gb_second = {0.000016},    // $0.000016 per GB-s (S)
    .free_executions = 1e6,         // free grant: 1 M executions and 400,000 GB-s per month (O)
    .free_gb_seconds = 400'000,
    .flex_per_execution = {0.40 / 1e6},  // Flex Consumption: $0.40 per million (S)
    .flex_per_gb_second = {0.000026},    // Flex Consumption: $0.000026 per GB-s (S)
    .flex_free_executions = 0,           // not in docs/pricing.md
    .flex_free_gb_seconds = 0,
    .billing_granularity_ms = 1,  // "time rounded up to 1 ms; minimum 100 ms ... per execution" (O)
    .minimum_billed_ms = 100,
    .memory_step_mb = 128,  // "memory rounded up to the next 128 MB" (O)
};
}  // namespace prices_2026_11

/// Azure Functions' billing formula (a policy type; `bill` is constexpr).
///
/// ```cpp
/// using namespace runwise;
/// auto bill = pricing::azure::functions_billing::bill({}, {.executions = requests{1e6},
///     .duration = {milliseconds(50)}, .memory = megabytes{160}, .horizon = hours(730)});
/// // 160 MB bills as 256 MB, 50 ms as 100 ms: 1 M × 0.1 s × 0.25 GB × $0.000016 = $0.40, + $0.20
/// ```
struct functions_billing {
  struct config {
    functions_plan plan = functions_plan::consumption;
    bool free_tier = false;            ///< the free grant is per subscription: off unless this workload may use it
    double instance_memory_mb = 2048;  ///< Flex Consumption: the instance size billed (2048 or 4096)
    functions_sheet prices = functions_prices;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.choice("plan", c.plan, functions_plan_names);
      v.flag("free_tier", c.free_tier);
      v.number("instance_memory_mb", c.instance_memory_mb, 2048, 4096, " MB");
      v.sheet("prices", c.prices);
    }

    /// The rounding steps must be positive (a zero step would divide by zero).
    void validate(const std::string& path) const {
      if (!(prices.billing_granularity_ms > 0))
        fail_input(path + ".prices.billing_granularity_ms", "must be greater than 0");
      if (!(prices.memory_step_mb > 0)) fail_input(path + ".prices.memory_step_mb", "must be greater than 0");
      if (instance_memory_mb != 2048 && instance_memory_mb != 4096)
        fail_input(path + ".instance_memory_mb", "must be 2048 or 4096 (the Flex Consumption instance sizes), got " +
                                                     detail::format_number(instance_memory_mb));
    }
  };

  /// What is billed: executions, their duration, the memory they need, the horizon.
  struct input {
    requests executions{};
    duration_model duration{};
    megabytes memory{128};
    seconds horizon = hours(730);
  };

  /// Memory as billed: rounded up to the next multiple of the step (128 MB), and at least one step.
  static constexpr megabytes billed_memory(const functions_sheet& p, megabytes m) noexcept {
    return megabytes{detail::max(p.memory_step_mb, detail::round_up_to(m.value(), p.memory_step_mb))};
  }

  /// Expected billed time per execution: each rounded up to 1 ms, at least 100 ms.
  static constexpr seconds billed_time(const functions_sheet& p, const duration_model& d) {
    return d.expected_billed(milliseconds(p.billing_granularity_ms), milliseconds(p.minimum_billed_ms));
  }

  static constexpr cost_breakdown bill(const config& c, const input& in) {
    const functions_sheet& p = c.prices;
    const bool flex = c.plan == functions_plan::flex;
    const double months = to_hours(in.horizon) / 730.0;  // the free grant is monthly
    const double free_exec = c.free_tier ? (flex ? p.flex_free_executions : p.free_executions) * months : 0.0;
    const double free_gb_s = c.free_tier ? (flex ? p.flex_free_gb_seconds : p.free_gb_seconds) * months : 0.0;
    const megabytes memory = flex ? megabytes{detail::max(c.instance_memory_mb, billed_memory(p, in.memory).value())}
                                  : billed_memory(p, in.memory);
    const double gb_s = (memory * (billed_time(p, in.duration) * in.executions.value())).value();

    cost_breakdown b;
    b.add("executions", requests{detail::max(0.0, in.executions.value() - free_exec)} *
                            (flex ? p.flex_per_execution : p.per_execution));
    b.add("compute", gb_seconds{detail::max(0.0, gb_s - free_gb_s)} * (flex ? p.flex_per_gb_second : p.per_gb_second));
    return b;
  }
};

}  // namespace runwise::pricing::azure

namespace runwise::criteria {

/// Azure Functions' limits per plan (Azure Functions documentation, "Function app timeout duration"
/// and the service limits table: https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/functions-limits.md,
/// .../includes/functions-timeout-duration.md, seen 2026-11-26):
/// Consumption runs an execution for 5 minutes by default and 10 minutes at most, with at most
/// 1.5 GB of memory per instance (at most 1,536 MB: docs/pricing.md, O). Flex Consumption has no enforced
/// maximum execution time (same table) and larger instance memory sizes, which runwise does not model.
struct azure_functions_limits {
  static constexpr double consumption_max_duration_s = 600;  // "Consumption plan: default 5, maximum 10" (minutes)
  static constexpr double consumption_max_memory_mb = 1536;  // docs/pricing.md, O

  static void check(const workload& w, pricing::azure::functions_plan plan, std::vector<std::string>& reasons) {
    if (plan == pricing::azure::functions_plan::consumption) {
      if (w.duration.mean.value() > consumption_max_duration_s)
        reasons.push_back("a request runs " + detail::format_number(w.duration.mean.value()) +
                          " s on average; the Consumption plan stops every execution at 10 minutes");
      if (w.memory.value() > consumption_max_memory_mb)
        reasons.push_back("needs " + detail::format_number(w.memory.value()) +
                          " MB; the Consumption plan offers at most 1,536 MB");
    }
    // Azure Functions on Consumption offers no GPUs (docs/pricing.md, S); no source says anything of
    // Flex GPUs, so runwise cannot price one there either.
    if (w.needs.gpu) reasons.push_back("needs a GPU; Azure Functions offers none on its consumption plans");
    if (w.needs.custom_os)
      reasons.push_back("needs its own OS or kernel; Azure Functions runs code on a Microsoft-managed host");
  }
};

}  // namespace runwise::criteria

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
