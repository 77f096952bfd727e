// SPDX-License-Identifier: MIT
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "../criteria/aws_limits.hpp"
#include "../pricing/aws/fargate.hpp"
#include "../pricing/aws/front_door.hpp"
#include "../simulate/container_fleet.hpp"
#include "../workload/steady.hpp"
#include "composed.hpp"
#include "kind.hpp"
#include "traits.hpp"

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
  /// Your image on hosts AWS runs: no kernel access, privileged containers or GPUs (PRICES.md, GPUs: S).
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
