// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "../core/detail/format.hpp"
#include "../core/result.hpp"
#include "../criteria/concepts.hpp"

namespace runwise::decide {

/// One sentence per option that drops or delays requests (the adequacy rule's evidence), and one per
/// reason an option is ruled out, in option order.
///
/// ```cpp
/// std::vector<std::string> r = runwise::decide::adequacy_reasons(options);
/// // "aws_fargate cannot keep up: 2,999,758 requests (100%) wait behind its capacity and are served late, ..."
/// ```
inline std::vector<std::string> adequacy_reasons(const std::vector<option_result>& options) {
  std::vector<std::string> out;
  for (const auto& o : options) {
    if (!o.feasible || o.use.arrived.value() <= 0) continue;
    const double arrived = o.use.arrived.value();
    const auto share = [&](double x) { return detail::format_number(std::round(x / arrived * 1000) / 10) + "%"; };
    const double late = o.use.overloaded.value(), dropped = o.use.throttled.value();
    const double unserved = arrived - o.use.served.value() - dropped;
    const char* ranked = criteria::adequate(o) ? "" : " (ranked after the options that keep up)";
    if (late > 0)
      out.push_back(o.platform + " cannot keep up: " + detail::format_count(late) + " requests (" + share(late) +
                    ") wait behind its capacity and are served late" +
                    (unserved > 0.5 ? ", " + detail::format_count(unserved) + " never" : std::string()) + ranked);
    if (dropped > 0)
      out.push_back(o.platform + " throttles " + detail::format_count(dropped) + " requests (" + share(dropped) +
                    ") above its concurrency limit (raise concurrency_limit if your quota is higher)" + ranked);
  }
  return out;
}

/// "aws_lambda is ruled out: needs a GPU; Lambda offers none", one per hard-limit reason.
///
/// ```cpp
/// for (const auto& why : runwise::decide::ruled_out_reasons(options)) std::puts(why.c_str());
/// ```
inline std::vector<std::string> ruled_out_reasons(const std::vector<option_result>& options) {
  std::vector<std::string> out;
  for (const auto& o : options)
    for (const auto& why : o.infeasible_reasons) out.push_back(o.platform + " is ruled out: " + why);
  return out;
}

}  // namespace runwise::decide
