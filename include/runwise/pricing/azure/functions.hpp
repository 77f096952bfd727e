// SPDX-License-Identifier: MIT
#pragma once

// Azure Functions: executions + resource consumption in GB-seconds, each execution's memory rounded
// up to the next 128 MB and its time rounded up to 1 ms with a 100 ms minimum, a monthly free grant
// (Consumption); Flex Consumption as a second plan at its own two prices.

#include <string>
#include <string_view>

#include "../../detail/check.hpp"
#include "../../units.hpp"
#include "../../workload/duration.hpp"
#include "../choices.hpp"
#include "../cost.hpp"
#include "../sheet.hpp"

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
/// reference, FunctionFlexConsumptionResourceConfiguration, seen 2026-11-26), at PRICES.md's two
/// rates. runwise bills each execution's time at the instance's memory — an upper bound, since
/// executions that share an instance share its time — with Consumption's rounding; always-ready
/// instances and Flex's own free grant are not in PRICES.md (the grant is a field, 0 by default).
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
  double flex_free_executions, flex_free_gb_seconds;  ///< not in PRICES.md: 0 unless you supply it
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
    v("flex_free_executions", s.flex_free_executions, "executions per month (Flex free grant; not in PRICES.md)",
      source{"not in PRICES.md: supply your own", 'U'});
    v("flex_free_gb_seconds", s.flex_free_gb_seconds, "GB-s per month (Flex free grant; not in PRICES.md)",
      source{"not in PRICES.md: supply your own", 'U'});
    v("billing_granularity_ms", s.billing_granularity_ms, "ms: each execution's time is rounded up to this",
      functions_billing_rules);
    v("minimum_billed_ms", s.minimum_billed_ms, "ms billed at least per execution", functions_billing_rules);
    v("memory_step_mb", s.memory_step_mb, "MB: memory is rounded up to a multiple of this (128 MB at least)",
      functions_billing_rules);
  }
};

/// The list prices in force. Values: PRICES.md (Azure), checked 2026-11-26.
inline namespace prices_2026_11 {
inline constexpr functions_sheet functions_prices{
    .as_of = "2026-11-26",
    .per_execution = {0.20 / 1e6},  // $0.20 per million executions (S)
    .per_gb_second = {0.000016},    // $0.000016 per GB-s (S)
    .free_executions = 1e6,         // free grant: 1 M executions and 400,000 GB-s per month (O)
    .free_gb_seconds = 400'000,
    .flex_per_execution = {0.40 / 1e6},  // Flex Consumption: $0.40 per million (S)
    .flex_per_gb_second = {0.000026},    // Flex Consumption: $0.000026 per GB-s (S)
    .flex_free_executions = 0,           // not in PRICES.md
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
