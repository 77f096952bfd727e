// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../platform/kind.hpp"
#include "../pricing/cost.hpp"
#include "../simulate/usage.hpp"

namespace runwise {

/// One platform's answer for one workload: can it run it, what does it cost, how did it behave.
struct option_result {
  std::string platform;  ///< platform id, e.g. "aws_lambda"
  platform_kind kind = platform_kind::serverless;
  bool feasible = true;
  std::vector<std::string> infeasible_reasons;              ///< why not, one sentence each
  cost_breakdown cost;                                      ///< over the horizon; empty when infeasible
  usage use;                                                ///< what the capacity policy measured
  std::vector<std::pair<std::string_view, double>> scores;  ///< per criterion, in [0, 1]
  double score = 0;                                         ///< the decision policy's aggregate, in [0, 1]
};

/// The article's three answers.
enum class choice { serverless, containers, hybrid };

inline constexpr std::string_view to_string(choice c) noexcept {
  switch (c) {
    case choice::serverless:
      return "serverless";
    case choice::containers:
      return "containers";
    case choice::hybrid:
      return "hybrid";
  }
  return "serverless";
}

/// What to do, where, and why (the evidence sentences, strongest first).
struct recommendation {
  choice kind = choice::serverless;
  std::string platform;
  std::vector<std::string> reasons;
};

/// The monthly request count at which a serverless and a container option cost the same.
struct break_even_point {
  std::string serverless;
  std::string containers;
  std::optional<double> requests_per_month;  ///< nullopt: the costs never cross in the searched range
};

/// Everything runwise concluded about one workload.
struct evaluation {
  std::string workload;
  seconds horizon{};
  std::vector<option_result> options;  ///< ranked: best first, infeasible last
  recommendation advice;
  std::vector<break_even_point> break_even;
};

/// What a decision policy may look at besides the options.
struct decision_context {
  seconds horizon{};
};

}  // namespace runwise
