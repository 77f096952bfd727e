// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "../criteria/azure_limits.hpp"
#include "../pricing/azure/container_apps.hpp"
#include "../simulate/http_scaled_replicas.hpp"
#include "../workload/steady.hpp"
#include "composed.hpp"
#include "kind.hpp"
#include "traits.hpp"

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
  /// minimum replica (the default) every replica-second is active: the sum of u.runs, with no second
  /// walk of the traffic. With one, which seconds were idle needs the walk again.
  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    simulate::http_scaled_replicas::replica_time time;
    if (std::floor(c.capacity.min_replicas) < 1) {
      for (const task_run& r : u.runs) time.active_s += r.tasks * r.length().value();
    } else {
      usage scratch;
      time = capacity_policy::walk(w, c.capacity, scratch);
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
    const double idle_share = simulate::detail_poisson::exp(-s.rate() * s.duration.mean.value());
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
