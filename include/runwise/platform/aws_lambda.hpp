// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../criteria/aws_limits.hpp"
#include "../pricing/aws/lambda.hpp"
#include "../simulate/function_instances.hpp"
#include "../workload/steady.hpp"
#include "composed.hpp"
#include "kind.hpp"

namespace runwise {

/// AWS Lambda as runwise models it: the per-step function-instance model (capacity), Lambda's
/// billing formula and dated price sheet (pricing), and Lambda's quotas (limits).
///
/// ```cpp
/// runwise::aws_lambda::config c;
/// c.billing.arch = runwise::pricing::architecture::arm64;
/// c.billing.free_tier = true;
/// auto bill = runwise::aws_lambda::quote({.requests_per_month = 3e6, .duration = {runwise::milliseconds(120)}}, c);
/// ```
struct aws_lambda
    : composed_platform<simulate::function_instances, pricing::aws::lambda_billing, criteria::aws_lambda_limits> {
  static constexpr std::string_view id = "aws_lambda";
  static constexpr platform_kind kind = platform_kind::serverless;

  /// Lambda bills the configured memory, 128 MB at least (Lambda quotas: 128–10,240 MB).
  static constexpr double min_memory_mb = 128;

  static void check_limits(const workload& w, const config&, std::vector<std::string>& reasons) {
    limits_policy::check(w, reasons);
  }

  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    return billing_policy::bill(c.billing, {.invocations = u.served,
                                            .duration = w.duration,
                                            .memory = megabytes{detail::max(min_memory_mb, w.memory.value())},
                                            .horizon = u.horizon});
  }

  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    return billing_policy::bill(c.billing, {.invocations = s.total(),
                                            .duration = s.duration,
                                            .memory = megabytes{detail::max(min_memory_mb, s.memory.value())},
                                            .horizon = s.horizon});
  }
};

}  // namespace runwise
