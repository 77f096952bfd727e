// SPDX-License-Identifier: MIT
#pragma once

// Hard limits: what makes an AWS option unable to run a workload at all. Each returns the reasons
// as sentences; an option with any reason is infeasible and never recommended.

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "../detail/format.hpp"
#include "../pricing/aws/ec2.hpp"
#include "../pricing/aws/fargate.hpp"
#include "../simulate/node_capacity.hpp"
#include "../workload/workload.hpp"

namespace runwise::criteria {

/// AWS Lambda's quotas (AWS Lambda Developer Guide, "Lambda quotas",
/// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, seen 2026-11-26 via PRICES.md).
struct aws_lambda_limits {
  static constexpr double max_duration_s = 900;       // "15 min max duration"
  static constexpr double max_memory_mb = 10'240;     // "Memory 128–10,240 MB"
  static constexpr double max_payload_kb = 6 * 1024;  // "6 MB synchronous payload"

  static void check(const workload& w, std::vector<std::string>& reasons) {
    if (w.duration.mean.value() > max_duration_s)
      reasons.push_back("a request runs " + detail::format_number(w.duration.mean.value()) +
                        " s on average; Lambda stops every invocation at 15 minutes");
    if (w.memory.value() > max_memory_mb)
      reasons.push_back("needs " + detail::format_number(w.memory.value()) + " MB; Lambda offers at most 10,240 MB");
    if (w.needs.payload_kb > max_payload_kb)
      reasons.push_back("payloads of " + detail::format_number(w.needs.payload_kb) +
                        " KB exceed Lambda's 6 MB synchronous limit");
    // Lambda offers no GPUs (PRICES.md, GPUs: S).
    if (w.needs.gpu) reasons.push_back("needs a GPU; Lambda offers none");
    if (w.needs.custom_os) reasons.push_back("needs its own OS or kernel; Lambda runs on an AWS-managed Amazon Linux");
  }
};

/// AWS Fargate's limits: the largest task size (16 vCPU, 120 GB; see pricing::aws::fargate_sizes) and no GPUs
/// (PRICES.md, GPUs: S).
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
  /// orchestrator's reservations (`allocatable`, simulate::allocatable): the reason says what the
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

/// EKS on Fargate: Fargate's sizes after the 256 MB it adds per pod, and no GPUs (PRICES.md, GPUs: S).
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
