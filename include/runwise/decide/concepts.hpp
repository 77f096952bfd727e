// SPDX-License-Identifier: MIT
#pragma once

#include <concepts>
#include <vector>

#include "../core/result.hpp"

namespace runwise {

/// A decision policy scores and ranks the options (best first, infeasible last) and says what to do
/// and why. It sees every option of one workload at once.
template <class D>
concept decision_policy = requires(std::vector<option_result>& options, const decision_context& ctx) {
  { D::decide(options, ctx) } -> std::same_as<recommendation>;
};

}  // namespace runwise
