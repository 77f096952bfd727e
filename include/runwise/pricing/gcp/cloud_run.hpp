// SPDX-License-Identifier: MIT
#pragma once

// Google Cloud Run services: vCPU-seconds and GiB-seconds of billable instance time (rounded up to
// 100 ms), plus requests under request-based billing; instance-based billing bills each instance's
// whole life at lower rates and no request fee.

#include <string>
#include <string_view>

#include "../../detail/check.hpp"
#include "../../units.hpp"
#include "../choices.hpp"
#include "../cost.hpp"
#include "../sheet.hpp"

namespace runwise::pricing::gcp {

inline constexpr source cloud_run_pricing_page{"https://cloud.google.com/run/pricing", 'O'};
inline constexpr source cloud_run_pricing_secondary{
    "https://cloud.google.com/run/pricing (as cited by secondary sources)", 'S'};
inline constexpr source not_in_prices_md{"not in PRICES.md: supply your own", 'U'};

/// Cloud Run's two billing settings ("Billing settings for services"): request-based bills instance
/// time only while requests are in flight, plus a fee per request; instance-based bills instances
/// for their whole life, with no request fee.
enum class cloud_run_billing_mode { request_based, instance_based };
inline constexpr choice_table<cloud_run_billing_mode, 2> cloud_run_billing_names{
    {{"request", cloud_run_billing_mode::request_based}, {"instance", cloud_run_billing_mode::instance_based}}};

/// Cloud Run's price sheet (tier 1 regions, USD). Every field can be overridden at run time.
struct cloud_run_sheet {
  std::string_view as_of;
  // Request-based billing.
  price<vcpu_seconds> per_vcpu_second;
  price<gb_seconds> per_gib_second;  ///< Google's GiB = 1024 MiB, the same unit runwise calls GB
  price<requests> per_request;
  double free_vcpu_seconds, free_gib_seconds, free_requests;  ///< per month, request-based
  // Instance-based billing.
  price<vcpu_seconds> instance_per_vcpu_second;
  price<gb_seconds> instance_per_gib_second;
  double instance_free_vcpu_seconds, instance_free_gib_seconds;  ///< not in PRICES.md: 0 unless supplied
  double billing_granularity_ms;                                 ///< billable instance time rounded up to this

  template <class Self, class V>
  static constexpr void fields(Self& s, V&& v) {
    v("per_vcpu_second", s.per_vcpu_second.usd_per_unit, "USD per vCPU-s (request-based)", cloud_run_pricing_page);
    v("per_gib_second", s.per_gib_second.usd_per_unit, "USD per GiB-s (request-based)", cloud_run_pricing_secondary);
    v("per_request", s.per_request.usd_per_unit, "USD per request (request-based)", cloud_run_pricing_secondary);
    v("free_vcpu_seconds", s.free_vcpu_seconds, "vCPU-s per month (request-based free tier)", cloud_run_pricing_page);
    v("free_gib_seconds", s.free_gib_seconds, "GiB-s per month (request-based free tier)", cloud_run_pricing_page);
    v("free_requests", s.free_requests, "requests per month (request-based free tier)", cloud_run_pricing_page);
    v("instance_per_vcpu_second", s.instance_per_vcpu_second.usd_per_unit, "USD per vCPU-s (instance-based)",
      cloud_run_pricing_page);
    v("instance_per_gib_second", s.instance_per_gib_second.usd_per_unit, "USD per GiB-s (instance-based)",
      cloud_run_pricing_secondary);
    v("instance_free_vcpu_seconds", s.instance_free_vcpu_seconds,
      "vCPU-s per month (instance-based free tier; not in PRICES.md)", not_in_prices_md);
    v("instance_free_gib_seconds", s.instance_free_gib_seconds,
      "GiB-s per month (instance-based free tier; not in PRICES.md)", not_in_prices_md);
    v("billing_granularity_ms", s.billing_granularity_ms, "ms: billable instance time is rounded up to this",
      cloud_run_pricing_page);
  }
};

/// The list prices in force, tier 1. Values: PRICES.md (Google Cloud Run), checked 2026-11-26.
inline namespace prices_2026_11 {
inline constexpr cloud_run_sheet cloud_run_prices{
    .as_of = "2026-11-26",
    .per_vcpu_second = {0.000024},  // request-based: $0.000024 per vCPU-s (O)
    .per_gib_second = {0.0000025},  // $0.0000025 per GiB-s (S)
    .per_request = {0.40 / 1e6},    // $0.40 per million requests (S)
    .free_vcpu_seconds = 180'000,   // free tier: 180,000 vCPU-s, 360,000 GiB-s, 2 M requests per month (O)
    .free_gib_seconds = 360'000,
    .free_requests = 2e6,
    .instance_per_vcpu_second = {0.000018},  // instance-based: $0.000018 per vCPU-s (O)
    .instance_per_gib_second = {0.000002},   // $0.000002 per GiB-s (S), no request fee
    .instance_free_vcpu_seconds = 0,         // PRICES.md lists no free tier for instance-based billing
    .instance_free_gib_seconds = 0,
    .billing_granularity_ms = 100,  // "Rounded up to the nearest 100 ms" (O)
};
}  // namespace prices_2026_11

/// Cloud Run's billing formula (a policy type; `bill` is constexpr). Its input is billable instance
/// time already rounded (simulate::concurrent_instances measures it).
///
/// ```cpp
/// using namespace runwise;
/// auto bill = pricing::gcp::cloud_run_billing::bill({}, {.instance_seconds = seconds{100'000},
///     .cpu = vcpu{1}, .memory = gigabytes{0.5}, .served = requests{3e6}, .horizon = hours(730)});
/// // vcpu 100,000 × $0.000024 = $2.40; memory 50,000 × $0.0000025 = $0.125; requests 3 × $0.40 = $1.20
/// ```
struct cloud_run_billing {
  struct config {
    cloud_run_billing_mode billing = cloud_run_billing_mode::request_based;
    bool free_tier = false;  ///< the free tier is per billing account: off unless this workload may use it
    /// vCPU per instance; 0 = the smallest Cloud Run accepts for the workload (see cloud_run_cpu).
    double cpu = 0;
    cloud_run_sheet prices = cloud_run_prices;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.choice("billing", c.billing, cloud_run_billing_names);
      v.flag("free_tier", c.free_tier);
      v.number("cpu", c.cpu, 0, 8, " vCPU");
      v.sheet("prices", c.prices);
    }

    /// Cloud Run's CPU values: 0.08 to 1 (fractional), or 1, 2, 4, 6, 8; instance-based billing needs at
    /// least 1 vCPU (Cloud Run documentation, "Configure CPU limits",
    /// https://docs.cloud.google.com/run/docs/configuring/jobs/cpu (the vCPU and memory table), seen 2026-11-26).
    void validate(const std::string& path) const {
      if (cpu != 0 && cpu < 0.08) fail_input(path + ".cpu", "must be 0 (automatic) or at least 0.08 vCPU");
      if (cpu > 1 && cpu != 2 && cpu != 4 && cpu != 6 && cpu != 8)
        fail_input(path + ".cpu", "above 1 vCPU must be 2, 4, 6 or 8, got " + detail::format_number(cpu));
      if (cpu != 0 && cpu < 1 && billing == cloud_run_billing_mode::instance_based)
        fail_input(path + ".cpu", "below 1 vCPU needs request-based billing (\"billing\": \"request\")");
      if (!(prices.billing_granularity_ms > 0))
        fail_input(path + ".prices.billing_granularity_ms", "must be greater than 0");
    }
  };

  /// Minimum instances under request-based billing are billed while idle at a rate that PRICES.md
  /// does not have; rather than guess it, runwise asks for instance-based billing (which bills them
  /// at its listed rates). `capacity` is the platform's capacity settings (any type with min_instances).
  template <class Capacity>
  static void validate_with(const config& c, const Capacity& capacity, const std::string& path) {
    if constexpr (requires { capacity.min_instances; })
      if (c.billing == cloud_run_billing_mode::request_based && capacity.min_instances > 0)
        fail_input(path + ".min_instances",
                   "needs \"billing\": \"instance\"; the idle price of minimum instances under request-based "
                   "billing is not in runwise's price record, got " +
                       detail::format_number(capacity.min_instances));
  }

  /// What is billed: instance time (rounded), the instance size, requests, the horizon.
  struct input {
    seconds instance_seconds{};
    vcpu cpu{1};
    gigabytes memory{0.5};
    requests served{};  ///< requests billed (request-based)
    seconds horizon = hours(730);
  };

  static constexpr cost_breakdown bill(const config& c, const input& in) {
    const cloud_run_sheet& p = c.prices;
    const bool by_request = c.billing == cloud_run_billing_mode::request_based;
    const double months = to_hours(in.horizon) / 730.0;  // the free tier is monthly
    const double free_cpu = c.free_tier ? (by_request ? p.free_vcpu_seconds : p.instance_free_vcpu_seconds) : 0.0;
    const double free_mem = c.free_tier ? (by_request ? p.free_gib_seconds : p.instance_free_gib_seconds) : 0.0;
    const double cpu_s = (in.cpu * in.instance_seconds).value(), gib_s = (in.memory * in.instance_seconds).value();

    cost_breakdown b;
    if (by_request) {
      const double free_req = c.free_tier ? p.free_requests * months : 0.0;
      b.add("requests", requests{detail::max(0.0, in.served.value() - free_req)} * p.per_request);
    }
    b.add("vcpu", vcpu_seconds{detail::max(0.0, cpu_s - free_cpu * months)} *
                      (by_request ? p.per_vcpu_second : p.instance_per_vcpu_second));
    b.add("memory", gb_seconds{detail::max(0.0, gib_s - free_mem * months)} *
                        (by_request ? p.per_gib_second : p.instance_per_gib_second));
    return b;
  }
};

}  // namespace runwise::pricing::gcp
