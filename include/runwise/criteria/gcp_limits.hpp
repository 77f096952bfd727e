// SPDX-License-Identifier: MIT
#pragma once

// Hard limits: what makes a Google Cloud option unable to run a workload at all.

#include <string>
#include <vector>

#include "../detail/format.hpp"
#include "../workload/workload.hpp"

namespace runwise::criteria {

/// Cloud Run's instance limits (Cloud Run documentation, "Configure CPU limits" and "Configure memory
/// limits", https://docs.cloud.google.com/run/docs/configuring/jobs/cpu (the vCPU and memory table), seen 2026-11-26):
/// at most 8 vCPU and 32 GiB per instance ("8 vCPU: 4 to 32 GiB"); at most 1,000 concurrent requests per instance
/// (PRICES.md, O). Cloud Run offers NVIDIA L4 GPUs, but their price is unconfirmed (PRICES.md: "price U — model it only
/// with a price you can cite"), so a GPU workload cannot be priced.
struct gcp_cloud_run_limits {
  static constexpr double max_vcpu = 8;
  static constexpr double max_memory_mb = 32 * 1024;
  static constexpr double max_concurrency = 1000;

  /// `cpu` is the instance's vCPU (gcp_cloud_run::instance_cpu); 0 when no valid size fits.
  /// A request may run at most 60 minutes ("Setting request timeout for services", Cloud Run docs,
  /// https://cloud.google.com/run/docs/configuring/request-timeout, seen 2026-11-26).
  static constexpr double max_request_s = 3600;

  static void check(const workload& w, double cpu, std::vector<std::string>& reasons) {
    if (w.duration.mean.value() > max_request_s)
      reasons.push_back("a request runs " + detail::format_number(w.duration.mean.value()) +
                        " s on average; Cloud Run ends a request after at most 60 minutes");
    if (w.cpu.value() > max_vcpu || cpu == 0)
      reasons.push_back("needs " + detail::format_number(w.cpu.value()) + " vCPU with " +
                        detail::format_number(w.memory.value()) +
                        " MB; a Cloud Run instance has at most 8 vCPU and 32 GiB");
    else if (w.memory.value() > max_memory_mb)
      reasons.push_back("needs " + detail::format_number(w.memory.value()) +
                        " MB; a Cloud Run instance has at most 32 GiB");
    if (w.concurrency_per_instance > max_concurrency)
      reasons.push_back("serves " + detail::format_number(w.concurrency_per_instance) +
                        " requests per instance at once; Cloud Run allows at most 1,000");
    if (w.needs.gpu)
      reasons.push_back("needs a GPU; Cloud Run's L4 GPUs have no confirmed price in runwise (PRICES.md: U)");
    if (w.needs.custom_os)
      reasons.push_back("needs its own OS or kernel; Cloud Run runs containers on a Google-managed kernel");
  }
};

}  // namespace runwise::criteria
