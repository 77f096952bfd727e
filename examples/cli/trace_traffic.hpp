// SPDX-License-Identifier: MIT
#pragma once

// `workload.traffic.azure_2019`: one function of an Azure Functions 2019 per-minute invocations file
// as the workload's traffic (README.md, "The CLI"):
//   "traffic": { "azure_2019": { "invocations": "invocations.csv", "function": "<HashFunction>" } }
// with optional "app" (HashApp) when a function hash is in several apps, and optional "durations"
// (the durations file of the same trace, whose Average in ms is the workload's duration_ms when the
// workload gives none). A relative file name is relative to the spec file's directory (to the working
// directory for a spec read from standard input).

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <runwise/core/error.hpp>
#include <runwise/trace/azure_2019_durations.hpp>
#include <runwise/trace/azure_2019_invocations.hpp>
#include <runwise/workload/traffic.hpp>

#include "json_object.hpp"

namespace runwise_cli {

/// One function's traffic from the trace, and its mean duration when a durations file was given.
struct trace_traffic {
  runwise::traffic_series traffic;
  std::optional<double> duration_ms;  ///< the durations file's Average for the function
};

/// `file` as the spec names it, resolved against `base_dir` (the spec's directory) when relative.
inline std::string resolve_spec_file(const std::string& file, const std::filesystem::path& base_dir) {
  const std::filesystem::path p(file);
  return p.is_absolute() || base_dir.empty() ? file : (base_dir / p).string();
}

inline constexpr const char* relative_note =
    " (a relative name is relative to the spec file's directory, or to the working directory for a spec on "
    "standard input)";

/// Reads `azure_2019` (errors name its JSON path, or the file and line for a malformed file).
inline trace_traffic read_azure_2019_traffic(json_object a, const std::filesystem::path& base_dir) {
  const auto invocations = a.string("invocations");
  if (!invocations) a.fail_missing({"invocations"}, "is required: the per-minute invocations file (2019 format)");
  const auto function = a.string("function");
  if (!function) a.fail_missing({"function"}, "is required: the function's HashFunction");
  const auto app = a.string("app");
  const auto durations = a.string("durations");
  a.finish();

  const std::string file = resolve_spec_file(*invocations, base_dir);
  if (!std::filesystem::is_regular_file(file))
    runwise::fail_input(a.at("invocations"), "\"" + file + "\" cannot be read" + relative_note);
  auto reader = runwise::trace::azure_2019_invocations_reader::open(file);
  runwise::trace::azure_2019_function_minutes row;
  std::size_t rows = 0, found_line = 0;
  std::string found_owner, found_app;
  std::vector<double> counts;
  while (reader.next(row)) {
    ++rows;
    if (row.function != *function || (app && row.app != *app)) continue;
    if (found_line != 0)
      runwise::fail_input(a.at("function"), "\"" + *function + "\" is on two lines of " + file + ": lines " +
                                                std::to_string(found_line) + " and " + std::to_string(row.line) +
                                                (app ? "" : "; give its app (HashApp) too"));
    found_line = row.line;
    found_owner = row.owner;
    found_app = row.app;
    counts.assign(row.counts.begin(), row.counts.end());
  }
  if (found_line == 0)
    runwise::fail_input(a.at("function"), "no function \"" + *function + "\"" +
                                              (app ? " in app \"" + *app + "\"" : "") + " among the " +
                                              std::to_string(rows) + " functions of " + file);

  trace_traffic out{
      runwise::traffic_series(runwise::seconds{60}, std::move(counts), file + ":" + std::to_string(found_line)),
      std::nullopt};
  if (durations) {
    const std::string dfile = resolve_spec_file(*durations, base_dir);
    if (!std::filesystem::is_regular_file(dfile))
      runwise::fail_input(a.at("durations"), "\"" + dfile + "\" cannot be read" + relative_note);
    runwise::trace::read_azure_2019_durations(dfile, [&](const runwise::trace::azure_2019_duration_row& d) {
      if (d.owner == found_owner && d.app == found_app && d.function == *function) out.duration_ms = d.average_ms;
    });
    if (!out.duration_ms)
      runwise::fail_input(a.at("durations"), "has no row for function \"" + *function + "\" of " + file + ":" +
                                                 std::to_string(found_line));
  }
  return out;
}

}  // namespace runwise_cli
