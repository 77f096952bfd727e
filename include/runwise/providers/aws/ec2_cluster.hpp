// SPDX-License-Identifier: MIT
#pragma once

// ECS or EKS on EC2, the platform: the container fleet's tasks packed onto the cheapest instance
// type that fits (ec2_cluster_billing.hpp bills them, ec2_cluster_sharing.hpp when several
// components share the nodes), and the limits on what fits.

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "../../core/detail/format.hpp"
#include "../../core/kind.hpp"
#include "../../core/traits.hpp"
#include "../../platform/composed.hpp"
#include "../../platform/shared_costs.hpp"
#include "../../simulate/container_fleet.hpp"
#include "../../workload/steady.hpp"
#include "../../workload/workload.hpp"
#include "ec2_cluster_billing.hpp"
#include "ec2_cluster_sharing.hpp"
#include "front_door.hpp"

namespace runwise::criteria {

/// ECS or EKS on EC2: the task must fit on some instance type of the catalog (a GPU task on a GPU
/// instance, which runwise's catalog offers only for x86_64: g5.xlarge).
struct aws_ec2_cluster_limits {
  static void check(const workload& w, bool an_instance_fits, std::vector<std::string>& reasons) {
    if (an_instance_fits) return;
    reasons.push_back("no instance type of the catalog (and architecture) fits a task of " +
                      detail::format_number(w.cpu.value()) + " vCPU and " + detail::format_number(w.memory.value()) +
                      " MB" + (w.needs.gpu ? " with a GPU" : "") + " after the orchestrator's reservations");
  }

  /// The instance type the config names (`instance_type`) must fit one task after the
  /// orchestrator's reservations (the orchestrator policy's `allocatable`): the reason says what the
  /// node has, what is left of it, and which need is short.
  static void check_pinned(const workload& w, const pricing::aws::instance_type& t, const simulate::resources& task,
                           const simulate::resources& allocatable, bool eks, double reserved_memory_mb,
                           std::vector<std::string>& reasons) {
    if (simulate::fit_per_node(task, allocatable) >= 1) return;
    auto hundredth = [](double x) { return detail::format_number(std::round(x * 100) / 100); };
    std::string short_of;
    auto add = [&](const char* what) { short_of += (short_of.empty() ? "" : " and ") + std::string(what); };
    if (task.vcpu > allocatable.vcpu + 1e-9) add("vCPU");
    if (task.memory_mib > allocatable.memory_mib + 1e-9) add("memory");
    if (task.gpus > allocatable.gpus) add("GPU");
    std::string left = hundredth(allocatable.vcpu) + " vCPU and " + hundredth(std::max(0.0, allocatable.memory_mib)) +
                       " MiB allocatable " +
                       (eks ? "after kube-reserved and the eviction threshold" : "as the ECS agent registers it");
    if (reserved_memory_mb > 0) left += ", less reserved_memory_mb " + detail::format_number(reserved_memory_mb);
    reasons.push_back(
        "a " + detail::format_number(w.cpu.value()) + " vCPU / " + detail::format_number(w.memory.value()) +
        " MB task" + (w.needs.gpu ? " with a GPU" : "") + " does not fit a " + std::string(t.name) + " node (" +
        detail::format_number(t.vcpu) + " vCPU, " + detail::format_number(t.memory_gib) + " GiB" +
        (t.gpus > 0 ? ", " + detail::format_number(t.gpus) + " GPU" : ", no GPU") + "; " + left + "): too little " +
        short_of + "; name a larger instance_type, or omit it for the cheapest type that fits");
  }
};

}  // namespace runwise::criteria

namespace runwise {

/// A container service on EC2 instances (ECS or EKS): the article's follow-up choice of "EC2
/// instances or Fargate" and "ECS or EKS". Tasks come from the container capacity policy, are
/// packed onto the cheapest instance type that fits them (or the one configured), and the
/// instances are billed; EKS adds its control plane.
template <simulate::orchestrator_policy O>
struct aws_ec2_cluster : composed_platform<simulate::container_fleet, pricing::aws::ec2_cluster_billing<O>,
                                           criteria::aws_ec2_cluster_limits, pricing::aws::aws_front_door<false>> {
  using base = composed_platform<simulate::container_fleet, pricing::aws::ec2_cluster_billing<O>,
                                 criteria::aws_ec2_cluster_limits, pricing::aws::aws_front_door<false>>;
  using typename base::config;
  static constexpr platform_kind kind = platform_kind::containers;
  /// Instances you run: your AMI and kernel, privileged containers, GPU instance types (g5.xlarge).
  static constexpr platform_traits traits{
      .runs_on = hosting::instances,
      .orchestrator = O::family,
      .own_os_image = true,
      .own_kernel = true,
      .gpu = true,
      .long_running = true,
      .in_process_state = true,
      .persistent_connections = true,
      .runs_locally = true};

  /// What one task asks for: the workload's vCPU and memory, a GPU when it needs one, one pod slot.
  static constexpr simulate::resources task_of(double vcpu, double memory_mb, bool gpu) {
    return {vcpu, memory_mb, 1, gpu ? 1.0 : 0.0};
  }

  /// The task must fit the instance type the config names, or some type of the catalog.
  static void check_limits(const workload& w, const config& c, std::vector<std::string>& reasons) {
    const simulate::resources task = task_of(w.cpu.value(), w.memory.value(), w.needs.gpu);
    if (c.billing.instance >= 0) {
      const auto& t = c.billing.prices.instances[static_cast<std::size_t>(c.billing.instance)];
      base::limits_policy::check_pinned(w, t, task, base::billing_policy::node_resources(c.billing, t),
                                        O::family == orchestration::kubernetes, c.billing.reserved_memory_mb, reasons);
      return;
    }
    const task_run one[] = {{seconds{0}, seconds{3600}, 1}};
    base::limits_policy::check(w, base::billing_policy::choose_instance(c.billing, {.runs = one, .task = task}) >= 0,
                               reasons);
  }

  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    cost_breakdown bill = base::billing_policy::bill(
        c.billing,
        {.runs = u.runs, .task = task_of(w.cpu.value(), w.memory.value(), w.needs.gpu), .horizon = u.horizon});
    bill.add(base::front_door_cost(w, u, c));
    return bill;
  }

  /// Components placed together share the cluster: their tasks are packed onto the same nodes
  /// (pricing::aws::shared_instances_cost), the control plane and the shared_line_items count once,
  /// the rest of each member's bill (its front door) adds up. When no single instance type fits
  /// every member's task, each keeps its own node group (its own instances).
  static cost_breakdown price_together(std::span<const sharing_member> members, const config& c) {
    if (members.size() == 1) return members[0].bill;
    std::vector<pricing::aws::sized_runs> packs;
    for (const auto& m : members)
      packs.push_back({m.use->runs, task_of(m.work->cpu.value(), m.work->memory.value(), m.work->needs.gpu)});
    cost_breakdown bill = price_members_sharing_fixed_items(members);
    if (const auto shared = pricing::aws::shared_instances_cost<O>(c.billing, packs))
      bill.replace({"instances", *shared, 0, {}, 0});  // one node pool: no one member's instance-hours
    return bill;
  }

  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    const task_run runs[] = {{seconds{0}, s.horizon, base::steady_task_count(s, c)}};
    cost_breakdown bill = base::billing_policy::bill(
        c.billing, {.runs = runs, .task = task_of(s.cpu.value(), s.memory.value(), false), .horizon = s.horizon});
    bill.add(base::front_door_quote(s, c));
    return bill;
  }
};

/// Amazon ECS on EC2 instances (no control-plane fee, docs/pricing.md: S).
///
/// ```cpp
/// runwise::aws_ecs_ec2::config c;
/// c.capacity.tasks = 4;
/// auto bill = runwise::aws_ecs_ec2::quote({.requests_per_month = 1e6, .memory = runwise::megabytes{1800},
///                                          .cpu = runwise::vcpu{1}}, c);
/// ```
struct aws_ecs_ec2 : aws_ec2_cluster<simulate::orchestrator::ecs> {
  static constexpr std::string_view id = "aws_ecs_ec2";
};

/// Amazon EKS on EC2 instances: kubelet reservations per node, max pods per node, and the EKS
/// control plane ($0.10 per cluster-hour).
struct aws_eks_ec2 : aws_ec2_cluster<simulate::orchestrator::eks> {
  static constexpr std::string_view id = "aws_eks_ec2";
};

}  // namespace runwise
