// SPDX-License-Identifier: MIT
#pragma once

#include "../core/units.hpp"
#include "duration.hpp"

namespace runwise {

/// A workload described by monthly averages only — what a pricing calculator takes. Platforms
/// quote it in closed form, in constant expressions:
///
/// ```cpp
/// constexpr runwise::steady_workload w{.requests_per_month = 3e6, .duration = {runwise::milliseconds(1000)},
///                                      .memory = runwise::megabytes{512}};
/// // $0.60 requests + 1.5 M GB-s × $0.0000166667 = $25.60, no free tier
/// static_assert(runwise::detail::to_cents(runwise::aws_lambda::quote(w, {}).total().value()) == 2560);
/// ```
/// Prefer a traffic_series where you have one: averages hide peaks, idle gaps and cold starts.
struct steady_workload {
  double requests_per_month = 0;  ///< a month is 730 hours
  duration_model duration{};
  megabytes memory{128};
  vcpu cpu{0.25};
  double concurrency_per_instance = 1;
  seconds horizon = hours(730);
  double payload_kb = 6;  ///< request + response size, for front doors metered by size

  /// Requests over the whole horizon.
  [[nodiscard]] constexpr requests total() const noexcept {
    return requests{requests_per_month * to_hours(horizon) / 730.0};
  }
  /// Mean arrivals per second.
  [[nodiscard]] constexpr double rate() const noexcept { return requests_per_month / hours(730).value(); }
};

}  // namespace runwise
