// SPDX-License-Identifier: MIT
#pragma once

// What a platform lets its users do and what it leaves to them: the inputs of the article's
// qualitative criteria (maintenance, control, testing, deployment time). Costs and scaling are
// measured; these are declared, one constant per platform.

#include <string_view>

#include "kind.hpp"

namespace runwise {

/// Where the code runs: the article's "selecting hosting (EC2 instances or AWS Fargate)", plus
/// functions. Decides who patches the hosts (maintenance) and how much of the machine is yours (control).
enum class hosting {
  functions,           ///< managed functions: Lambda, Azure Functions
  managed_containers,  ///< containers on hosts the provider runs: Fargate, Cloud Run, Container Apps
  instances,           ///< containers on virtual machines you run: ECS or EKS on EC2
};

/// Which orchestrator schedules the containers: the article's "ECS or EKS".
enum class orchestration {
  none,        ///< the provider's own scheduler (functions, Cloud Run, Container Apps)
  ecs,         ///< Amazon ECS: no control-plane fee, AWS-specific
  kubernetes,  ///< Kubernetes (EKS): portable, more to upgrade and operate
};

/// The JSON names: "functions", "managed", "instances".
///
/// ```cpp
/// static_assert(runwise::to_string(runwise::hosting::instances) == "instances");
/// ```
inline constexpr std::string_view to_string(hosting h) noexcept {
  switch (h) {
    case hosting::functions:
      return "functions";
    case hosting::managed_containers:
      return "managed";
    case hosting::instances:
      return "instances";
  }
  return "functions";
}

/// The JSON names: "none", "ecs", "kubernetes".
///
/// ```cpp
/// static_assert(runwise::to_string(runwise::orchestration::ecs) == "ecs");
/// ```
inline constexpr std::string_view to_string(orchestration o) noexcept {
  switch (o) {
    case orchestration::none:
      return "none";
    case orchestration::ecs:
      return "ecs";
    case orchestration::kubernetes:
      return "kubernetes";
  }
  return "none";
}

/// A platform's class and capabilities, as the criteria read them (docs/criteria.md).
///
/// A platform declares `static constexpr runwise::platform_traits traits{...};`; one that does not
/// gets `default_traits(P::kind)` (see traits_of). Capabilities describe the platform, not a
/// configuration: "can keep state in process" is true of Fargate whatever the task size.
///
/// ```cpp
/// struct my_platform { /* ... */
///   static constexpr runwise::platform_traits traits{.runs_on = runwise::hosting::managed_containers,
///                                                    .own_os_image = true, .long_running = true};
/// };
/// static_assert(runwise::traits_of<runwise::aws_fargate>().orchestrator == runwise::orchestration::ecs);
/// ```
struct platform_traits {
  hosting runs_on = hosting::functions;
  orchestration orchestrator = orchestration::none;
  bool own_os_image = false;            ///< you choose the base image, OS packages, runtime versions
  bool own_kernel = false;              ///< kernel, AMI, privileged containers, host daemons
  bool gpu = false;                     ///< GPUs can be attached (hard limits decide feasibility)
  bool long_running = false;            ///< a process may run indefinitely (Lambda stops at 15 minutes)
  bool in_process_state = false;        ///< memory survives between requests by design
  bool persistent_connections = false;  ///< WebSockets, streams, connection pools held open
  bool runs_locally = false;            ///< the deployed artefact runs unchanged on a laptop (an image)
  /// What emulates the managed runtime on a laptop when the artefact does not run there unchanged,
  /// as the testing criterion names it ("AWS SAM CLI (sam local) or LocalStack"); empty: no tool
  /// is named. Ignored when `runs_locally`.
  std::string_view local_emulator{};
};

/// Traits for a platform that declares none, from its kind alone: serverless → managed functions
/// with no capability; containers → managed containers (the Fargate / Cloud Run / Container Apps
/// class) that run your own image, long-running, stateful and with open connections, but give no
/// kernel and no GPU. Declare `traits` when the platform differs (instances, Kubernetes, GPUs).
inline constexpr platform_traits default_traits(platform_kind k) noexcept {
  if (k == platform_kind::serverless) return {};
  return {.runs_on = hosting::managed_containers,
          .own_os_image = true,
          .long_running = true,
          .in_process_state = true,
          .persistent_connections = true,
          .runs_locally = true};
}

/// `P::traits` when the platform declares it, else `default_traits(P::kind)`.
///
/// ```cpp
/// constexpr runwise::platform_traits t = runwise::traits_of<runwise::aws_lambda>();
/// ```
template <class P>
constexpr platform_traits traits_of() noexcept {
  if constexpr (requires { P::traits; })
    return P::traits;
  else
    return default_traits(P::kind);
}

}  // namespace runwise
