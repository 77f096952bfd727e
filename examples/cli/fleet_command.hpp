// SPDX-License-Identifier: MIT
#pragma once

// `runwise fleet` (README.md, "The CLI"): every function of an Azure Functions 2019 trace on the
// selected platforms, one row each, streamed. The library does the work (analyze::evaluate_fleet,
// report/fleet.hpp's writers, trace::azure_2019_join); this is the command's options and files.

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <runwise/all.hpp>

#include "output_file.hpp"
#include "progress_meter.hpp"

namespace runwise_cli {

template <class Registry>
struct fleet_command {
  CLI::App* command = nullptr;
  std::string invocations, durations, memory, platform_list, format = "csv", output, summary;
  bool progress = false;
  double init_ms = 253;

  void add_to(CLI::App& app) {
    command = app.add_subcommand("fleet", "Evaluate every function of an Azure Functions 2019 trace, one row each");
    command->add_option("--invocations", invocations, "per-minute invocations file (2019 format)")->required();
    command->add_option("--durations", durations, "function durations percentiles file (Average ms is used)");
    command->add_option("--memory", memory, "app (or function) memory percentiles file (pct99 is used)");
    command->add_option("--platforms", platform_list, "platform ids, comma-separated (default: all)");
    command->add_option("--format", format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    command->add_option("--output", output, "write the rows to FILE (atomically) instead of standard output");
    command->add_option("--summary", summary, "write the summary as JSON to FILE instead of text on stderr");
    command->add_flag("--progress,!--no-progress", progress, "draw a progress bar on stderr");
    command
        ->add_option("--init-ms", init_ms,
                     "cold-start INIT time in ms added to each cold start (default 253; 0 leaves INIT out)")
        ->check(CLI::Range(0.0, 600000.0));
  }

  /// A function of the trace, with where its duration and memory came from (the rows' last columns).
  struct traced_function : runwise::analyze::fleet_function {
    runwise::trace::azure_2019_sizing sizing;
  };

  void run() const {
    runwise::detail::check_range("--init-ms", init_ms, 0, 600000, " ms");  // CLI11's check lets NaN through
    const auto platforms = runwise::select_listed<Registry>(platform_list, "--platforms");
    const std::vector<std::string> ids = runwise::platform_ids(platforms);
    runwise::trace::azure_2019_join join(durations, memory);
    auto reader = runwise::trace::azure_2019_invocations_reader::open(invocations);
    std::error_code size_error;
    fleet_progress bar(progress, static_cast<double>(std::filesystem::file_size(invocations, size_error)));
    // Rows go to a temporary file renamed over --output at the end (output_file.hpp); the summary
    // file is opened now too, so an unwritable place fails before the work.
    output_file out(output);
    std::optional<output_file> summary_out;
    if (!summary.empty()) summary_out.emplace(summary);

    runwise::trace::azure_2019_function_minutes row;
    auto read = [&]() -> std::optional<traced_function> {
      if (!reader.next(row)) return std::nullopt;
      traced_function f;
      f.function = row.function, f.app = row.app, f.trigger = row.trigger;
      f.sizing = join.find(row.owner, row.app, row.function, row.line, invocations);
      f.work.name = f.function;
      f.work.traffic = runwise::traffic_series(runwise::seconds{60}, {row.counts.begin(), row.counts.end()},
                                               invocations + ":" + std::to_string(row.line));
      f.work.duration.mean = runwise::milliseconds(std::max(f.sizing.duration_ms, 1e-3));
      f.work.memory = runwise::megabytes{f.sizing.memory_mb};
      f.work.init = runwise::milliseconds(init_ms);
      bar.read(row);
      return f;
    };
    std::size_t rows = 0;
    auto write_row = [&](const traced_function& f, const runwise::analyze::fleet_row& r) {
      const auto extra = runwise::report::sizing_columns(f.sizing);
      out.write(format == "json" ? (rows ? ",\n" : "") + runwise::report::fleet_json_row(r, ids, extra)
                                 : runwise::report::fleet_csv_row(r, extra));
      bar.draw(++rows, false);
    };
    out.write(format == "json" ? "[\n" : runwise::report::fleet_csv_header(ids, runwise::report::sizing_columns({})));
    std::optional<runwise::analyze::fleet_summary> totals;
    try {
      totals = runwise::analyze::evaluate_fleet(read, platforms, write_row);
    } catch (...) {
      bar.end();
      throw;  // `out` removes its temporary file
    }
    if (format == "json") out.write(rows ? "\n]\n" : "]\n");
    bar.draw(rows, true);
    join.finish();  // a durations or memory file that matched nothing: exit 2, no output file
    out.commit();
    const double hours = static_cast<double>(reader.minutes()) / 60;
    if (!summary_out) {
      std::fputs(runwise::report::fleet_text(*totals, hours, runwise::report::join_text(join)).c_str(), stderr);
      return;
    }
    runwise::report::json_writer j;
    runwise::report::write_fleet_summary(j.begin_object(), *totals, hours);
    runwise::report::write_join(j, join);
    summary_out->write(std::move(j.end_object()).str());
    summary_out->commit();
  }
};

}  // namespace runwise_cli
