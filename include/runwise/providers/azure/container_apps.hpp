// SPDX-License-Identifier: MIT
#pragma once

// Azure Container Apps (Consumption plan): per-second vCPU and GiB allocated to each running
// replica, plus HTTP requests; a monthly free grant; replicas at their minimum that serve nothing
// at a lower idle rate; nothing when scaled to zero.

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "../../core/cost.hpp"
#include "../../core/detail/format.hpp"
#include "../../core/kind.hpp"
#include "../../core/traits.hpp"
#include "../../core/units.hpp"
#include "../../platform/composed.hpp"
#include "../../pricing/sheet.hpp"
#include "../../simulate/http_scaled_replicas.hpp"
#include "../../workload/steady.hpp"
#include "../../workload/workload.hpp"

namespace runwise::pricing::azure {

inline constexpr source container_apps_pricing_page{"https://azure.microsoft.com/en-us/pricing/details/container-apps/",
                                                    'S'};
inline constexpr source container_apps_free_grant{
    "https://azure.microsoft.com/en-us/pricing/details/container-apps/ (monthly free grant)", 'O'};
inline constexpr source container_apps_idle_rate{
    "idle rate unconfirmed (docs/pricing.md: U); defaults to the active rate, an upper bound", 'U'};

/// Container Apps' price sheet (Consumption plan, USD). Every field can be overridden at run time.
struct container_apps_sheet {
  std::string_view as_of;
  price<vcpu_seconds> per_vcpu_second;  ///< active replicas
  price<gb_seconds> per_gib_second;
  price<requests> per_request;
  /// Replicas at min-replicas that serve nothing. Microsoft's idle price is unconfirmed (docs/pricing.md: U),
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

/// The list prices in force. Values: docs/pricing.md (Azure), checked 2026-11-26.
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

namespace runwise::criteria {

/// Azure Container Apps' limits (Consumption profile): a replica has 0.25–4 vCPU and 0.5–8 GiB
/// ("Workload profiles in Azure Container Apps",
/// https://learn.microsoft.com/azure/container-apps/workload-profiles-overview, and "Quotas for Azure Container Apps":
/// 4 cores per replica, seen 2026-11-26). docs/pricing.md has no GPU price for Container Apps, so a GPU workload cannot be
/// priced there.
struct azure_container_apps_limits {
  static constexpr double max_vcpu = 4;
  static constexpr double max_memory_mb = 8 * 1024;

  /// `cpu` and `memory_gib` are the replica's size as billed.
  static void check(const workload& w, double cpu, double memory_gib, std::vector<std::string>& reasons) {
    if (cpu > max_vcpu || memory_gib * 1024 > max_memory_mb)
      reasons.push_back("needs replicas of " + detail::format_number(cpu) + " vCPU and " +
                        detail::format_number(memory_gib) +
                        " GiB; a Container Apps Consumption replica has at most 4 vCPU and 8 GiB");
    if (cpu < w.cpu.value() || memory_gib * 1024 < w.memory.value())
      reasons.push_back("the replica (" + detail::format_number(cpu) + " vCPU, " + detail::format_number(memory_gib) +
                        " GiB) is smaller than the workload needs (" + detail::format_number(w.cpu.value()) +
                        " vCPU, " + detail::format_number(w.memory.value()) + " MB)");
    if (w.needs.gpu)
      reasons.push_back("needs a GPU; runwise has no cited price for Container Apps GPUs (docs/pricing.md lists none)");
    if (w.needs.custom_os)
      reasons.push_back("needs its own OS or kernel; Container Apps runs containers on a Microsoft-managed kernel");
  }
};

}  // namespace runwise::criteria

namespace runwise {

/// Azure Container Apps (Consumption) as runwise models it: replicas scaled by the HTTP rule with
/// Microsoft's defaults (capacity, simulate::http_scaled_replicas), per-second vCPU and GiB of every
/// running replica plus requests, a free grant and an idle rate at min replicas (pricing), and the
/// Consumption replica size (limits). Kind: containers — billed for every second its replicas live,
/// scaled by a rule with a cooldown, like a container fleet (compare gcp_cloud_run).
///
/// ```cpp
/// runwise::azure_container_apps::config c;
/// c.capacity.min_replicas = 1;
/// c.billing.cpu = 0.5;
/// c.billing.memory_gib = 1;
/// auto bill = runwise::azure_container_apps::quote({.requests_per_month = 3e6}, c);
/// ```
struct azure_container_apps : composed_platform<simulate::http_scaled_replicas, pricing::azure::container_apps_billing,
                                                criteria::azure_container_apps_limits> {
  static constexpr std::string_view id = "azure_container_apps";
  static constexpr platform_kind kind = platform_kind::containers;
  /// Your container image on hosts Microsoft runs, scaled by its rules (the HTTP rule by default),
  /// with no kernel access; long-running replicas, in-memory state and open connections are
  /// allowed: the managed-containers class, declared to be read here.
  static constexpr platform_traits traits = default_traits(platform_kind::containers);

  /// The replica's vCPU and GiB: the configured ones, else the smallest Consumption size that holds
  /// the workload — sizes go in 0.25 vCPU steps with 2 GiB per vCPU ("0.25 vCPU / 0.5 GiB, 0.5 / 1.0,
  /// ... 4 / 8", Azure Container Apps docs, "Workload profiles: Consumption", seen 2026-11-26).
  static constexpr double replica_cpu(double need_cpu, double need_mb, const config& c) noexcept {
    if (c.billing.cpu > 0) return c.billing.cpu;
    return detail::max(0.25, detail::ceil(detail::max(need_cpu, need_mb / 1024 / 2) / 0.25 - 1e-9) * 0.25);
  }
  static constexpr double replica_gib(double need_cpu, double need_mb, const config& c) noexcept {
    return c.billing.memory_gib > 0 ? c.billing.memory_gib : 2 * replica_cpu(need_cpu, need_mb, c);
  }

  static void check_limits(const workload& w, const config& c, std::vector<std::string>& reasons) {
    limits_policy::check(w, replica_cpu(w.cpu.value(), w.memory.value(), c),
                         replica_gib(w.cpu.value(), w.memory.value(), c), reasons);
  }

  /// Bills `u`, the usage http_scaled_replicas::run measured for `w` under `c.capacity`. Without a
  /// minimum replica (the default) every replica-second is active: the sum of u.runs. With one, the
  /// active and idle replica-seconds are the split the walk measured (usage::split): pricing never
  /// walks the traffic again.
  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    simulate::http_scaled_replicas::replica_time time;
    if (std::floor(c.capacity.min_replicas) < 1) {
      for (const task_run& r : u.runs) time.active_s += r.tasks * r.length().value();
    } else {  // minimum replicas idle between requests: the split the capacity model measured
      time.active_s = u.split.active_s, time.idle_s = u.split.idle_s;
    }
    cost_breakdown bill =
        billing_policy::bill(c.billing, {.active = seconds{time.active_s},
                                         .idle = seconds{time.idle_s},
                                         .cpu = vcpu{replica_cpu(w.cpu.value(), w.memory.value(), c)},
                                         .memory = gigabytes{replica_gib(w.cpu.value(), w.memory.value(), c)},
                                         .served = u.served,
                                         .horizon = u.horizon});
    bill.add(front_door_cost(w, u, c));
    return bill;
  }

  /// Closed form for a steady Poisson rate: the replicas the HTTP rule wants for it all horizon
  /// (simulate::http_scaled_replicas::wanted; the minimum, idle, when there is no traffic); requests
  /// beyond what they serve are not billed.
  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    const double replicas = capacity_policy::wanted(
        s.rate(), capacity_policy::presence(s.rate(), s.duration.mean.value(), c.capacity),
        capacity_policy::target_rate(s.concurrency_per_instance, s.duration.mean.value(), c.capacity), c.capacity);
    const double capacity_rate = detail::ceil(replicas - 1e-9) * s.concurrency_per_instance / s.duration.mean.value();
    const double served = s.total().value() * (s.rate() > capacity_rate ? capacity_rate / s.rate() : 1.0);
    // Minimum replicas idle while no request is in flight: a share e^(-λ·E[d]) of the time.
    const double idle_share = runwise::detail::exp(-s.rate() * s.duration.mean.value());
    const double idle_replicas = detail::min(replicas, detail::floor(c.capacity.min_replicas)) * idle_share;
    cost_breakdown bill =
        billing_policy::bill(c.billing, {.active = s.horizon * (replicas - idle_replicas),
                                         .idle = s.horizon * idle_replicas,
                                         .cpu = vcpu{replica_cpu(s.cpu.value(), s.memory.value(), c)},
                                         .memory = gigabytes{replica_gib(s.cpu.value(), s.memory.value(), c)},
                                         .served = requests{served},
                                         .horizon = s.horizon});
    bill.add(front_door_quote(s, c));
    return bill;
  }
};

}  // namespace runwise
