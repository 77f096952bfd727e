// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../criteria/gcp_limits.hpp"
#include "../pricing/gcp/cloud_run.hpp"
#include "../simulate/concurrent_instances.hpp"
#include "../workload/steady.hpp"
#include "composed.hpp"
#include "kind.hpp"
#include "traits.hpp"

namespace runwise {

/// Google Cloud Run services as runwise models them: instances that share their billable time among
/// up to `concurrency_per_instance` simultaneous requests (capacity, simulate::concurrent_instances),
/// request-based or instance-based billing rounded up to 100 ms (pricing), and Cloud Run's instance
/// limits (8 vCPU, 32 GiB, 1,000 concurrent requests).
///
/// Kind: serverless. Cloud Run runs containers, and DESIGN.md files it with container platforms that
/// scale to zero; runwise classifies a platform by how it is operated and billed, which is the
/// article's distinction: nothing to size or keep running, scale to zero with cold starts, and (with
/// its default request-based billing) pay only while requests are in flight, plus a per-request fee —
/// the functions model. Azure Container Apps, billed for every second its replicas live under a scale
/// rule with a cooldown, is filed as containers.
///
/// ```cpp
/// runwise::gcp_cloud_run::config c;
/// c.billing.billing = runwise::pricing::gcp::cloud_run_billing_mode::instance_based;
/// c.capacity.min_instances = 1;
/// auto bill = runwise::gcp_cloud_run::quote({.requests_per_month = 3e6, .concurrency_per_instance = 80}, c);
/// ```
struct gcp_cloud_run : composed_platform<simulate::concurrent_instances, pricing::gcp::cloud_run_billing,
                                         criteria::gcp_cloud_run_limits> {
  static constexpr std::string_view id = "gcp_cloud_run";
  static constexpr platform_kind kind = platform_kind::serverless;
  /// What Cloud Run is, whatever its kind: it deploys your container image (so the OS image, the
  /// language and runtime versions are yours, and the image runs unchanged under `docker run`) on
  /// hosts Google runs, with no kernel access. A request may run up to 60 minutes and, with
  /// instance-based billing, an instance keeps its CPU between requests (long-running processes,
  /// in-memory state); WebSockets, HTTP/2 and gRPC streams stay open (Cloud Run documentation,
  /// "Container runtime contract", "Request timeout", "Using WebSockets"). GPUs exist on Cloud Run
  /// but runwise neither prices nor checks them, so `gpu` stays false. The maintenance and
  /// deployment criteria therefore treat it as managed containers: you patch and build the image.
  static constexpr platform_traits traits = default_traits(platform_kind::containers);

  static constexpr bool instance_billed(const config& c) noexcept {
    return c.billing.billing == pricing::gcp::cloud_run_billing_mode::instance_based;
  }

  /// The instance's vCPU: the configured one, or the smallest Cloud Run accepts for the workload
  /// (Cloud Run documentation, "Configure CPU limits", seen 2026-11-26): concurrency above 1 and
  /// instance-based billing need at least 1 vCPU; more than 512 MiB needs 0.5 vCPU, more than 1 GiB
  /// 1 vCPU; above 1 vCPU only 2, 4, 6 or 8, each with at most 8, 16, 24 or 32 GiB (1 vCPU: 4 GiB);
  /// below 1, steps of 0.001 from 0.08. 0 when nothing fits.
  static constexpr double instance_cpu(double need, double memory_mb, double concurrency, const config& c) noexcept {
    if (c.billing.cpu > 0) return c.billing.cpu;
    double cpu = need;
    if (concurrency > 1 || instance_billed(c)) cpu = detail::max(cpu, 1);
    if (memory_mb > 512) cpu = detail::max(cpu, 0.5);
    if (memory_mb > 1024) cpu = detail::max(cpu, 1);
    if (memory_mb > 4 * 1024) cpu = detail::max(cpu, 2);
    if (memory_mb > 8 * 1024) cpu = detail::max(cpu, 4);
    if (memory_mb > 16 * 1024) cpu = detail::max(cpu, 6);
    if (memory_mb > 24 * 1024) cpu = detail::max(cpu, 8);
    if (cpu < 1) return detail::max(0.08, detail::ceil(cpu * 1000 - 1e-6) / 1000);
    for (double size : {1.0, 2.0, 4.0, 6.0, 8.0})
      if (cpu <= size + 1e-12) return size;
    return 0;
  }

  /// The most memory an instance of `cpu` vCPU may have (same page), in MiB.
  static constexpr double max_memory_mb(double cpu) noexcept {
    return cpu < 0.5 ? 512
           : cpu < 1 ? 1024
           : cpu < 2 ? 4096
           : cpu < 4 ? 8192
           : cpu < 6 ? 16384
           : cpu < 8 ? 24576
                     : 32768;
  }

  /// Memory as billed, in GiB: the workload's, raised to the minimum of large instances ("4 vCPU: 2 to
  /// 16 GiB; 6 vCPU: 4 to 24 GiB; 8 vCPU: 4 to 32 GiB"); Google's GiB is runwise's GB (1024 MiB).
  static constexpr gigabytes instance_memory(double cpu, double memory_mb) noexcept {
    const double floor_mb = cpu >= 6 ? 4096 : cpu >= 4 ? 2048 : 128;
    return to_gigabytes(megabytes{detail::max(memory_mb, floor_mb)});
  }

  /// "Below 1 vCPU, concurrency must be 1" (PRICES.md, O): a configured cpu below 1 with a workload
  /// that serves several requests at once is an input error, named on the workload's field.
  static void check_limits(const workload& w, const config& c, std::vector<std::string>& reasons) {
    if (c.billing.cpu > 0 && c.billing.cpu < 1 && w.concurrency_per_instance > 1)
      fail_input("workload.concurrency_per_instance", "must be 1 on gcp_cloud_run with cpu " +
                                                          detail::format_number(c.billing.cpu) +
                                                          " (Cloud Run requires concurrency 1 below 1 vCPU), got " +
                                                          detail::format_number(w.concurrency_per_instance));
    const double cpu = instance_cpu(w.cpu.value(), w.memory.value(), w.concurrency_per_instance, c);
    limits_policy::check(w, cpu, reasons);
    if (cpu > 0 && w.cpu.value() > cpu)
      reasons.push_back("needs " + detail::format_number(w.cpu.value()) + " vCPU; the configured instance has " +
                        detail::format_number(cpu));
    if (cpu > 0 && w.memory.value() > max_memory_mb(cpu) && w.memory.value() <= limits_policy::max_memory_mb)
      reasons.push_back("needs " + detail::format_number(w.memory.value()) + " MB; a Cloud Run instance of " +
                        detail::format_number(cpu) + " vCPU has at most " + detail::format_number(max_memory_mb(cpu)) +
                        " MiB");
  }

  /// Request-based: busy instance time plus its 100 ms rounding per busy period; instance-based: the
  /// instances' whole life (busy, idle until the timeout, minimum instances), whose rounding to
  /// 100 ms is negligible and left out.
  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    const double cpu = instance_cpu(w.cpu.value(), w.memory.value(), w.concurrency_per_instance, c);
    double billed = u.mean_instances * u.horizon.value();  // alive: busy, idle until the timeout, minimum
    if (!instance_billed(c)) {
      const auto time = capacity_policy::busy_time(w, c.capacity, c.billing.prices.billing_granularity_ms / 1000.0);
      billed = time.busy_s + time.rounding_s;
    }
    cost_breakdown bill = billing_policy::bill(c.billing, {.instance_seconds = seconds{billed},
                                                           .cpu = vcpu{cpu},
                                                           .memory = instance_memory(cpu, w.memory.value()),
                                                           .served = u.served,
                                                           .horizon = u.horizon});
    bill.add(front_door_cost(w, u, c));
    return bill;
  }

  /// Closed form for a steady Poisson rate: a = λ·E[d] in flight, E[ceil(N/C)] busy instances all
  /// horizon, the rounding of each busy period (simulate::rounding_seconds); instance-based billing
  /// keeps max(min_instances, E[ceil(N/C)], 1 - e^(-λ·idle_timeout)) instances alive.
  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    const double per = s.concurrency_per_instance;
    const double cpu = instance_cpu(s.cpu.value(), s.memory.value(), per, c);
    const double in_flight = s.rate() * s.duration.mean.value();
    const double cap = detail::floor(c.capacity.max_instances) * detail::floor(per);
    const double share = in_flight > cap ? cap / in_flight : 1.0;
    const simulate::instance_load load = simulate::poisson_instance_load(in_flight * share, per);
    const double served = s.total().value() * share;
    double billed = 0;
    if (instance_billed(c)) {
      const double any = 1 - simulate::detail_poisson::exp(-s.rate() * share * c.capacity.idle_timeout_s);
      billed = s.horizon.value() * detail::max(detail::max(detail::floor(c.capacity.min_instances), load.busy), any);
    } else {
      billed =
          s.horizon.value() * load.busy +
          simulate::rounding_seconds(served, load, per, s.duration, c.billing.prices.billing_granularity_ms / 1000);
    }
    cost_breakdown bill = billing_policy::bill(c.billing, {.instance_seconds = seconds{billed},
                                                           .cpu = vcpu{cpu},
                                                           .memory = instance_memory(cpu, s.memory.value()),
                                                           .served = requests{served},
                                                           .horizon = s.horizon});
    bill.add(front_door_quote(s, c));
    return bill;
  }
};

}  // namespace runwise
