// SPDX-License-Identifier: MIT
#pragma once

// AWS Lambda: requests + duration in GB-seconds, each invocation rounded up to the billing
// granularity, duration tiered on the monthly aggregate per architecture, an optional free tier,
// and ephemeral storage above the included 512 MB.

#include <algorithm>
#include <cmath>
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
#include "../../pricing/tiers.hpp"
#include "../../simulate/function_instances.hpp"
#include "../../workload/duration.hpp"
#include "../../workload/steady.hpp"
#include "../../workload/workload.hpp"
#include "front_door.hpp"

namespace runwise::pricing::aws {

inline constexpr source lambda_pricing_page{"https://aws.amazon.com/lambda/pricing/", 'O'};
inline constexpr source lambda_tier_table{
    "https://aws.amazon.com/lambda/pricing/ (tier table as copied by secondary sources)", 'S'};
inline constexpr source lambda_init_blog{
    "https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/", 'O'};
inline constexpr source lambda_1ms_blog{
    "https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/", 'O'};

/// Lambda's price sheet (us-east-1). All fields can be overridden at run time
/// (`"prices": {"per_gb_second": 0.00001667}` in a spec); `fields` lists them for readers and catalogs.
struct lambda_sheet {
  std::string_view as_of;
  double billing_granularity_ms;  ///< each invocation's duration is rounded up to this
  price<requests> per_request;
  // x86_64 duration, tiered on the monthly aggregate GB-s; band sizes in GB-s as AWS lists them
  // ("first 6 billion", "next 9 billion").
  price<gb_seconds> per_gb_second, per_gb_second_tier2, per_gb_second_tier3;
  double tier1_gb_seconds, tier2_gb_seconds;
  // arm64 duration tiers.
  price<gb_seconds> arm64_per_gb_second, arm64_per_gb_second_tier2, arm64_per_gb_second_tier3;
  double arm64_tier1_gb_seconds, arm64_tier2_gb_seconds;
  // Always-free tier per month, shared by both architectures.
  double free_requests, free_gb_seconds;
  price<gb_seconds> ephemeral_per_gb_second;  ///< ephemeral storage above `included_ephemeral_mb`
  double included_ephemeral_mb;
  // Provisioned concurrency: per GB-s configured (while enabled) and per GB-s of duration on it.
  price<gb_seconds> provisioned_per_gb_second, provisioned_duration_per_gb_second;
  price<gb_seconds> arm64_provisioned_per_gb_second, arm64_provisioned_duration_per_gb_second;
  double provisioned_increment_s;  ///< time enabled is rounded up to this
  double init_billed;              ///< 1 when cold-start INIT time is billed, 0 when it is free

  /// Calls `v(name, value&, unit, source)` for every field, in catalog order.
  template <class Self, class V>
  static constexpr void fields(Self& s, V&& v) {
    v("billing_granularity_ms", s.billing_granularity_ms, "ms", lambda_1ms_blog);
    v("per_request", s.per_request.usd_per_unit, "USD per request", lambda_pricing_page);
    v("per_gb_second", s.per_gb_second.usd_per_unit, "USD per GB-s (x86_64, first tier)", lambda_tier_table);
    v("per_gb_second_tier2", s.per_gb_second_tier2.usd_per_unit, "USD per GB-s (x86_64, second tier)",
      lambda_tier_table);
    v("per_gb_second_tier3", s.per_gb_second_tier3.usd_per_unit, "USD per GB-s (x86_64, third tier)",
      lambda_tier_table);
    v("tier1_gb_seconds", s.tier1_gb_seconds, "GB-s per month in the x86_64 first tier", lambda_tier_table);
    v("tier2_gb_seconds", s.tier2_gb_seconds, "GB-s per month in the x86_64 second tier", lambda_tier_table);
    v("arm64_per_gb_second", s.arm64_per_gb_second.usd_per_unit, "USD per GB-s (arm64, first tier)", lambda_tier_table);
    v("arm64_per_gb_second_tier2", s.arm64_per_gb_second_tier2.usd_per_unit, "USD per GB-s (arm64, second tier)",
      lambda_tier_table);
    v("arm64_per_gb_second_tier3", s.arm64_per_gb_second_tier3.usd_per_unit, "USD per GB-s (arm64, third tier)",
      lambda_tier_table);
    v("arm64_tier1_gb_seconds", s.arm64_tier1_gb_seconds, "GB-s per month in the arm64 first tier", lambda_tier_table);
    v("arm64_tier2_gb_seconds", s.arm64_tier2_gb_seconds, "GB-s per month in the arm64 second tier", lambda_tier_table);
    v("free_requests", s.free_requests, "requests per month (free tier)", lambda_pricing_page);
    v("free_gb_seconds", s.free_gb_seconds, "GB-s per month (free tier)", lambda_pricing_page);
    v("ephemeral_per_gb_second", s.ephemeral_per_gb_second.usd_per_unit, "USD per GB-s of ephemeral storage",
      lambda_tier_table);
    v("included_ephemeral_mb", s.included_ephemeral_mb, "MB of ephemeral storage included", lambda_pricing_page);
    v("provisioned_per_gb_second", s.provisioned_per_gb_second.usd_per_unit,
      "USD per GB-s of provisioned concurrency configured (x86_64)", lambda_tier_table);
    v("provisioned_duration_per_gb_second", s.provisioned_duration_per_gb_second.usd_per_unit,
      "USD per GB-s of duration on provisioned concurrency (x86_64)", lambda_tier_table);
    v("arm64_provisioned_per_gb_second", s.arm64_provisioned_per_gb_second.usd_per_unit,
      "USD per GB-s of provisioned concurrency configured (arm64)", lambda_tier_table);
    v("arm64_provisioned_duration_per_gb_second", s.arm64_provisioned_duration_per_gb_second.usd_per_unit,
      "USD per GB-s of duration on provisioned concurrency (arm64)", lambda_tier_table);
    v("provisioned_increment_s", s.provisioned_increment_s, "s: time enabled is rounded up to this",
      lambda_pricing_page);
    v("init_billed", s.init_billed, "1 if INIT (cold-start) time is billed, 0 if not", lambda_init_blog);
  }
};

/// The list prices in force, us-east-1. Values: docs/pricing.md (AWS Lambda), checked 2026-11-26.
inline namespace prices_2026_11 {
inline constexpr lambda_sheet lambda_prices{
    .as_of = "2026-11-26",
    .billing_granularity_ms = 1,  // 1 ms since 2020-12-01 (AWS News Blog, 2020-12-01)
    .per_request = {0.20 / 1e6},  // $0.20 per million requests
    // x86_64: $0.0000166667 first 6 B GB-s, $0.000015 next 9 B, $0.0000133334 over 15 B.
    .per_gb_second = {0.0000166667},
    .per_gb_second_tier2 = {0.000015},
    .per_gb_second_tier3 = {0.0000133334},
    .tier1_gb_seconds = 6e9,
    .tier2_gb_seconds = 9e9,
    // arm64: $0.0000133334 first 7.5 B GB-s, $0.0000120001 next 11.25 B, $0.0000106667 over 18.75 B.
    .arm64_per_gb_second = {0.0000133334},
    .arm64_per_gb_second_tier2 = {0.0000120001},
    .arm64_per_gb_second_tier3 = {0.0000106667},
    .arm64_tier1_gb_seconds = 7.5e9,
    .arm64_tier2_gb_seconds = 11.25e9,
    // Always free: 1 M requests and 400,000 GB-s per month.
    .free_requests = 1e6,
    .free_gb_seconds = 400'000,
    // $0.0000000309 per GB-s above the included 512 MB.
    .ephemeral_per_gb_second = {0.0000000309},
    .included_ephemeral_mb = 512,
    // Provisioned concurrency: x86 $0.0000041667 per GB-s configured + $0.0000097222 per GB-s of
    // duration; arm64 $0.0000033334 + $0.0000077778 (S); billed from enable to disable, rounded up
    // to 5 minutes (O).
    .provisioned_per_gb_second = {0.0000041667},
    .provisioned_duration_per_gb_second = {0.0000097222},
    .arm64_provisioned_per_gb_second = {0.0000033334},
    .arm64_provisioned_duration_per_gb_second = {0.0000077778},
    .provisioned_increment_s = 300,
    .init_billed = 1,  // INIT is billed for all runtimes since 2025-08-01 (AWS Compute Blog, O)
};
}  // namespace prices_2026_11

/// Before 2020-12-01: 100 ms rounding, and the single duration price of the archived pricing-page
/// examples ($0.00001667 per GB-s). Tiers and arm64 did not exist yet; the bounds are left at the
/// 2026 values so that no realistic workload reaches them.
namespace prices_2020_11 {
inline constexpr lambda_sheet lambda_prices = [] {
  lambda_sheet s = prices_2026_11::lambda_prices;
  s.as_of = "2020-11-30";
  s.billing_granularity_ms = 100;
  s.init_billed = 0;  // INIT of ZIP functions on managed runtimes was not billed then
  s.per_gb_second = s.per_gb_second_tier2 = s.per_gb_second_tier3 = {0.00001667};
  return s;
}();
}  // namespace prices_2020_11

/// Lambda's billing formula. A policy type: `bill` is constexpr, so a monthly quote can be checked
/// with static_assert.
///
/// ```cpp
/// using namespace runwise;
/// pricing::aws::lambda_billing::config c{.free_tier = true};
/// c.prices.per_gb_second = {0.00001667};
/// auto bill = pricing::aws::lambda_billing::bill(c, {.invocations = requests{3e6},
///     .duration = {milliseconds(1000)}, .memory = megabytes{512}, .horizon = hours(730)});
/// // bill["requests"] == $0.40, bill["compute"] == $18.34 (AWS's archived pricing example)
/// ```
struct lambda_billing {
  struct config {
    architecture arch = architecture::x86_64;
    bool free_tier = false;  ///< the free tier is per account: off unless this workload may use it
    double ephemeral_storage_mb = 512;
    lambda_sheet prices = lambda_prices;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.choice("arch", c.arch, architecture_names);
      v.flag("free_tier", c.free_tier);
      v.number("billing_granularity_ms", c.prices.billing_granularity_ms, 0.001, 60'000, " ms");
      v.number("ephemeral_storage_mb", c.ephemeral_storage_mb, 512, 10'240, " MB");
      v.sheet("prices", c.prices);
    }

    /// Lambda has rounded to 100 ms (before 2020-12-01) and to 1 ms (since): nothing else.
    void validate(const std::string& path) const {
      if (prices.billing_granularity_ms != 1 && prices.billing_granularity_ms != 100)
        fail_input(path + ".billing_granularity_ms", "must be 1 (since December 2020) or 100 (before), got " +
                                                         detail::format_number(prices.billing_granularity_ms));
    }
  };

  /// What is billed: served invocations (those on provisioned instances among them), their duration,
  /// the configured memory, cold starts and their INIT time, the provisioned level, the horizon.
  struct input {
    requests invocations{};
    duration_model duration{};
    megabytes memory{128};
    seconds horizon = hours(730);
    requests cold_starts{};
    seconds init{};                ///< INIT time per cold start, billed at the on-demand rate
    double provisioned_level = 0;  ///< instances of provisioned concurrency, enabled all horizon
    requests provisioned_invocations{};
  };

  static constexpr cost_breakdown bill(const config& c, const input& in) {
    const lambda_sheet& p = c.prices;
    const bool arm = c.arch == architecture::arm64;
    const double months = to_hours(in.horizon) / 730.0;  // free tier and tiers reset monthly
    const seconds billed_each = in.duration.expected_billed(milliseconds(p.billing_granularity_ms));
    const bool provisioned = in.provisioned_level > 0;
    // "The free tier does not apply to functions with Provisioned Concurrency" (pricing page, O).
    const bool free = c.free_tier && !provisioned;

    const requests free_req{free ? p.free_requests * months : 0.0};
    const requests paid_req{detail::max(0.0, (in.invocations - free_req).value())};

    const double on_demand = detail::max(0.0, (in.invocations - in.provisioned_invocations).value());
    const double duration_gb_s = (in.memory * (billed_each * on_demand)).value();
    const seconds init_each{detail::round_up_to(in.init.value() * p.init_billed, p.billing_granularity_ms / 1000.0)};
    const double init_gb_s = (in.memory * (init_each * in.cold_starts.value())).value();
    const double paid_gb_s = detail::max(0.0, duration_gb_s + init_gb_s - (free ? p.free_gb_seconds * months : 0.0));
    const tier tiers[] = {
        {arm ? p.arm64_tier1_gb_seconds : p.tier1_gb_seconds,
         (arm ? p.arm64_per_gb_second : p.per_gb_second).usd_per_unit},
        {arm ? p.arm64_tier1_gb_seconds + p.arm64_tier2_gb_seconds : p.tier1_gb_seconds + p.tier2_gb_seconds,
         (arm ? p.arm64_per_gb_second_tier2 : p.per_gb_second_tier2).usd_per_unit},
        {0, (arm ? p.arm64_per_gb_second_tier3 : p.per_gb_second_tier3).usd_per_unit}};
    const double on_demand_cost = tiered_cost(paid_gb_s, tiers, months);
    const double init_share = duration_gb_s + init_gb_s > 0 ? init_gb_s / (duration_gb_s + init_gb_s) : 0.0;

    cost_breakdown b;
    b.add("requests", paid_req * p.per_request);
    const double list = tiers[0].usd_per_unit;
    const usd compute{on_demand_cost * (1 - init_share)}, init{on_demand_cost * init_share};
    b.add("compute", compute, blended(paid_gb_s * (1 - init_share), "GB-s", compute, list));
    if (init_gb_s > 0) b.add("init", init, blended(paid_gb_s * init_share, "GB-s", init, list));
    if (provisioned) {
      const seconds enabled{detail::round_up_to(in.horizon.value(), p.provisioned_increment_s)};
      b.add("provisioned_concurrency", (in.memory * enabled) * in.provisioned_level *
                                           (arm ? p.arm64_provisioned_per_gb_second : p.provisioned_per_gb_second));
      b.add("provisioned_compute",
            (in.memory * (billed_each * in.provisioned_invocations.value())) *
                (arm ? p.arm64_provisioned_duration_per_gb_second : p.provisioned_duration_per_gb_second));
    }
    if (c.ephemeral_storage_mb > p.included_ephemeral_mb)
      b.add("ephemeral_storage", megabytes{c.ephemeral_storage_mb - p.included_ephemeral_mb} *
                                     (billed_each * in.invocations.value()) * p.ephemeral_per_gb_second);
    return b;
  }
};

}  // namespace runwise::pricing::aws

namespace runwise::criteria {

/// AWS Lambda's quotas (AWS Lambda Developer Guide, "Lambda quotas",
/// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, seen 2026-11-26).
struct aws_lambda_limits {
  static constexpr double max_duration_s = 900;       // "15 min max duration"
  static constexpr double max_memory_mb = 10'240;     // "Memory 128–10,240 MB"
  static constexpr double max_payload_kb = 6 * 1024;  // "6 MB synchronous payload"

  static void check(const workload& w, std::vector<std::string>& reasons) {
    if (w.duration.mean.value() > max_duration_s)
      reasons.push_back("a request runs " + detail::format_number(w.duration.mean.value()) +
                        " s on average; Lambda stops every invocation at 15 minutes");
    if (w.memory.value() > max_memory_mb)
      reasons.push_back("needs " + detail::format_number(w.memory.value()) + " MB; Lambda offers at most 10,240 MB");
    if (w.needs.payload_kb > max_payload_kb)
      reasons.push_back("payloads of " + detail::format_number(w.needs.payload_kb) +
                        " KB exceed Lambda's 6 MB synchronous limit");
    // Lambda offers no GPUs (docs/pricing.md, GPUs: S).
    if (w.needs.gpu) reasons.push_back("needs a GPU; Lambda offers none");
    if (w.needs.custom_os) reasons.push_back("needs its own OS or kernel; Lambda runs on an AWS-managed Amazon Linux");
  }
};

}  // namespace runwise::criteria

namespace runwise {

/// AWS Lambda as runwise models it: the per-step function-instance model (capacity), Lambda's
/// billing formula and dated price sheet (pricing), and Lambda's quotas (limits).
///
/// ```cpp
/// runwise::aws_lambda::config c;
/// c.billing.arch = runwise::pricing::architecture::arm64;
/// c.billing.free_tier = true;
/// auto bill = runwise::aws_lambda::quote({.requests_per_month = 3e6, .duration = {runwise::milliseconds(120)}}, c);
/// ```
struct aws_lambda : composed_platform<simulate::function_instances, pricing::aws::lambda_billing,
                                      criteria::aws_lambda_limits, pricing::aws::aws_front_door<true>> {
  static constexpr std::string_view id = "aws_lambda";
  static constexpr platform_kind kind = platform_kind::serverless;
  /// Managed functions: AWS patches and scales everything; no image, kernel or GPU of your own, no
  /// process beyond 15 minutes, no state or connection kept between invocations by design.
  /// A managed runtime with none of the container capabilities; locally the AWS SAM CLI's
  /// `sam local invoke` / `start-api` (AWS SAM Developer Guide, "Locally testing with sam local")
  /// or LocalStack emulate it and some of its event sources.
  static constexpr platform_traits traits{.runs_on = hosting::functions,
                                          .local_emulator = "AWS SAM CLI (sam local) or LocalStack"};

  // check_limits: composed_platform's, aws_lambda_limits::check (the limits need no setting).

  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    cost_breakdown bill = billing_policy::bill(c.billing, {.invocations = u.served,
                                                           .duration = w.duration,
                                                           .memory = billed_memory(w.memory),
                                                           .horizon = u.horizon,
                                                           .cold_starts = u.cold_starts,
                                                           .init = w.init,
                                                           .provisioned_level = u.provisioned_instances,
                                                           .provisioned_invocations = u.provisioned_served});
    bill.add(front_door_cost(w, u, c));
    return bill;
  }

  /// Closed form from monthly averages: no cold starts (a steady rate keeps instances warm);
  /// provisioned instances serve min(λ·E[d], level) / (λ·E[d]) of the requests.
  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    const double busy = s.rate() * s.duration.mean.value();
    const double level = detail::floor(c.capacity.provisioned_concurrency);
    const double on_provisioned = busy > 0 ? detail::min(busy, level) / busy : 0.0;
    cost_breakdown bill = billing_policy::bill(c.billing, {.invocations = s.total(),
                                                           .duration = s.duration,
                                                           .memory = billed_memory(s.memory),
                                                           .horizon = s.horizon,
                                                           .provisioned_level = level,
                                                           .provisioned_invocations = s.total() * on_provisioned});
    bill.add(front_door_quote(s, c));
    return bill;
  }

  /// Lambda bills the configured memory, 128 MB at least (Lambda quotas: 128–10,240 MB).
  static constexpr megabytes billed_memory(megabytes m) noexcept { return megabytes{detail::max(128.0, m.value())}; }
};

}  // namespace runwise
