// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "concepts.hpp"

namespace runwise::criteria {

/// The article's control-and-flexibility criterion: containers give developers full control (the
/// root OS, any language and runtime version, policies, resources, security); with serverless
/// almost everything is managed by the provider. Also its rule of thumb: containers for legacy
/// services, whose original environment they can replicate.
///
/// Score: 0.2 + 0.8 × (capabilities the platform has, of seven: own OS image, own kernel, GPUs,
/// long-running processes, in-process state, persistent connections, a portable orchestrator
/// (Kubernetes)) / 7, halved for each need of the workload the platform cannot meet (custom OS,
/// legacy migration, GPU, stateful, persistent connections, requests over 15 minutes).
///
/// ```cpp
/// runwise::criteria::control::capability_score(runwise::traits_of<runwise::aws_eks_ec2>());   // 1
/// ```
struct control {
  static constexpr std::string_view name = "control";

  /// The score of a platform's capabilities alone, before the workload's needs.
  static constexpr double capability_score(const platform_traits& t) noexcept {
    const int n = int{t.own_os_image} + int{t.own_kernel} + int{t.gpu} + int{t.long_running} + int{t.in_process_state} +
                  int{t.persistent_connections} + int{t.orchestrator == orchestration::kubernetes};
    return 0.2 + 0.8 * n / 7.0;
  }

  static assessment assess(const criterion_input& in) {
    const platform_traits& t = in.option.traits;
    const requirements& r = in.subject.needs;
    std::string met, unmet;
    int misses = 0;
    const auto need = [&](bool wanted, bool has, const char* what) {
      if (!wanted) return;
      std::string& list = has ? met : unmet;
      list += (list.empty() ? "" : ", ") + std::string(what);
      misses += has ? 0 : 1;
    };
    need(r.custom_os, t.own_os_image, "its own OS image");
    need(r.legacy_migration, t.own_os_image, "the legacy service's original environment");
    need(r.gpu, t.gpu, "a GPU");
    need(r.stateful, t.in_process_state, "state kept in process");
    need(r.persistent_connections, t.persistent_connections, "persistent connections");
    need(in.subject.duration.mean.value() > 900, t.long_running, "requests longer than 15 minutes");

    std::string why = in.option.platform + " " + capabilities(t);
    if (!met.empty()) why += "; it meets the workload's need for " + met;
    if (!unmet.empty()) why += "; it cannot give " + unmet;
    double score = capability_score(t);
    for (int i = 0; i < misses; ++i) score *= 0.5;
    return {score, why};
  }

  /// What the platform lets you control, in a phrase.
  static std::string capabilities(const platform_traits& t) {
    if (t.runs_on == hosting::functions && !t.own_os_image)
      return "runs your code on the provider's managed runtime: no OS image, kernel or GPU of your own, no process "
             "or connection kept between invocations";
    std::string s = t.own_os_image ? "runs your own image (OS, language and runtime versions of your choice)"
                                   : "runs your code on the provider's runtime";
    if (t.own_kernel) s += ", on hosts whose kernel, AMI and privileges you control";
    if (t.gpu) s += ", with GPU instances";
    if (t.long_running || t.in_process_state) s += ", with long-running, stateful processes";
    if (t.orchestrator == orchestration::kubernetes) s += ", under portable Kubernetes";
    if (!t.own_kernel) s += "; no kernel access";
    if (!t.gpu) s += t.own_kernel ? "; no GPUs" : " or GPUs";
    return s;
  }
};

}  // namespace runwise::criteria
