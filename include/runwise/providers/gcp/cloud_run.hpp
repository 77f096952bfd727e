// SPDX-License-Identifier: MIT
#pragma once

// Google Cloud Run services: vCPU-seconds and GiB-seconds of billable instance time (rounded up to
// 100 ms), plus requests under request-based billing; instance-based billing bills each instance's
// whole life at lower rates and no request fee.

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
#include "../../simulate/concurrent_instances.hpp"
#include "../../workload/steady.hpp"
#include "../../workload/workload.hpp"

namespace runwise::pricing::gcp {

inline constexpr source cloud_run_pricing_page{"https://cloud.google.com/run/pricing", 'O'};
inline constexpr source cloud_run_pricing_secondary{
    "https://cloud.google.com/run/pricing (as cited by secondary sources)", 'S'};
inline constexpr source not_in_prices_md{"no published figure found: supply your own", 'U'};

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
  double instance_free_vcpu_seconds, instance_free_gib_seconds;  ///< not in docs/pricing.md: 0 unless supplied
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
      "vCPU-s per month (instance-based free tier; no published figure found)", not_in_prices_md);
    v("instance_free_gib_seconds", s.instance_free_gib_seconds,
      "GiB-s per month (instance-based free tier; no published figure found)", not_in_prices_md);
    v("billing_granularity_ms", s.billing_granularity_ms, "ms: billable instance time is rounded up to this",
      cloud_run_pricing_page);
  }
};

/// The list prices in force, tier 1. Values: docs/pricing.md (Google Cloud Run), checked 2026-11-26.
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
    .instance_free_vcpu_seconds = 0,         // docs/pricing.md lists no free tier for instance-based billing
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

  /// Minimum instances under request-based billing are billed while idle at a rate that docs/pricing.md
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

namespace runwise::criteria {

/// Cloud Run's instance limits (Cloud Run documentation, "Configure CPU limits" and "Configure memory
/// limits", https://docs.cloud.google.com/run/docs/configuring/jobs/cpu (the vCPU and memory table), seen 2026-11-26):
/// at most 8 vCPU and 32 GiB per instance ("8 vCPU: 4 to 32 GiB"); at most 1,000 concurrent requests per instance
/// (docs/pricing.md, O). Cloud Run offers NVIDIA L4 GPUs, but their price is unconfirmed (U in docs/pricing.md),
/// so a GPU workload cannot be priced.
struct gcp_cloud_run_limits {
  static constexpr double max_vcpu = 8;
  static constexpr double max_memory_mb = 32 * 1024;
  static constexpr double max_concurrency = 1000;

  /// `cpu` is the instance's vCPU (gcp_cloud_run::instance_cpu); 0 when no valid size fits.
  /// A request may run at most 60 minutes ("Setting request timeout for services", Cloud Run docs,
  /// https://cloud.google.com/run/docs/configuring/request-timeout, seen 2026-11-26).
  static constexpr double max_request_s = 3600;

  static void check(const workload& w, double cpu, std::vector<std::string>& reasons) {
    if (w.duration.mean.value() > max_request_s)
      reasons.push_back("a request runs " + detail::format_number(w.duration.mean.value()) +
                        " s on average; Cloud Run ends a request after at most 60 minutes");
    if (w.cpu.value() > max_vcpu || cpu == 0)
      reasons.push_back("needs " + detail::format_number(w.cpu.value()) + " vCPU with " +
                        detail::format_number(w.memory.value()) +
                        " MB; a Cloud Run instance has at most 8 vCPU and 32 GiB");
    else if (w.memory.value() > max_memory_mb)
      reasons.push_back("needs " + detail::format_number(w.memory.value()) +
                        " MB; a Cloud Run instance has at most 32 GiB");
    if (w.concurrency_per_instance > max_concurrency)
      reasons.push_back("serves " + detail::format_number(w.concurrency_per_instance) +
                        " requests per instance at once; Cloud Run allows at most 1,000");
    if (w.needs.gpu)
      reasons.push_back("needs a GPU; Cloud Run's L4 GPUs have no confirmed price in runwise (docs/pricing.md: U)");
    if (w.needs.custom_os)
      reasons.push_back("needs its own OS or kernel; Cloud Run runs containers on a Google-managed kernel");
  }
};

}  // namespace runwise::criteria

namespace runwise {

/// Google Cloud Run services as runwise models them: instances that share their billable time among
/// up to `concurrency_per_instance` simultaneous requests (capacity, simulate::concurrent_instances),
/// request-based or instance-based billing rounded up to 100 ms (pricing), and Cloud Run's instance
/// limits (8 vCPU, 32 GiB, 1,000 concurrent requests).
///
/// Kind: serverless. Cloud Run runs containers, and one could file it with container platforms that
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

  /// Below 1 vCPU, Cloud Run allows a concurrency of 1 only (docs/pricing.md, O): a configured cpu below 1 with a workload
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
      // Busy time and the rounding of its busy periods, from the split the capacity model measured.
      const double g = c.billing.prices.billing_granularity_ms / 1000.0;
      const double single = g > 0 ? w.duration.expected_billed(seconds{g}).value() - w.duration.mean.value() : 0.0;
      billed = u.split.busy_s + u.split.rounding_s(single, g);
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
      const double any = 1 - runwise::detail::exp(-s.rate() * share * c.capacity.idle_timeout_s);
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
