// SPDX-License-Identifier: MIT
#pragma once

// EKS on Fargate: one pod per Fargate node, sized from the pod's request plus what Fargate adds for
// the node's own agents, billed at Fargate prices, plus the EKS control plane.

#include <span>
#include <string>

#include "../../simulate/usage.hpp"
#include "../cost.hpp"
#include "eks.hpp"
#include "fargate.hpp"

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
    b.add("control_plane", eks_control_plane_cost(c.control_plane, c.support, in.horizon));
    return b;
  }
};

}  // namespace runwise::pricing::aws
