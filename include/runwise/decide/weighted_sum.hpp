// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "by_criteria.hpp"

namespace runwise::decide {

/// Simple additive weighting: Σ_j w_j s_ij / Σ_j w_j. Scores are already normalised to [0, 1]
/// (each criterion divides by the best option's figure), so the result is in [0, 1].
///
/// ```cpp
/// runwise::decide::sum_rule::aggregate({{1, 0}, {0.5, 0.5}}, {3, 1});   // {0.75, 0.5}
/// ```
struct sum_rule {
  static constexpr std::string_view label = "weighted score";
  static std::vector<double> aggregate(const score_rows& m, const std::vector<double>& w) {
    double total = 0;
    for (double x : w) total += x;
    std::vector<double> out;
    for (const auto& row : m) {
      double s = 0;
      for (std::size_t j = 0; j < row.size(); ++j) s += w[j] * row[j];
      out.push_back(total > 0 ? s / total : 0.0);
    }
    return out;
  }
};

/// The default decision policy: a weighted sum of the article's six criteria, with weights from
/// the caller or from the article's rule of thumb (default_weights).
///
/// ```cpp
/// runwise::evaluator<runwise::aws_lambda, runwise::aws_fargate> ev;   // decide::weighted_sum by default
/// ev.preferences().weights = {{"cost", 1}, {"maintenance", 3}};
/// ```
using weighted_sum = by_criteria<sum_rule>;

}  // namespace runwise::decide
