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
/// 0.5 when the runtime and its event sources can only be emulated (SAM CLI, LocalStack, Azure
/// Functions Core Tools replicate part of the backend).
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
    std::string why =
        in.option.platform +
        (t.runs_locally ? " runs the same image on a laptop, in CI and in production, so tests see what production runs"
                        : "'s managed runtime and event sources can only be emulated locally (SAM CLI, LocalStack), so "
                          "some behaviour is first seen in the cloud");
    if (t.runs_locally && t.orchestrator == orchestration::kubernetes)
      why += " (a local cluster such as kind also reproduces the manifests)";
    return {local_score(t), why};
  }
};

}  // namespace runwise::criteria
