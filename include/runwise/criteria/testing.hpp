// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "concepts.hpp"

namespace runwise::criteria {

/// The article's testing criterion: serverless apps are hard to test because their backend is hard
/// to replicate locally; containers run the same wherever they are deployed.
///
/// Score: 1 when the deployed artefact runs unchanged on a laptop (an image: traits.runs_locally),
/// 0.5 when the runtime and its event sources can only be emulated. The evidence names the local
/// tool from the traits: `docker run` for an image (and a local Kubernetes cluster for Kubernetes
/// manifests), else the platform's own `local_emulator` (AWS SAM CLI or LocalStack for Lambda,
/// Azure Functions Core Tools with Azurite for Azure Functions), else none.
///
/// ```cpp
/// runwise::criteria::testing::local_score(runwise::traits_of<runwise::aws_lambda>());   // 0.5
/// ```
struct testing {
  static constexpr std::string_view name = "testing";
  static constexpr double emulated = 0.5;

  static constexpr double local_score(const platform_traits& t) noexcept { return t.runs_locally ? 1.0 : emulated; }

  static assessment assess(const criterion_input& in) {
    const platform_traits& t = in.option.traits;
    std::string why = in.option.platform;
    if (t.runs_locally) {
      why +=
          " runs the same image on a laptop (docker run), in CI and in production, so tests see what production runs";
      if (t.orchestrator == orchestration::kubernetes)
        why += " (a local cluster such as kind also reproduces the manifests)";
    } else {
      why += "'s managed runtime and event sources can only be emulated locally";
      if (!t.local_emulator.empty()) why += " (" + std::string(t.local_emulator) + ")";
      why += ", so some behaviour is first seen in the cloud";
    }
    return {local_score(t), why};
  }
};

}  // namespace runwise::criteria
