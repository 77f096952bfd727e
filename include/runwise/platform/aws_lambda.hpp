// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../criteria/aws_limits.hpp"
#include "../pricing/aws/front_door.hpp"
#include "../pricing/aws/lambda.hpp"
#include "../simulate/function_instances.hpp"
#include "../workload/steady.hpp"
#include "composed.hpp"
#include "kind.hpp"
#include "traits.hpp"

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
struct aws_lambda : composed_platform<simulate::function_instances, pricing::aws::lambda_billing,
                                      criteria::aws_lambda_limits, pricing::aws::aws_front_door<true>> {
  static constexpr std::string_view id = "aws_lambda";
  static constexpr platform_kind kind = platform_kind::serverless;
  /// Managed functions: AWS patches and scales everything; no image, kernel or GPU of your own, no
  /// process beyond 15 minutes, no state or connection kept between invocations by design.
  /// A managed runtime with none of the container capabilities; locally the AWS SAM CLI's
  /// `sam local invoke` / `start-api` (AWS SAM Developer Guide, "Locally testing with sam local")
  /// or LocalStack emulate it and some of its event sources.
  static constexpr platform_traits traits{.runs_on = hosting::functions,
                                          .local_emulator = "AWS SAM CLI (sam local) or LocalStack"};

  static void check_limits(const workload& w, const config&, std::vector<std::string>& reasons) {
    limits_policy::check(w, reasons);
  }

  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    cost_breakdown bill = billing_policy::bill(c.billing, {.invocations = u.served,
                                                           .duration = w.duration,
                                                           .memory = billed_memory(w.memory),
                                                           .horizon = u.horizon,
                                                           .cold_starts = u.cold_starts,
                                                           .init = w.init,
                                                           .provisioned_level = u.provisioned_instances,
                                                           .provisioned_invocations = u.provisioned_served});
    bill.add(front_door_cost(w, u, c));
    return bill;
  }

  /// Closed form from monthly averages: no cold starts (a steady rate keeps instances warm);
  /// provisioned instances serve min(λ·E[d], level) / (λ·E[d]) of the requests.
  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    const double busy = s.rate() * s.duration.mean.value();
    const double level = detail::floor(c.capacity.provisioned_concurrency);
    const double on_provisioned = busy > 0 ? detail::min(busy, level) / busy : 0.0;
    cost_breakdown bill = billing_policy::bill(c.billing, {.invocations = s.total(),
                                                           .duration = s.duration,
                                                           .memory = billed_memory(s.memory),
                                                           .horizon = s.horizon,
                                                           .provisioned_level = level,
                                                           .provisioned_invocations = s.total() * on_provisioned});
    bill.add(front_door_quote(s, c));
    return bill;
  }

  /// Lambda bills the configured memory, 128 MB at least (Lambda quotas: 128–10,240 MB).
  static constexpr megabytes billed_memory(megabytes m) noexcept { return megabytes{detail::max(128.0, m.value())}; }
};

}  // namespace runwise
