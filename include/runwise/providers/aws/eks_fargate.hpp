// SPDX-License-Identifier: MIT
#pragma once

// EKS on Fargate: one pod per Fargate node, sized from the pod's request plus what Fargate adds for
// the node's own agents, billed at Fargate prices, plus the EKS control plane.

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "../../core/cost.hpp"
#include "../../core/detail/format.hpp"
#include "../../core/kind.hpp"
#include "../../core/traits.hpp"
#include "../../core/usage.hpp"
#include "../../platform/composed.hpp"
#include "../../simulate/container_fleet.hpp"
#include "../../workload/steady.hpp"
#include "../../workload/workload.hpp"
#include "eks.hpp"
#include "fargate.hpp"
#include "front_door.hpp"

namespace runwise::pricing::aws {

inline constexpr source eks_fargate_pod_doc{
    "https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html", 'O'};

/// The Fargate size a pod runs on (EKS User Guide, "Fargate Pod configuration", O): Fargate adds
/// 256 MB to the pod's memory request for kubelet, kube-proxy and containerd, then rounds up to the
/// nearest valid vCPU/memory combination; a pod with no request gets 0.25 vCPU / 0.5 GB. Returns
/// {0, 0} when no Fargate size is large enough.
///
/// ```cpp
/// static_assert(runwise::pricing::aws::eks_fargate_pod_size(1, 8).vcpu == 2);        // 2 vCPU / 9 GB
/// static_assert(runwise::pricing::aws::eks_fargate_pod_size(1, 8).memory_gb == 9);
/// ```
constexpr task_size eks_fargate_pod_size(double request_vcpu, double request_memory_gb) {
  if (request_vcpu <= 0 && request_memory_gb <= 0) return {0.25, 0.5};
  const double need_gb = request_memory_gb + 0.25;
  task_size best{};
  for_each_fargate_size([&](task_size s) {
    if (best.vcpu == 0 && s.vcpu >= request_vcpu && s.memory_gb >= need_gb - 1e-9) best = s;
  });
  // Sizes come smallest vCPU first, then smallest memory: the first that fits is the nearest.
  return best;
}

/// EKS on Fargate's billing policy: Fargate's formula on the pod's Fargate size, plus the control plane.
struct eks_fargate_billing {
  struct config {
    architecture arch = architecture::x86_64;
    purchase capacity = purchase::on_demand;
    eks_support support = eks_support::standard;
    fargate_sheet prices = fargate_prices;
    eks_sheet control_plane = eks_prices;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.choice("arch", c.arch, architecture_names);
      v.choice("capacity", c.capacity, purchase_names);
      v.choice("support", c.support, eks_support_names);
      v.sheet("prices", c.prices);
      v.sheet("control_plane_prices", c.control_plane);
    }
    void validate(const std::string& path) const {
      fargate_billing::config{.arch = arch, .capacity = capacity, .prices = prices}.validate(path);
    }
  };

  struct input {
    std::span<const task_run> runs;
    task_size pod{};  ///< the Fargate size (eks_fargate_pod_size of the request)
    seconds horizon = hours(730);
  };

  static constexpr cost_breakdown bill(const config& c, const input& in) {
    cost_breakdown b = fargate_billing::bill({.arch = c.arch, .capacity = c.capacity, .prices = c.prices},
                                             {.runs = in.runs, .task = in.pod});
    add_eks_control_plane(b, c.control_plane, c.support, in.horizon);
    return b;
  }
};

}  // namespace runwise::pricing::aws

namespace runwise::criteria {

/// EKS on Fargate: Fargate's sizes after the 256 MB it adds per pod, and no GPUs (docs/pricing.md, GPUs: S).
struct aws_eks_fargate_limits {
  static void check(const workload& w, pricing::aws::task_size pod, std::vector<std::string>& reasons) {
    if (pod.vcpu == 0)
      reasons.push_back("a pod of " + detail::format_number(w.cpu.value()) + " vCPU and " +
                        detail::format_number(w.memory.value()) +
                        " MB (plus the 256 MB Fargate adds) exceeds the largest Fargate size, 16 vCPU with 120 GB");
    if (w.needs.gpu) reasons.push_back("needs a GPU; Fargate offers none");
  }
};

}  // namespace runwise::criteria

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
  /// Kubernetes on hosts AWS runs: your image, no kernel access or GPUs (docs/pricing.md, GPUs: S).
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
