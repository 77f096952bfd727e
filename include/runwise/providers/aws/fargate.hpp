// SPDX-License-Identifier: MIT
#pragma once

// AWS Fargate: configured vCPU and memory per task, billed per second from image pull to stop with
// a one-minute minimum per task, Linux x86_64 or arm64, on-demand or Spot.

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
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
#include "../../core/usage.hpp"
#include "../../platform/composed.hpp"
#include "../../pricing/sheet.hpp"
#include "../../simulate/container_fleet.hpp"
#include "../../workload/steady.hpp"
#include "../../workload/workload.hpp"
#include "front_door.hpp"

namespace runwise::pricing::aws {

inline constexpr source fargate_pricing_page{"https://aws.amazon.com/fargate/pricing/", 'S'};
inline constexpr source fargate_billing_doc{
    "https://aws.amazon.com/fargate/pricing/ (per-second billing, 1-minute minimum)", 'O'};

/// Fargate's price sheet (us-east-1, Linux). Every field can be overridden at run time.
struct fargate_sheet {
  std::string_view as_of;
  price<vcpu_hours> per_vcpu_hour;  ///< x86_64 on-demand
  price<gb_hours> per_gb_hour;
  price<vcpu_hours> arm64_per_vcpu_hour;
  price<gb_hours> arm64_per_gb_hour;
  price<vcpu_hours> spot_per_vcpu_hour;  ///< x86_64 Spot; a snapshot, Spot prices float
  price<gb_hours> spot_per_gb_hour;
  price<gb_hours> ephemeral_per_gb_hour;  ///< ephemeral storage above `included_ephemeral_gb`
  double included_ephemeral_gb;
  double minimum_billed_s;  ///< per task

  template <class Self, class V>
  static constexpr void fields(Self& s, V&& v) {
    v("per_vcpu_hour", s.per_vcpu_hour.usd_per_unit, "USD per vCPU-hour (x86_64)", fargate_pricing_page);
    v("per_gb_hour", s.per_gb_hour.usd_per_unit, "USD per GB-hour (x86_64)", fargate_pricing_page);
    v("arm64_per_vcpu_hour", s.arm64_per_vcpu_hour.usd_per_unit, "USD per vCPU-hour (arm64)", fargate_pricing_page);
    v("arm64_per_gb_hour", s.arm64_per_gb_hour.usd_per_unit, "USD per GB-hour (arm64)", fargate_pricing_page);
    v("spot_per_vcpu_hour", s.spot_per_vcpu_hour.usd_per_unit, "USD per vCPU-hour (Spot, x86_64)",
      fargate_pricing_page);
    v("spot_per_gb_hour", s.spot_per_gb_hour.usd_per_unit, "USD per GB-hour (Spot, x86_64)", fargate_pricing_page);
    v("ephemeral_per_gb_hour", s.ephemeral_per_gb_hour.usd_per_unit, "USD per GB-hour of ephemeral storage",
      fargate_pricing_page);
    v("included_ephemeral_gb", s.included_ephemeral_gb, "GB of ephemeral storage included", fargate_pricing_page);
    v("minimum_billed_s", s.minimum_billed_s, "s billed at least per task", fargate_billing_doc);
  }
};

/// The list prices in force, us-east-1. Values: docs/pricing.md (AWS Fargate), checked 2026-11-26.
inline namespace prices_2026_11 {
inline constexpr fargate_sheet fargate_prices{
    .as_of = "2026-11-26",
    .per_vcpu_hour = {0.04048},
    .per_gb_hour = {0.004445},  // Linux/x86
    .arm64_per_vcpu_hour = {0.03238},
    .arm64_per_gb_hour = {0.00356},  // Linux/arm64
    .spot_per_vcpu_hour = {0.01334053},
    .spot_per_gb_hour = {0.00146489},  // Spot snapshot
    .ephemeral_per_gb_hour = {0.000111},
    .included_ephemeral_gb = 20,  // above 20 GB
    .minimum_billed_s = 60,       // "1-minute minimum"
};
}  // namespace prices_2026_11

/// A task size: vCPU and memory (GB) as configured.
struct task_size {
  double vcpu = 0;
  double memory_gb = 0;
};

/// The valid Fargate task sizes (Amazon ECS Developer Guide, "Task CPU and memory",
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html, seen
/// 2026-11-26): per vCPU, memory from `min_gb` to `max_gb` in `step_gb` steps, except
/// 0.25 vCPU, which takes exactly 0.5, 1 or 2 GB.
struct fargate_cpu_band {
  double vcpu, min_gb, max_gb, step_gb;
};
inline constexpr std::array<fargate_cpu_band, 7> fargate_sizes{{{0.25, 0.5, 2, 0},  // 0.5 / 1 / 2
                                                                {0.5, 1, 4, 1},
                                                                {1, 2, 8, 1},
                                                                {2, 4, 16, 1},
                                                                {4, 8, 30, 1},
                                                                {8, 16, 60, 4},
                                                                {16, 32, 120, 8}}};

/// Calls `f(task_size)` for every valid size, smallest vCPU first, then smallest memory.
template <class F>
constexpr void for_each_fargate_size(F&& f) {
  for (const auto& band : fargate_sizes) {
    if (band.step_gb == 0) {
      for (double gb : {0.5, 1.0, 2.0}) f(task_size{band.vcpu, gb});
      continue;
    }
    for (double gb = band.min_gb; gb <= band.max_gb + 1e-9; gb += band.step_gb) f(task_size{band.vcpu, gb});
  }
}

constexpr bool is_valid_fargate_size(task_size t) noexcept {
  bool found = false;
  for_each_fargate_size([&](task_size s) { found = found || (s.vcpu == t.vcpu && s.memory_gb == t.memory_gb); });
  return found;
}

/// "0.25 vCPU: 0.5, 1 or 2 GB; 0.5 vCPU: 1-4 GB; ..." for error messages.
inline std::string fargate_sizes_text() {
  std::string out;
  for (const auto& band : fargate_sizes) {
    if (!out.empty()) out += "; ";
    out += detail::format_number(band.vcpu) + " vCPU: ";
    if (band.step_gb == 0)
      out += "0.5, 1 or 2 GB";
    else
      out += detail::format_number(band.min_gb) + "-" + detail::format_number(band.max_gb) + " GB in " +
             detail::format_number(band.step_gb) + " GB steps";
  }
  return out;
}

/// Fargate's billing formula (a policy type; `bill` is constexpr).
///
/// ```cpp
/// using namespace runwise;
/// const task_run month[] = {{seconds{0}, hours(730)}};
/// auto bill = pricing::aws::fargate_billing::bill({.task = {1, 2}}, {.runs = month});
/// // bill.total() == $36.04: 730 h × (1 × $0.04048 + 2 × $0.004445)
/// ```
struct fargate_billing {
  struct config {
    architecture arch = architecture::x86_64;
    purchase capacity = purchase::on_demand;
    task_size task{};  ///< 0 = the cheapest valid size that fits the workload's vCPU and memory
    double ephemeral_storage_gb = 20;
    fargate_sheet prices = fargate_prices;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.choice("arch", c.arch, architecture_names);
      v.choice("capacity", c.capacity, purchase_names);
      v.object("task", [&](auto& t) {
        t.number("vcpu", c.task.vcpu, 0, 16);
        t.number("memory_gb", c.task.memory_gb, 0, 120, " GB");
      });
      v.number("ephemeral_storage_gb", c.ephemeral_storage_gb, 20, 200, " GB");
      v.sheet("prices", c.prices);
    }

    /// Throws runwise::error naming `path.task...` for a size Fargate does not offer, or for Spot on arm64.
    void validate(const std::string& path) const {
      if ((task.vcpu == 0) != (task.memory_gb == 0))
        fail_input(path + ".task",
                   "give both vcpu and memory_gb, or neither (then the smallest size that fits is used)");
      if (task.vcpu != 0 && !is_valid_fargate_size(task))
        fail_input(path + ".task", detail::format_number(task.vcpu) + " vCPU with " +
                                       detail::format_number(task.memory_gb) +
                                       " GB is not a Fargate task size; valid sizes are " + fargate_sizes_text());
      // Fargate Spot runs only Linux x86_64 tasks (Amazon ECS Developer Guide, "Fargate capacity
      // providers", https://docs.aws.amazon.com/AmazonECS/latest/userguide/fargate-capacity-providers.html,
      // seen 2026-11-26).
      if (arch == architecture::arm64 && capacity == purchase::spot)
        fail_input(path + ".capacity", "Fargate Spot is not offered for arm64 tasks");
    }
  };

  /// What is billed: the tasks' runs and their configured size.
  struct input {
    std::span<const task_run> runs;
    task_size task{1, 2};
    double ephemeral_storage_gb = 20;
  };

  static constexpr cost_breakdown bill(const config& c, const input& in) {
    const fargate_sheet& p = c.prices;
    double billed_s = 0;
    for (const task_run& r : in.runs)
      billed_s += r.tasks * detail::max(p.minimum_billed_s, detail::ceil(r.length().value() - 1e-9));
    const seconds billed{billed_s};
    const bool spot = c.capacity == purchase::spot, arm = c.arch == architecture::arm64;
    const auto per_vcpu = spot ? p.spot_per_vcpu_hour : arm ? p.arm64_per_vcpu_hour : p.per_vcpu_hour;
    const auto per_gb = spot ? p.spot_per_gb_hour : arm ? p.arm64_per_gb_hour : p.per_gb_hour;

    cost_breakdown b;
    b.add("vcpu", to_vcpu_hours(vcpu{in.task.vcpu} * billed) * per_vcpu);
    b.add("memory", to_gb_hours(gigabytes{in.task.memory_gb} * billed) * per_gb);
    if (in.ephemeral_storage_gb > p.included_ephemeral_gb)
      b.add("ephemeral_storage", to_gb_hours(gigabytes{in.ephemeral_storage_gb - p.included_ephemeral_gb} * billed) *
                                     p.ephemeral_per_gb_hour);
    return b;
  }
};

}  // namespace runwise::pricing::aws

namespace runwise::criteria {

/// AWS Fargate's limits: the largest task size (16 vCPU, 120 GB; see pricing::aws::fargate_sizes) and no GPUs
/// (docs/pricing.md, GPUs: S).
struct aws_fargate_limits {
  static void check(const workload& w, pricing::aws::task_size task, std::vector<std::string>& reasons) {
    if (task.vcpu == 0)
      reasons.push_back("needs " + detail::format_number(w.cpu.value()) + " vCPU and " +
                        detail::format_number(w.memory.value()) +
                        " MB; the largest Fargate task is 16 vCPU with 120 GB");
    else if (task.vcpu < w.cpu.value() || task.memory_gb * 1024 < w.memory.value())
      reasons.push_back("the task (" + detail::format_number(task.vcpu) + " vCPU, " +
                        detail::format_number(task.memory_gb) + " GB) is smaller than the workload needs (" +
                        detail::format_number(w.cpu.value()) + " vCPU, " + detail::format_number(w.memory.value()) +
                        " MB)");
    if (w.needs.gpu) reasons.push_back("needs a GPU; Fargate offers none");
  }
};

}  // namespace runwise::criteria

namespace runwise {

/// AWS Fargate (ECS) as runwise models it: a fleet of tasks under a scaling policy — fixed, target
/// tracking, HPA or step (capacity) —, Fargate's per-second billing with a one-minute minimum per
/// task launch (pricing), and its task sizes (limits).
///
/// ```cpp
/// runwise::aws_fargate::config c;
/// c.billing.task = {1, 2};               // 1 vCPU, 2 GB
/// c.capacity.tasks = 1;                 // or c.capacity.policy = runwise::simulate::scaling_policy::target_tracking
/// auto bill = runwise::aws_fargate::quote({.requests_per_month = 1e6}, c);   // $36.04 for 730 h
/// ```
struct aws_fargate : composed_platform<simulate::container_fleet, pricing::aws::fargate_billing,
                                       criteria::aws_fargate_limits, pricing::aws::aws_front_door<false>> {
  static constexpr std::string_view id = "aws_fargate";
  static constexpr platform_kind kind = platform_kind::containers;
  /// Your image on hosts AWS runs: no kernel access, privileged containers or GPUs (docs/pricing.md, GPUs: S).
  static constexpr platform_traits traits{.runs_on = hosting::managed_containers,
                                          .orchestrator = orchestration::ecs,
                                          .own_os_image = true,
                                          .long_running = true,
                                          .in_process_state = true,
                                          .persistent_connections = true,
                                          .runs_locally = true};

  /// The configured task size, or the cheapest valid size with at least the workload's vCPU and
  /// memory; {0, 0} when none is large enough.
  static constexpr pricing::aws::task_size task_for(double need_vcpu, double need_mb, const config& c) {
    if (c.billing.task.vcpu > 0) return c.billing.task;
    pricing::aws::task_size best{};
    double best_price = 0;
    const auto& p = c.billing.prices;
    pricing::aws::for_each_fargate_size([&](pricing::aws::task_size s) {
      if (s.vcpu < need_vcpu || s.memory_gb * 1024 < need_mb) return;
      const double hourly = s.vcpu * p.per_vcpu_hour.usd_per_unit + s.memory_gb * p.per_gb_hour.usd_per_unit;
      if (best.vcpu == 0 || hourly < best_price) {
        best = s;
        best_price = hourly;
      }
    });
    return best;
  }

  static void check_limits(const workload& w, const config& c, std::vector<std::string>& reasons) {
    limits_policy::check(w, task_for(w.cpu.value(), w.memory.value(), c), reasons);
  }

  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    cost_breakdown bill = billing_policy::bill(c.billing, {.runs = u.runs,
                                                           .task = task_for(w.cpu.value(), w.memory.value(), c),
                                                           .ephemeral_storage_gb = c.billing.ephemeral_storage_gb});
    bill.add(front_door_cost(w, u, c));
    return bill;
  }

  /// Monthly averages: a constant rate, at which every scaling policy settles at one task count.
  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    const task_run runs[] = {{seconds{0}, s.horizon, steady_task_count(s, c)}};
    cost_breakdown bill = billing_policy::bill(c.billing, {.runs = runs,
                                                           .task = task_for(s.cpu.value(), s.memory.value(), c),
                                                           .ephemeral_storage_gb = c.billing.ephemeral_storage_gb});
    bill.add(front_door_quote(s, c));
    return bill;
  }
};

}  // namespace runwise
