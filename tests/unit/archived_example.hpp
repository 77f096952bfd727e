// SPDX-License-Identifier: MIT
#pragma once

// What the evaluator tests share, in header-only mode (tests/unit/evaluator_test.cpp) and in the
// separately compiled mode (tests/compiled/): AWS's archived Lambda example as a month of minutes,
// and the look-ups the checks use.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

namespace runwise::testing {

/// `x` in whole cents, rounded as the reports round.
inline std::int64_t cents(usd x) { return detail::to_cents(x.value()); }

/// AWS's archived pricing example as traffic: 3 M requests over a 730-hour month, 1 s, 512 MB.
inline workload archived_example() {
  return {.name = "archived-example",
          .traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60}),
          .duration = {milliseconds(1000)},
          .memory = megabytes{512}};
}

/// The option of platform `id` in `e` (throws when there is none, so a check cannot pass vacuously).
inline const option_result& option(const evaluation& e, std::string_view id) {
  for (const auto& o : e.options)
    if (o.platform == id) return o;
  throw std::runtime_error("no option " + std::string(id));
}

}  // namespace runwise::testing
