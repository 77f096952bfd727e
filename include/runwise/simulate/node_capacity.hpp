// SPDX-License-Identifier: MIT
#pragma once

// How many containers fit on one cluster node: what the orchestrator leaves allocatable, and how
// identical or mixed tasks pack (first-fit decreasing).

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <limits>
#include <string_view>
#include <vector>

#include "../core/detail/math.hpp"
#include "../core/traits.hpp"

namespace runwise::simulate {

/// What a task or pod asks for, and what a node offers.
struct resources {
  double vcpu = 0;
  double memory_mib = 0;
  double pods = 1;  ///< pod slots (EKS); a task takes one
  double gpus = 0;
};

/// A node's installed size.
struct node_shape {
  double vcpu = 0;
  double memory_gib = 0;
  double max_pods = 0;  ///< pods an EKS node runs (VPC CNI: ENIs × (IPv4 per ENI - 1) + 2)
  double gpus = 0;
};

/// The orchestrators of a cluster of instances, as policy types: what each leaves a task of a node
/// (`allocatable`), and the family it belongs to (core/traits.hpp, for the criteria's evidence).
/// A user adds another (a self-managed Kubernetes with other reservations, Nomad) by writing a type
/// that satisfies orchestrator_policy.
namespace orchestrator {

/// Amazon ECS: all vCPUs; memory as the agent registers it — the ECS docs' m4.large example
/// registers 7,985 of 8,192 MiB — less `ECS_RESERVED_MEMORY` (default 0) (Amazon ECS Developer
/// Guide, "Reserving Amazon ECS Linux container instance memory"; AWS Batch User Guide, "Compute
/// resource memory management", seen 2026-11-26). No pod limit.
struct ecs {
  static constexpr std::string_view name = "ecs";
  static constexpr orchestration family = orchestration::ecs;
  static constexpr resources allocatable(const node_shape& t, double reserved_memory_mib = 0) {
    return {t.vcpu, t.memory_gib * 1024 * 7985.0 / 8192.0 - reserved_memory_mib,
            std::numeric_limits<double>::infinity(), t.gpus};
  }
};

/// Amazon EKS: capacity minus kube-reserved and the eviction threshold, as the EKS AMI sets them:
/// CPU 6% of the first core, 1% of the second, 0.5% of the third and fourth, 0.25% of the rest;
/// memory 255 MiB + 11 MiB per pod the node can run, plus 100 MiB hard eviction
/// (awslabs/amazon-eks-ami, bootstrap and PR #419); at most max_pods pods.
struct eks {
  static constexpr std::string_view name = "eks";
  static constexpr orchestration family = orchestration::kubernetes;
  static constexpr resources allocatable(const node_shape& t, double reserved_memory_mib = 0) {
    const double c = t.vcpu;
    const double reserved_cpu = 0.06 * detail::min(c, 1.0) + 0.01 * detail::max(0.0, detail::min(c, 2.0) - 1) +
                                0.005 * detail::max(0.0, detail::min(c, 4.0) - 2) + 0.0025 * detail::max(0.0, c - 4);
    return {c - reserved_cpu, t.memory_gib * 1024 - (255 + 11 * t.max_pods) - 100 - reserved_memory_mib, t.max_pods,
            t.gpus};
  }
};

}  // namespace orchestrator

/// An orchestrator of a cluster of instances: a name, its family and what it leaves allocatable.
template <class O>
concept orchestrator_policy = requires(const node_shape& t) {
  { O::name } -> std::convertible_to<std::string_view>;
  { O::family } -> std::convertible_to<orchestration>;
  { O::allocatable(t, 0.0) } -> std::same_as<resources>;
};

/// How many copies of `item` fit on one node offering `node` (0 when none does).
constexpr double fit_per_node(const resources& item, const resources& node) {
  double n = std::numeric_limits<double>::infinity();
  if (item.vcpu > 0) n = detail::min(n, detail::floor(node.vcpu / item.vcpu + 1e-9));
  if (item.memory_mib > 0) n = detail::min(n, detail::floor(node.memory_mib / item.memory_mib + 1e-9));
  if (item.pods > 0) n = detail::min(n, detail::floor(node.pods / item.pods + 1e-9));
  if (item.gpus > 0) n = detail::min(n, detail::floor(node.gpus / item.gpus + 1e-9));
  return detail::max(0.0, n);
}

/// Nodes needed for `items` of mixed sizes by first-fit decreasing (largest memory first): each
/// item goes on the first node with room, else on a new one. Returns 0 if an item fits on no node.
///
/// ```cpp
/// // Four 1-vCPU tasks on 2-vCPU nodes: 2 nodes.
/// runwise::simulate::first_fit_decreasing({{1, 512}, {1, 512}, {1, 512}, {1, 512}}, {2, 8192, 29});
/// ```
inline std::size_t first_fit_decreasing(std::vector<resources> items, const resources& node) {
  std::sort(items.begin(), items.end(), [](const resources& a, const resources& b) {
    return a.memory_mib != b.memory_mib ? a.memory_mib > b.memory_mib : a.vcpu > b.vcpu;
  });
  std::vector<resources> free;
  for (const auto& it : items) {
    if (fit_per_node(it, node) < 1) return 0;
    auto fits = [&](const resources& f) { return fit_per_node(it, f) >= 1; };
    auto slot = std::find_if(free.begin(), free.end(), fits);
    if (slot == free.end()) slot = free.insert(free.end(), node);
    slot->vcpu -= it.vcpu;
    slot->memory_mib -= it.memory_mib;
    slot->pods -= it.pods;
    slot->gpus -= it.gpus;
  }
  return free.size();
}

/// `count` tasks of one size: an entry of a mixed set of tasks.
struct sized_count {
  resources size{};
  double count = 0;
};

/// Nodes needed for mixed task sizes given as counts (several components' tasks sharing a cluster),
/// by first-fit decreasing as above. Returns 0 if a task fits on no node.
///
/// ```cpp
/// // Two 1 vCPU / 1,800 MiB tasks and two 0.25 vCPU / 512 MiB tasks on m5.large-sized ECS nodes: 2.
/// runwise::simulate::first_fit_decreasing_counts(std::vector<runwise::simulate::sized_count>{{{1, 1800}, 2}, {{0.25,
/// 512}, 2}},
///                                          {2, 7985});
/// ```
inline std::size_t first_fit_decreasing_counts(std::vector<sized_count> groups, const resources& node) {
  std::sort(groups.begin(), groups.end(), [](const sized_count& a, const sized_count& b) {
    return a.size.memory_mib != b.size.memory_mib ? a.size.memory_mib > b.size.memory_mib : a.size.vcpu > b.size.vcpu;
  });
  std::vector<resources> free;
  for (const auto& g : groups) {
    if (g.count <= 0) continue;
    if (fit_per_node(g.size, node) < 1) return 0;
    std::size_t first = 0;  // nodes before `first` have no room for this size: skip them for its next copies
    for (double k = 0; k < g.count - 1e-9; ++k) {
      while (first < free.size() && fit_per_node(g.size, free[first]) < 1) ++first;
      if (first == free.size()) free.push_back(node);
      resources& slot = free[first];
      slot.vcpu -= g.size.vcpu;
      slot.memory_mib -= g.size.memory_mib;
      slot.pods -= g.size.pods;
      slot.gpus -= g.size.gpus;
    }
  }
  return free.size();
}

}  // namespace runwise::simulate
