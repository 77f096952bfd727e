// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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

  /// What the platform lets you control, in a phrase: each of the seven capabilities the score
  /// counts is named as had or as missing (except an orchestrator other than Kubernetes).
  static std::string capabilities(const platform_traits& t) {
    std::string s = t.own_os_image ? "runs your own image (OS, language and runtime versions of your choice)"
                                   : "runs your code on the provider's managed runtime";
    std::vector<std::string_view> has, lacks;
    if (!t.own_os_image) lacks.push_back("OS image of your own");
    if (t.own_kernel)
      s += ", on hosts whose kernel, AMI and privileges you control";
    else
      lacks.push_back("kernel access");
    (t.gpu ? has : lacks).push_back(t.gpu ? "GPU instances" : "GPUs");
    (t.long_running ? has : lacks).push_back("long-running processes");
    (t.in_process_state ? has : lacks).push_back("in-process state");
    (t.persistent_connections ? has : lacks).push_back("persistent connections");
    if (!has.empty()) s += ", with " + listed(has, "and");
    if (t.orchestrator == orchestration::kubernetes) s += ", under portable Kubernetes";
    if (!lacks.empty()) s += "; no " + listed(lacks, "or");
    return s;
  }

 private:
  /// "a, b and c".
  static std::string listed(const std::vector<std::string_view>& items, std::string_view last) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i)
      s += (i == 0 ? "" : i + 1 == items.size() ? " " + std::string(last) + " " : ", ") + std::string(items[i]);
    return s;
  }
};

}  // namespace runwise::criteria
