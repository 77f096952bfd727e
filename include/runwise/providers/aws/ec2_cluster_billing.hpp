// SPDX-License-Identifier: MIT
#pragma once

// ECS or EKS on EC2, its bill: tasks are packed onto instances, the node count follows the task
// count over time, and the instances are billed per second (60-second minimum per launch), less
// any Spot or reserved discount; EKS adds its control plane. The platform is ec2_cluster.hpp.

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <vector>

#include "../../core/choices.hpp"
#include "../../core/cost.hpp"
#include "../../core/detail/check.hpp"
#include "../../core/usage.hpp"
#include "../../simulate/node_capacity.hpp"
#include "ec2.hpp"
#include "eks.hpp"

namespace runwise::pricing::aws {

/// How EC2 capacity is bought. Spot prices float and reserved prices depend on the term, so both
/// take the discount you actually get (docs/pricing.md has no figure for either).
enum class ec2_purchase { on_demand, spot, reserved };
inline constexpr choice_table<ec2_purchase, 3> ec2_purchase_names{
    {{"on_demand", ec2_purchase::on_demand}, {"spot", ec2_purchase::spot}, {"reserved", ec2_purchase::reserved}}};

/// Instance-seconds a cluster bills and how many instances it launched.
struct node_time {
  double instance_seconds = 0;
  double launches = 0;
};

/// Nodes over time for any task runs (see cluster_node_time).
inline node_time cluster_node_time_of_runs(std::span<const task_run> runs, double per_node) {
  std::vector<std::pair<double, double>> events;  // (time, change in tasks)
  events.reserve(2 * runs.size());
  for (const auto& r : runs) {
    events.emplace_back(r.start.value(), r.tasks);
    events.emplace_back(r.stop.value(), -r.tasks);
  }
  std::sort(events.begin(), events.end());
  node_time out;
  double tasks = 0, nodes = 0, t = events.empty() ? 0.0 : events.front().first;
  for (std::size_t i = 0; i < events.size();) {
    const double now = events[i].first;
    out.instance_seconds += nodes * (now - t);
    for (; i < events.size() && events[i].first == now; ++i) tasks += events[i].second;
    const double next = detail::ceil(detail::max(0.0, tasks) / per_node - 1e-9);
    out.launches += detail::max(0.0, next - nodes);
    nodes = next;
    t = now;
  }
  return out;
}

/// Nodes over time for task `runs` when `per_node` tasks fit on a node: at every moment
/// ceil(tasks running / per_node) nodes run; each rise in the node count is a launch. Constant
/// expression for a single run (the closed-form quotes).
constexpr node_time cluster_node_time(std::span<const task_run> runs, double per_node) {
  if (runs.size() == 1) {
    const double nodes = detail::ceil(runs[0].tasks / per_node - 1e-9);
    return {nodes * runs[0].length().value(), nodes};
  }
  return cluster_node_time_of_runs(runs, per_node);
}

/// ECS (`O = ecs`) or EKS (`O = eks`) on EC2 instances: a billing policy.
///
/// ```cpp
/// using ecs = runwise::pricing::aws::ec2_cluster_billing<runwise::simulate::orchestrator::ecs>;
/// const runwise::task_run month[] = {{runwise::seconds{0}, runwise::hours(730), 4}};
/// auto bill = ecs::bill({.instance = 1 /* m5.large */}, {.runs = month, .task = {1, 1800}});   // 2 nodes
/// ```
template <simulate::orchestrator_policy O>
struct ec2_cluster_billing {
  static constexpr choice_table<int, 8> instance_names{{{"auto", -1},
                                                        {"t3.medium", 0},
                                                        {"m5.large", 1},
                                                        {"c5.large", 2},
                                                        {"m6g.large", 3},
                                                        {"m7g.large", 4},
                                                        {"c6g.medium", 5},
                                                        {"g5.xlarge", 6}}};

  struct config {
    int instance = -1;  ///< index into the sheet's instances, or -1: the cheapest type that fits
    architecture arch = architecture::x86_64;
    ec2_purchase purchase = ec2_purchase::on_demand;
    double discount = 0;           ///< off on-demand prices, for Spot or reserved capacity
    double reserved_memory_mb = 0; ///< per node (ECS_RESERVED_MEMORY, or extra system-reserved on EKS)
    eks_support support = eks_support::standard;
    ec2_sheet prices = ec2_prices;
    eks_sheet control_plane = eks_prices;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.choice("instance_type", c.instance, instance_names);
      v.choice("arch", c.arch, architecture_names);
      v.choice("purchase", c.purchase, ec2_purchase_names);
      v.number("discount", c.discount, 0, 0.95);
      v.number("reserved_memory_mb", c.reserved_memory_mb, 0, 65'536, " MB");
      if constexpr (O::family == orchestration::kubernetes) v.choice("support", c.support, eks_support_names);
      v.sheet("prices", c.prices);
      if constexpr (O::family == orchestration::kubernetes) v.sheet("control_plane_prices", c.control_plane);
    }

    void validate(const std::string& path) const {
      if (purchase != ec2_purchase::on_demand && discount == 0)
        fail_input(path + ".discount", "give the discount you get for Spot or reserved capacity (e.g. 0.6); runwise "
                                       "has no Spot or reserved price to assume");
      if (instance >= 0 && prices.instances[static_cast<std::size_t>(instance)].arch != arch)
        fail_input(path + ".arch", "does not match instance_type " +
                                       std::string(prices.instances[static_cast<std::size_t>(instance)].name));
    }
  };

  /// What is billed: the task runs and one task's needs.
  struct input {
    std::span<const task_run> runs;
    simulate::resources task{};
    seconds horizon = hours(730);
  };

  /// The instance type the cluster uses: the configured one, or the cheapest that fits the task
  /// (matching architecture; with a GPU when the task needs one). -1 when none fits.
  static constexpr int choose_instance(const config& c, const input& in) {
    if (c.instance >= 0) return c.instance;
    int best = -1;
    double best_cost = 0;
    for (std::size_t i = 0; i < c.prices.instances.size(); ++i) {
      const instance_type& t = c.prices.instances[i];
      if (t.arch != c.arch || (in.task.gpus == 0 && t.gpus > 0)) continue;
      const double per_node = simulate::fit_per_node(in.task, node_resources(c, t));
      if (per_node < 1) continue;
      const node_time nt = cluster_node_time(in.runs, per_node);
      const double cost = detail::max(nt.instance_seconds, nt.launches * c.prices.minimum_billed_s) * t.per_hour;
      if (best < 0 || cost < best_cost) {
        best = static_cast<int>(i);
        best_cost = cost;
      }
    }
    return best;
  }

  static constexpr simulate::resources node_resources(const config& c, const instance_type& t) {
    return O::allocatable({t.vcpu, t.memory_gib, t.max_pods, t.gpus}, c.reserved_memory_mb);
  }

  static constexpr cost_breakdown bill(const config& c, const input& in) {
    cost_breakdown b;
    const int chosen = choose_instance(c, in);
    if (chosen >= 0) {
      const instance_type& t = c.prices.instances[static_cast<std::size_t>(chosen)];
      const node_time nt = cluster_node_time(in.runs, simulate::fit_per_node(in.task, node_resources(c, t)));
      const double billed_s = detail::max(nt.instance_seconds, nt.launches * c.prices.minimum_billed_s);
      const double per_hour = t.per_hour * (1 - c.discount);
      b.add("instances", usd{billed_s / 3600.0 * t.per_hour * (1 - c.discount)},
            measure{billed_s / 3600.0, "instance-h", per_hour});
    }
    if constexpr (O::family == orchestration::kubernetes)
      add_eks_control_plane(b, c.control_plane, c.support, in.horizon);
    return b;
  }
};

}  // namespace runwise::pricing::aws
