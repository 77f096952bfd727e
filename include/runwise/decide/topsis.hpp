// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string_view>
#include <vector>

#include "by_criteria.hpp"

namespace runwise::decide {

/// TOPSIS (Hwang & Yoon, "Multiple Attribute Decision Making", 1981): normalise each criterion's
/// column by its Euclidean norm, weight it (w_j / Σw), take the best and worst value of every column
/// as the ideal and anti-ideal points, and score each option by its relative closeness
/// d⁻ / (d⁺ + d⁻) — 1 at the ideal, 0 at the anti-ideal. Unlike a weighted sum it rewards
/// balanced options: being far from the worst on every criterion counts, not only the total.
///
/// ```cpp
/// runwise::decide::topsis_rule::aggregate({{1, 0}, {0, 1}}, {1, 1});   // {0.5, 0.5}
/// ```
struct topsis_rule {
  static constexpr std::string_view label = "TOPSIS closeness";
  static std::vector<double> aggregate(const score_rows& m, const std::vector<double>& w) {
    if (m.empty()) return {};
    const std::size_t n = m.front().size();
    double total = 0;
    for (double x : w) total += x;
    std::vector<std::vector<double>> v(m.size(), std::vector<double>(n, 0.0));
    for (std::size_t j = 0; j < n; ++j) {
      double norm = 0;
      for (const auto& row : m) norm += row[j] * row[j];
      norm = std::sqrt(norm);
      for (std::size_t i = 0; i < m.size(); ++i) v[i][j] = norm > 0 ? w[j] / total * m[i][j] / norm : 0.0;
    }
    std::vector<double> best(n, 0.0), worst(n, 0.0);
    for (std::size_t j = 0; j < n; ++j) {
      best[j] = worst[j] = v[0][j];
      for (const auto& row : v) {
        best[j] = std::max(best[j], row[j]);
        worst[j] = std::min(worst[j], row[j]);
      }
    }
    std::vector<double> out;
    for (const auto& row : v) {
      double plus = 0, minus = 0;
      for (std::size_t j = 0; j < n; ++j) {
        plus += (row[j] - best[j]) * (row[j] - best[j]);
        minus += (row[j] - worst[j]) * (row[j] - worst[j]);
      }
      plus = std::sqrt(plus);
      minus = std::sqrt(minus);
      out.push_back(plus + minus > 0 ? minus / (plus + minus) : 1.0);
    }
    return out;
  }
};

/// The same criteria and adequacy rule as decide::weighted_sum, aggregated by TOPSIS.
///
/// ```cpp
/// runwise::evaluator<runwise::aws_lambda, runwise::aws_fargate, runwise::decide::topsis> ev;
/// ```
using topsis = by_criteria<topsis_rule>;

}  // namespace runwise::decide
