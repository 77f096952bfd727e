// SPDX-License-Identifier: MIT
#pragma once

// What analyze::monte_carlo returns, apart from the engine (which needs <thread>), so that reports
// can read it without it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "../core/kind.hpp"

namespace runwise::analyze {

/// One option's cost over the draws in which it could run, and how often it won.
struct option_uncertainty {
  std::string platform;
  platform_kind kind = platform_kind::serverless;
  double p5_usd = 0, p50_usd = 0, p95_usd = 0, mean_usd = 0, min_usd = 0, max_usd = 0;
  double p_feasible = 0;     ///< share of draws in which it could run the workload
  double p_cheapest = 0;     ///< share of draws in which it was the cheapest feasible option
  double p_recommended = 0;  ///< share of draws in which the decision policy recommended it
};

/// The Monte Carlo result, options in selection order.
struct uncertainty_report {
  std::size_t draws = 0;
  std::uint64_t seed = 0;
  unsigned threads = 1;  ///< how many threads ran (for the record; results do not depend on it)
  std::vector<option_uncertainty> options;
  double p_no_option = 0;  ///< share of draws in which no option could run the workload
  /// The inputs runwise assumed because the caller gave none (default_uncertain_inputs), one
  /// sentence each ("traffic: triangular from x0.5 to x2, most likely x1"); empty when given.
  std::vector<std::string> defaulted_inputs;
};

}  // namespace runwise::analyze
