// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../criteria/aws_limits.hpp"
#include "../pricing/aws/eks_fargate.hpp"
#include "../pricing/aws/front_door.hpp"
#include "../simulate/container_fleet.hpp"
#include "../workload/steady.hpp"
#include "composed.hpp"
#include "kind.hpp"
#include "traits.hpp"

namespace runwise {

/// Amazon EKS with pods on Fargate: each pod on its own Fargate node sized from its request plus
/// 256 MB, billed at Fargate prices, plus the EKS control plane.
///
/// ```cpp
/// runwise::aws_eks_fargate::config c;
/// c.capacity.tasks = 1;
/// // A 1 vCPU / 8 GB pod runs on 2 vCPU / 9 GB: 730 h × (2 × $0.04048 + 9 × $0.004445) + $73.00.
/// auto bill = runwise::aws_eks_fargate::quote({.requests_per_month = 1e5, .memory = runwise::megabytes{8192},
///                                              .cpu = runwise::vcpu{1}}, c);
/// ```
struct aws_eks_fargate : composed_platform<simulate::container_fleet, pricing::aws::eks_fargate_billing,
                                           criteria::aws_eks_fargate_limits, pricing::aws::aws_front_door<false>> {
  static constexpr std::string_view id = "aws_eks_fargate";
  static constexpr platform_kind kind = platform_kind::containers;
  /// Kubernetes on hosts AWS runs: your image, no kernel access or GPUs (PRICES.md, GPUs: S).
  static constexpr platform_traits traits{.runs_on = hosting::managed_containers,
                                          .orchestrator = orchestration::kubernetes,
                                          .own_os_image = true,
                                          .long_running = true,
                                          .in_process_state = true,
                                          .persistent_connections = true,
                                          .runs_locally = true};

  static constexpr pricing::aws::task_size pod_of(double vcpu, double memory_mb) {
    return pricing::aws::eks_fargate_pod_size(vcpu, memory_mb / 1024.0);
  }

  static void check_limits(const workload& w, const config&, std::vector<std::string>& reasons) {
    limits_policy::check(w, pod_of(w.cpu.value(), w.memory.value()), reasons);
  }

  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    cost_breakdown bill = billing_policy::bill(
        c.billing, {.runs = u.runs, .pod = pod_of(w.cpu.value(), w.memory.value()), .horizon = u.horizon});
    bill.add(front_door_cost(w, u, c));
    return bill;
  }

  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    const task_run runs[] = {{seconds{0}, s.horizon, steady_task_count(s, c)}};
    cost_breakdown bill = billing_policy::bill(
        c.billing, {.runs = runs, .pod = pod_of(s.cpu.value(), s.memory.value()), .horizon = s.horizon});
    bill.add(front_door_quote(s, c));
    return bill;
  }
};

}  // namespace runwise
