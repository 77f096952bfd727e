// SPDX-License-Identifier: MIT
#pragma once

// Several components' tasks on one ECS or EKS cluster on EC2: their tasks share nodes. At every
// moment the cluster runs the nodes that first-fit decreasing needs for the tasks of every component
// running then, so a small task fills the room a large one leaves, and a component with one rarely
// busy task adds no node when the others' nodes have room for it.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "../../core/detail/math.hpp"
#include "../../core/usage.hpp"
#include "../../simulate/node_capacity.hpp"
#include "ec2_cluster_billing.hpp"

namespace runwise::pricing::aws {

/// One component's task runs and the size of each of its tasks.
struct sized_runs {
  std::span<const task_run> runs;
  simulate::resources task{};
};

/// Instance-seconds and launches of a cluster whose nodes offer `node`, for the task runs of every
/// member: an event sweep over all runs; at each moment the node count is first_fit_decreasing_counts of
/// the tasks then running (memoised by the vector of task counts, which repeats). nullopt when some
/// member's task fits on no node.
///
/// ```cpp
/// const runwise::task_run month[] = {{runwise::seconds{0}, runwise::hours(730), 1}};
/// const runwise::pricing::aws::sized_runs two[] = {{month, {1, 1800}}, {month, {0.5, 1800}}};
/// auto nt = runwise::pricing::aws::shared_node_time(two, {2, 7985});   // one node all month
/// ```
inline std::optional<node_time> shared_node_time(std::span<const sized_runs> members, const simulate::resources& node) {
  struct event {
    double at;
    std::size_t member;
    double change;
  };
  std::vector<event> events;
  for (std::size_t m = 0; m < members.size(); ++m) {
    if (simulate::fit_per_node(members[m].task, node) < 1) return std::nullopt;
    for (const auto& r : members[m].runs) {
      events.push_back({r.start.value(), m, r.tasks});
      events.push_back({r.stop.value(), m, -r.tasks});
    }
  }
  std::sort(events.begin(), events.end(), [](const event& a, const event& b) { return a.at < b.at; });
  std::vector<double> running(members.size(), 0.0);
  // Task counts per member → nodes, sorted by the counts: the states recur (a fleet returns to the
  // same counts), and packing one costs far more than finding it. (A sorted vector, not <map>,
  // keeps the core header light.)
  std::vector<std::pair<std::vector<double>, double>> nodes_for;
  auto nodes_needed = [&]() {
    auto at = std::lower_bound(nodes_for.begin(), nodes_for.end(), running,
                               [](const auto& entry, const std::vector<double>& key) { return entry.first < key; });
    if (at == nodes_for.end() || at->first != running) {
      std::vector<simulate::sized_count> groups;
      for (std::size_t m = 0; m < members.size(); ++m)
        groups.push_back({members[m].task, detail::max(0.0, std::round(running[m]))});
      at = nodes_for.insert(
          at, {running, static_cast<double>(simulate::first_fit_decreasing_counts(std::move(groups), node))});
    }
    return at->second;
  };
  node_time out;
  double nodes = 0, t = events.empty() ? 0.0 : events.front().at;
  for (std::size_t i = 0; i < events.size();) {
    const double now = events[i].at;
    out.instance_seconds += nodes * (now - t);
    for (; i < events.size() && events[i].at == now; ++i) running[events[i].member] += events[i].change;
    const double next = nodes_needed();
    out.launches += detail::max(0.0, next - nodes);
    nodes = next;
    t = now;
  }
  return out;
}

/// The instances' bill of `members` sharing one cluster with settings `c`: on the configured
/// instance type, or on the type (matching architecture; GPU types only when a member needs a GPU)
/// that makes the shared cluster cheapest. nullopt when no single type fits every member's task.
///
/// ```cpp
/// std::optional<runwise::usd> u = runwise::pricing::aws::shared_instances_cost<ecs>(config, members);
/// ```
template <simulate::orchestrator_policy O>
std::optional<usd> shared_instances_cost(const typename ec2_cluster_billing<O>::config& c,
                                         std::span<const sized_runs> members) {
  bool gpu = false;
  for (const auto& m : members) gpu = gpu || m.task.gpus > 0;
  std::optional<usd> best;
  for (std::size_t i = 0; i < c.prices.instances.size(); ++i) {
    const instance_type& t = c.prices.instances[i];
    if (c.instance >= 0 ? static_cast<int>(i) != c.instance : (t.arch != c.arch || (!gpu && t.gpus > 0))) continue;
    const auto nt = shared_node_time(members, ec2_cluster_billing<O>::node_resources(c, t));
    if (!nt) continue;
    const double billed_s = detail::max(nt->instance_seconds, nt->launches * c.prices.minimum_billed_s);
    const usd cost{billed_s / 3600.0 * t.per_hour * (1 - c.discount)};
    if (!best || cost < *best) best = cost;
  }
  return best;
}

}  // namespace runwise::pricing::aws
