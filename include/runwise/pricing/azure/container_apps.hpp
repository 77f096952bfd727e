// SPDX-License-Identifier: MIT
#pragma once

// Azure Container Apps (Consumption plan): per-second vCPU and GiB allocated to each running
// replica, plus HTTP requests; a monthly free grant; replicas at their minimum that serve nothing
// at a lower idle rate; nothing when scaled to zero.

#include <string_view>

#include "../../units.hpp"
#include "../cost.hpp"
#include "../sheet.hpp"

namespace runwise::pricing::azure {

inline constexpr source container_apps_pricing_page{"https://azure.microsoft.com/en-us/pricing/details/container-apps/",
                                                    'S'};
inline constexpr source container_apps_free_grant{
    "https://azure.microsoft.com/en-us/pricing/details/container-apps/ (monthly free grant)", 'O'};
inline constexpr source container_apps_idle_rate{
    "idle rate unconfirmed (PRICES.md: U); defaults to the active rate, an upper bound", 'U'};

/// Container Apps' price sheet (Consumption plan, USD). Every field can be overridden at run time.
struct container_apps_sheet {
  std::string_view as_of;
  price<vcpu_seconds> per_vcpu_second;  ///< active replicas
  price<gb_seconds> per_gib_second;
  price<requests> per_request;
  /// Replicas at min-replicas that serve nothing. Microsoft's idle price is unconfirmed (PRICES.md: U),
  /// so these default to the active rates: an upper bound. Override them with your region's idle rates.
  price<vcpu_seconds> idle_per_vcpu_second;
  price<gb_seconds> idle_per_gib_second;
  double free_vcpu_seconds, free_gib_seconds, free_requests;  ///< per month

  template <class Self, class V>
  static constexpr void fields(Self& s, V&& v) {
    v("per_vcpu_second", s.per_vcpu_second.usd_per_unit, "USD per vCPU-s (active)", container_apps_pricing_page);
    v("per_gib_second", s.per_gib_second.usd_per_unit, "USD per GiB-s (active)", container_apps_pricing_page);
    v("per_request", s.per_request.usd_per_unit, "USD per request", container_apps_pricing_page);
    v("idle_per_vcpu_second", s.idle_per_vcpu_second.usd_per_unit, "USD per vCPU-s (idle at min replicas)",
      container_apps_idle_rate);
    v("idle_per_gib_second", s.idle_per_gib_second.usd_per_unit, "USD per GiB-s (idle at min replicas)",
      container_apps_idle_rate);
    v("free_vcpu_seconds", s.free_vcpu_seconds, "vCPU-s per month (free grant)", container_apps_free_grant);
    v("free_gib_seconds", s.free_gib_seconds, "GiB-s per month (free grant)", container_apps_free_grant);
    v("free_requests", s.free_requests, "requests per month (free grant)", container_apps_free_grant);
  }
};

/// The list prices in force. Values: PRICES.md (Azure), checked 2026-11-26.
inline namespace prices_2026_11 {
inline constexpr container_apps_sheet container_apps_prices{
    .as_of = "2026-11-26",
    .per_vcpu_second = {0.000024},       // active: $0.000024 per vCPU-s (S; one source's $0.000012 is U)
    .per_gib_second = {0.000003},        // $0.000003 per GiB-s (S)
    .per_request = {0.40 / 1e6},         // $0.40 per million requests (S)
    .idle_per_vcpu_second = {0.000024},  // idle price U: the active rate, an upper bound
    .idle_per_gib_second = {0.000003},
    .free_vcpu_seconds = 180'000,  // free grant: 180,000 vCPU-s, 360,000 GiB-s, 2 M requests (O)
    .free_gib_seconds = 360'000,
    .free_requests = 2e6,
};
}  // namespace prices_2026_11

/// Container Apps' billing formula (a policy type; `bill` is constexpr). The free grant is taken
/// from active use first, then from idle use.
///
/// ```cpp
/// using namespace runwise;
/// auto bill = pricing::azure::container_apps_billing::bill({}, {.active = hours(730), .cpu = vcpu{0.5},
///     .memory = gigabytes{1}, .served = requests{3e6}});
/// // vcpu 1,314,000 vCPU-s × $0.000024 = $31.54; memory 2,628,000 GiB-s × $0.000003 = $7.88; requests $1.20
/// ```
struct container_apps_billing {
  struct config {
    bool free_tier = false;  ///< the free grant is per subscription: off unless this workload may use it
    double cpu = 0;          ///< vCPU per replica; 0 = the workload's
    double memory_gib = 0;   ///< GiB per replica; 0 = the workload's memory
    container_apps_sheet prices = container_apps_prices;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.flag("free_tier", c.free_tier);
      v.object("replica", [&](auto& r) {
        r.number("vcpu", c.cpu, 0, 4);
        r.number("memory_gib", c.memory_gib, 0, 8, " GiB");
      });
      v.sheet("prices", c.prices);
    }
  };

  /// What is billed: replica time at the active and the idle rate, the replica size, requests.
  struct input {
    seconds active{};
    seconds idle{};
    vcpu cpu{0.25};
    gigabytes memory{0.5};
    requests served{};
    seconds horizon = hours(730);
  };

  static constexpr cost_breakdown bill(const config& c, const input& in) {
    const container_apps_sheet& p = c.prices;
    const double months = to_hours(in.horizon) / 730.0;
    const double free_cpu = c.free_tier ? p.free_vcpu_seconds * months : 0.0;
    const double free_mem = c.free_tier ? p.free_gib_seconds * months : 0.0;
    const double free_req = c.free_tier ? p.free_requests * months : 0.0;
    const double cpu_active = (in.cpu * in.active).value(), cpu_idle = (in.cpu * in.idle).value();
    const double mem_active = (in.memory * in.active).value(), mem_idle = (in.memory * in.idle).value();
    const double cpu_paid = detail::max(0.0, cpu_active - free_cpu);
    const double mem_paid = detail::max(0.0, mem_active - free_mem);
    const double cpu_idle_paid = detail::max(0.0, cpu_idle - detail::max(0.0, free_cpu - cpu_active));
    const double mem_idle_paid = detail::max(0.0, mem_idle - detail::max(0.0, free_mem - mem_active));

    cost_breakdown b;
    b.add("requests", requests{detail::max(0.0, in.served.value() - free_req)} * p.per_request);
    b.add("vcpu", vcpu_seconds{cpu_paid} * p.per_vcpu_second);
    b.add("memory", gb_seconds{mem_paid} * p.per_gib_second);
    if (in.idle.value() > 0)
      b.add("idle",
            vcpu_seconds{cpu_idle_paid} * p.idle_per_vcpu_second + gb_seconds{mem_idle_paid} * p.idle_per_gib_second);
    return b;
  }
};

}  // namespace runwise::pricing::azure
