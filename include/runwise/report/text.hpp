// SPDX-License-Identifier: MIT
#pragma once

// The plain-text report: an aligned table of options, their usage and bill lines, the recommendation
// with its reasons, and the break-even points. No dependencies; returns a string.

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "../core/detail/format.hpp"
#include "../core/result.hpp"
#include "../core/version.hpp"

namespace runwise::detail {
inline std::string pad(std::string s, std::size_t width, bool right = false) {
  if (s.size() >= width) return s;
  return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

/// Rows of cells → lines with columns padded to their widest cell: the first `leading_text` columns
/// and, when `last_is_text`, the last one are left-aligned text; the others are right-aligned numbers.
inline std::string table(const std::vector<std::vector<std::string>>& rows, std::size_t leading_text,
                         bool last_is_text) {
  std::vector<std::size_t> width;
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], r[i].size());
    }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t i = 0; i < r.size(); ++i)
      line += "  " + pad(r[i], width[i], i >= leading_text && !(last_is_text && i + 1 == width.size()));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}
}  // namespace runwise::detail

namespace runwise::report {

/// What a bill line charged for, as a reader checks it: "1,500,000 GB-s × $0.0000166667"; empty for
/// a line with no single quantity.
inline std::string bill_line_measure(const line_item& l) {
  if (l.unit.empty()) return {};
  return runwise::detail::format_quantity(l.quantity) + " " + std::string(l.unit) + " × " +
         runwise::detail::format_unit_price(l.unit_price);
}

/// The bill lines of every feasible option, one row a line: option (on its first line), item,
/// amount, and quantity × unit price.
inline std::string bill_lines_table(const evaluation& e) {
  std::vector<std::vector<std::string>> rows{{"bill lines", "item", "amount", "quantity × unit price"}};
  for (const auto& o : e.options) {
    if (!o.feasible) continue;
    bool first = true;
    for (const auto& l : o.cost) {
      rows.push_back({first ? o.platform : "", std::string(l.name), runwise::detail::format_usd(l.amount.value()),
                      bill_line_measure(l)});
      first = false;
    }
  }
  return rows.size() > 1 ? runwise::detail::table(rows, 2, true) + "\n" : std::string();
}

/// One break-even point in words: "gcp_cloud_run = aws_ecs_ec2: 3,969,673; duty cycle 30.2%", or
/// why there is none ("never: ...", "none while both keep up: ..."). A duty cycle above 100% is
/// not one a function can reach: it says how much more one container unit costs instead.
///
/// ```cpp
/// std::string line = runwise::report::break_even_line(e.break_even.front());
/// ```
inline std::string break_even_line(const break_even_point& b) {
  using runwise::detail::format_count;
  using runwise::detail::format_number;
  std::string s = b.serverless + " = " + b.containers + ": ";
  if (b.requests_per_month)
    s += format_count(*b.requests_per_month);
  else
    s += (b.limit_requests_per_month ? "none while both keep up: " : "never: ") + b.reason;
  if (b.duty_cycle && *b.duty_cycle <= 1)
    s += "; duty cycle " + format_number(std::round(*b.duty_cycle * 1000) / 10) + "%";
  else if (b.duty_cycle)
    s += "; no duty cycle: one always-on unit costs " + format_number(std::round(*b.duty_cycle * 100) / 100) +
         "x a function instance busy all the time";
  return s;
}

/// The text report of an evaluation, as `runwise evaluate --format text` prints it.
///
/// ```cpp
/// std::fputs(runwise::report::text(ev.evaluate(w)).c_str(), stdout);
/// ```
inline std::string text(const evaluation& e) {
  using runwise::detail::format_count;
  using runwise::detail::format_number;
  using runwise::detail::format_usd;
  std::string out =
      "runwise " + std::string(version) + " | " + runwise::detail::printable(e.workload) + " | " + format_number(to_hours(e.horizon)) + " h";
  double arrived = 0;
  for (const auto& o : e.options) arrived = std::max(arrived, o.use.arrived.value());
  out += " | " + format_count(arrived) + " requests\n";
  for (const auto& n : e.notes) out += "note: " + n + "\n";
  out += "\n";

  std::vector<std::vector<std::string>> rows{{"option", "kind", "total", "score", "cost items"}};
  for (const auto& o : e.options) {
    std::string items;
    for (const auto& item : o.cost)
      items += (items.empty() ? "" : ", ") + std::string(item.name) + " " + format_usd(item.amount.value());
    rows.push_back({o.platform, std::string(to_string(o.kind)),
                    o.feasible ? format_usd(o.cost.total().value()) : "infeasible",
                    o.feasible ? runwise::detail::format_score(o.score) : "-", o.feasible ? items : ""});
  }
  out += runwise::detail::table(rows, 2, true) + "\n";

  std::vector<std::vector<std::string>> usage_rows{
      {"usage", "served", "cold starts", "overloaded", "throttled", "peak inst.", "mean inst."}};
  for (const auto& o : e.options) {
    if (!o.feasible) continue;
    const usage& u = o.use;
    usage_rows.push_back({o.platform, format_count(u.served.value()), format_count(u.cold_starts.value()),
                          format_count(u.overloaded.value()), format_count(u.throttled.value()),
                          format_count(u.peak_instances),
                          format_number(std::round(u.mean_instances * 100) / 100)});
  }
  out += runwise::detail::table(usage_rows, 1, false) + "\n";
  out += bill_lines_table(e);

  out += "Recommendation: " + std::string(to_string(e.advice.kind)) + " on " + e.advice.platform + "\n";
  for (const auto& r : e.advice.reasons) out += "  - " + r + "\n";
  if (!e.break_even.empty()) {
    out +=
        "\nBreak-even (monthly requests at which both cost the same, same traffic shape, where both keep up; duty "
        "cycle: how busy one function instance must be to cost what one always-on container unit costs):\n";
    for (const auto& b : e.break_even) out += "  " + break_even_line(b) + "\n";
  }
  return out;
}

}  // namespace runwise::report
