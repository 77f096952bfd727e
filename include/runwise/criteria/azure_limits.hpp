// SPDX-License-Identifier: MIT
#pragma once

// Hard limits: what makes an Azure option unable to run a workload at all. Each check appends one
// sentence per reason; an option with any reason is infeasible and never recommended.

#include <string>
#include <vector>

#include "../detail/format.hpp"
#include "../pricing/azure/functions.hpp"
#include "../workload/workload.hpp"

namespace runwise::criteria {

/// Azure Functions' limits per plan (Azure Functions documentation, "Function app timeout duration"
/// and the service limits table: https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/functions-limits.md,
/// .../includes/functions-timeout-duration.md, seen 2026-11-26):
/// Consumption runs an execution for 5 minutes by default and 10 minutes at most, with at most
/// 1.5 GB of memory per instance (PRICES.md: "max 1,536 MB", O). Flex Consumption has no enforced
/// maximum execution time (same table) and larger instance memory sizes, which runwise does not model.
struct azure_functions_limits {
  static constexpr double consumption_max_duration_s = 600;  // "Consumption plan: default 5, maximum 10" (minutes)
  static constexpr double consumption_max_memory_mb = 1536;  // "max 1,536 MB" (PRICES.md, O)

  static void check(const workload& w, pricing::azure::functions_plan plan, std::vector<std::string>& reasons) {
    if (plan == pricing::azure::functions_plan::consumption) {
      if (w.duration.mean.value() > consumption_max_duration_s)
        reasons.push_back("a request runs " + detail::format_number(w.duration.mean.value()) +
                          " s on average; the Consumption plan stops every execution at 10 minutes");
      if (w.memory.value() > consumption_max_memory_mb)
        reasons.push_back("needs " + detail::format_number(w.memory.value()) +
                          " MB; the Consumption plan offers at most 1,536 MB");
    }
    // "GPUs: ... Azure Functions (Consumption) offer none" (PRICES.md, S); PRICES.md says nothing of
    // Flex GPUs, so runwise cannot price one there either.
    if (w.needs.gpu) reasons.push_back("needs a GPU; Azure Functions offers none on its consumption plans");
    if (w.needs.custom_os)
      reasons.push_back("needs its own OS or kernel; Azure Functions runs code on a Microsoft-managed host");
  }
};

/// Azure Container Apps' limits (Consumption profile): a replica has 0.25–4 vCPU and 0.5–8 GiB
/// ("Workload profiles in Azure Container Apps",
/// https://learn.microsoft.com/azure/container-apps/workload-profiles-overview, and "Quotas for Azure Container Apps":
/// 4 cores per replica, seen 2026-11-26). PRICES.md has no GPU price for Container Apps, so a GPU workload cannot be
/// priced there.
struct azure_container_apps_limits {
  static constexpr double max_vcpu = 4;
  static constexpr double max_memory_mb = 8 * 1024;

  /// `cpu` and `memory_gib` are the replica's size as billed.
  static void check(const workload& w, double cpu, double memory_gib, std::vector<std::string>& reasons) {
    if (cpu > max_vcpu || memory_gib * 1024 > max_memory_mb)
      reasons.push_back("needs replicas of " + detail::format_number(cpu) + " vCPU and " +
                        detail::format_number(memory_gib) +
                        " GiB; a Container Apps Consumption replica has at most 4 vCPU and 8 GiB");
    if (cpu < w.cpu.value() || memory_gib * 1024 < w.memory.value())
      reasons.push_back("the replica (" + detail::format_number(cpu) + " vCPU, " + detail::format_number(memory_gib) +
                        " GiB) is smaller than the workload needs (" + detail::format_number(w.cpu.value()) +
                        " vCPU, " + detail::format_number(w.memory.value()) + " MB)");
    if (w.needs.gpu)
      reasons.push_back("needs a GPU; runwise has no cited price for Container Apps GPUs (PRICES.md lists none)");
    if (w.needs.custom_os)
      reasons.push_back("needs its own OS or kernel; Container Apps runs containers on a Microsoft-managed kernel");
  }
};

}  // namespace runwise::criteria
