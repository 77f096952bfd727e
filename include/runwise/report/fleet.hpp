// SPDX-License-Identifier: MIT
#pragma once

// Fleet mode's output (README.md, "The CLI"): one CSV line or JSON object per function, and the
// fleet's summary as JSON members or text. Callers may append columns of their own to each row.

#include <array>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "../analyze/fleet.hpp"
#include "../core/detail/format.hpp"
#include "../trace/azure_2019_join.hpp"
#include "json_writer.hpp"

namespace runwise::detail {

/// A CSV cell: quoted only when it holds a comma, a quote or a line break.
inline std::string csv_cell(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace runwise::detail

namespace runwise::report {

/// A column a caller appends to each fleet row after runwise's own: its name and this row's value.
struct fleet_column {
  std::string_view name;
  std::variant<double, std::string_view> value;
};

/// The CLI's columns for a function of a 2019 trace: its duration and memory and where each came from.
inline std::array<fleet_column, 4> sizing_columns(const trace::azure_2019_sizing& z) {
  return {{{"duration_ms", z.duration_ms},
           {"duration_source", z.duration_source},
           {"memory_mb", z.memory_mb},
           {"memory_source", z.memory_source}}};
}


/// The CSV header: function, app, trigger, requests, horizon_hours, one `<id>_usd` per platform,
/// choice, platform, then the names of `extra` (any row's columns).
inline std::string fleet_csv_header(std::span<const std::string> platform_ids,
                                    std::span<const fleet_column> extra = {}) {
  std::string header = "function,app,trigger,requests,horizon_hours";
  for (const auto& id : platform_ids) header += "," + id + "_usd";
  header += ",choice,platform";
  for (const auto& c : extra) header += "," + std::string(c.name);
  return header + "\n";
}

/// One function's CSV line (quoted only where a cell holds a comma, a quote or a line break;
/// numbers to 10 significant digits; an empty cost where the platform cannot run it).
inline std::string fleet_csv_row(const analyze::fleet_row& r, std::span<const fleet_column> extra = {}) {
  using detail::format_number;
  std::string line = detail::csv_cell(r.function) + "," + detail::csv_cell(r.app) + "," + detail::csv_cell(r.trigger) +
                     "," + format_number(r.requests) + "," + format_number(r.horizon_hours);
  for (const auto& usd : r.usd) line += "," + (usd ? format_number(*usd) : std::string());
  line += "," + (r.kind ? std::string(to_string(*r.kind)) : std::string()) + "," + detail::csv_cell(r.platform);
  for (const auto& c : extra)
    line += "," + std::visit(
                      [](const auto& v) {
                        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, double>)
                          return format_number(v);
                        else
                          return detail::csv_cell(v);
                      },
                      c.value);
  return line + "\n";
}

/// One function's JSON object on one line (no trailing newline): the CSV's columns as members,
/// `<id>_usd` null where the platform cannot run it, choice and platform null when none can.
inline std::string fleet_json_row(const analyze::fleet_row& r, std::span<const std::string> platform_ids,
                                  std::span<const fleet_column> extra = {}) {
  json_writer j(0);
  j.begin_object()
      .member("function", r.function)
      .member("app", r.app)
      .member("trigger", r.trigger)
      .member("requests", r.requests)
      .member("horizon_hours", r.horizon_hours);
  for (std::size_t i = 0; i < platform_ids.size() && i < r.usd.size(); ++i) j.member(platform_ids[i] + "_usd", r.usd[i]);
  if (r.kind)
    j.member("choice", to_string(*r.kind)).member("platform", r.platform);
  else
    j.member("choice", nullptr).member("platform", nullptr);
  for (const auto& c : extra) std::visit([&](const auto& v) { j.member(c.name, v); }, c.value);
  std::string row = std::move(j.end_object()).str();
  if (!row.empty() && row.back() == '\n') row.pop_back();
  return row;
}

/// The summary's members: functions, requests, horizon_hours, each platform's total and the
/// functions it can run, the chosen total, unplaced functions, each kind's shares, the largest.
inline void write_fleet_summary(json_writer& j, const analyze::fleet_summary& s, double horizon_hours) {
  j.member("functions", s.functions())
      .member("requests", s.requests())
      .member("horizon_hours", horizon_hours)
      .key("platforms")
      .begin_array();
  for (std::size_t i = 0; i < s.platforms().size(); ++i)
    j.begin_object()
        .member("platform", s.platforms()[i])
        .member("total_usd", s.totals()[i])
        .member("functions_it_can_run", s.feasible_counts()[i])
        .end_object();
  j.end_array().member("chosen_total_usd", s.chosen_total()).member("unplaced_functions", s.unplaced());
  j.key("kinds").begin_object();
  for (choice c : {choice::serverless, choice::containers})
    j.key(to_string(c))
        .begin_object()
        .member("share_of_functions", s.share_of_functions(c))
        .member("share_of_spend", s.share_of_spend(c))
        .end_object();
  j.end_object().key("largest").begin_array();
  for (const auto& e : s.largest())
    j.begin_object()
        .member("function", e.function)
        .member("app", e.app)
        .member("platform", e.platform)
        .member("usd", e.usd)
        .member("requests", e.requests)
        .end_object();
  j.end_array();
}

/// The summary's `durations` and `memory` members: the file (null when none was given), how many
/// functions it sized and how many took the default.
inline void write_join(json_writer& j, const trace::azure_2019_join& join) {
  auto side = [&](const char* name, const std::string& file, std::size_t matched, const char* default_name,
                  double default_value) {
    j.key(name).begin_object();
    if (file.empty())
      j.member("file", nullptr);
    else
      j.member("file", file);
    j.member("functions_matched", matched)
        .member("functions_defaulted", join.functions() - matched)
        .member(default_name, default_value);
    if (std::string_view(name) == "memory" && !file.empty())
      j.member("joined_per", join.memory_per_function() ? "function" : "app");
    j.end_object();
  };
  side("durations", join.durations_file(), join.durations_matched(), "default_ms",
       trace::azure_2019_join::default_duration_ms);
  side("memory", join.memory_file(), join.memory_matched(), "default_mb", trace::azure_2019_join::default_memory_mb);
}

/// The join as text: "durations: 9,990 of 10,000 functions from FILE; 10 at the default 100 ms".
inline std::string join_text(const trace::azure_2019_join& join) {
  using detail::format_count;
  auto side = [&](const char* name, const std::string& file, std::size_t matched, const std::string& fallback) {
    const std::size_t defaulted = join.functions() - matched;
    if (file.empty()) return std::string(name) + ": no file given; every function at " + fallback + "\n";
    std::string t = std::string(name) + ": " + format_count(static_cast<double>(matched)) + " of " +
                    format_count(static_cast<double>(join.functions())) + " functions from " + file;
    if (defaulted) t += "; " + format_count(static_cast<double>(defaulted)) + " at the default " + fallback;
    return t + "\n";
  };
  return side("durations", join.durations_file(), join.durations_matched(), "100 ms") +
         side("memory", join.memory_file(), join.memory_matched(), "128 MB");
}

/// The summary as text: each platform's total if every function ran there, the placed total,
/// each kind's shares, then `inputs` (lines on where the inputs came from, e.g. join_text), then
/// the functions that matter most.
inline std::string fleet_text(const analyze::fleet_summary& s, double horizon_hours, std::string_view inputs = {}) {
  using detail::format_count;
  using detail::format_usd;
  std::string t = "fleet: " + format_count(static_cast<double>(s.functions())) + " functions, " +
                  format_count(s.requests()) + " requests over " + detail::format_number(horizon_hours) +
                  " h\nif every function ran on one platform:\n";
  for (std::size_t i = 0; i < s.platforms().size(); ++i) {
    const std::string& id = s.platforms()[i];
    t += "  " + id + std::string(id.size() < 22 ? 22 - id.size() : 1, ' ') + format_usd(s.totals()[i]);
    if (s.feasible_counts()[i] < s.functions())
      t += " (" + format_count(static_cast<double>(s.functions() - s.feasible_counts()[i])) + " cannot run)";
    t += "\n";
  }
  t += "each where the decision puts it: " + format_usd(s.chosen_total()) + "\n";
  char buf[160];
  for (choice c : {choice::serverless, choice::containers}) {
    std::snprintf(buf, sizeof buf, "  %s wins %.1f%% of functions, %.1f%% of spend\n",
                  std::string(to_string(c)).c_str(), 100 * s.share_of_functions(c), 100 * s.share_of_spend(c));
    t += buf;
  }
  if (s.unplaced()) t += "  " + format_count(static_cast<double>(s.unplaced())) + " functions no platform can run\n";
  t += inputs;
  if (!s.largest().empty()) t += "functions that matter most (largest cost where placed):\n";
  for (const auto& e : s.largest())
    t += "  " + detail::printable(e.function) + " (app " + detail::printable(e.app) + ") " + format_usd(e.usd) +
         " on " + e.platform + ", " + format_count(e.requests) + " requests\n";
  return t;
}

}  // namespace runwise::report
