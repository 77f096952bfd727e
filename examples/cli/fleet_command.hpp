// SPDX-License-Identifier: MIT
#pragma once

// `runwise fleet` (README.md, "The CLI"): every function of an Azure Functions 2019 trace on the selected
// platforms, one row each, streamed. The main thread reads the invocations file and writes rows in
// input order; worker threads (one per core) evaluate batches of functions. At most a few batches
// are in flight, so memory does not grow with the number of rows; the durations and memory files
// are read into maps first (one entry per function or app, small next to the invocations).

#include <CLI/CLI.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <optional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <runwise/all.hpp>

#include "fleet_join.hpp"
#include "output_file.hpp"

namespace runwise_cli {

/// One function to evaluate, copied out of the reader's buffers.
struct fleet_job {
  std::string function, app, trigger;
  std::vector<double> counts;
  fleet_sizing sizing;
  std::size_t line = 0;
};

/// A function's verdict and the sizing it was priced with.
struct fleet_result {
  runwise::analyze::fleet_row row;
  fleet_sizing sizing;
};

/// A CSV cell: quoted only when it holds a comma, a quote or a line break.
inline std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

inline std::string fleet_number(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

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

  std::vector<runwise::selected_platform> selected() const {
    std::vector<runwise::selected_platform> out;
    std::vector<std::string> ids;
    if (platform_list.empty()) {
      for (auto id : runwise::catalog_registry::ids) ids.emplace_back(id);
    } else {
      std::size_t at = 0;
      while (at <= platform_list.size()) {
        const auto comma = std::min(platform_list.find(',', at), platform_list.size());
        ids.push_back(platform_list.substr(at, comma - at));
        at = comma + 1;
      }
    }
    for (const auto& id : ids) {
      const auto i = runwise::catalog_registry::find(id);
      if (!i)
        runwise::fail_input("--platforms",
                            "unknown platform \"" + id + "\"; known: " + runwise::catalog_registry::id_list());
      for (const auto& p : out)
        if (p.id == id) runwise::fail_input("--platforms", id + " is listed twice");
      out.push_back(runwise::catalog_registry::visit(*i, []<class P>() { return runwise::select<P>({}); }));
    }
    return out;
  }

  void run() const {
    // CLI11's range check lets NaN through (every comparison with it is false).
    runwise::detail::check_range("--init-ms", init_ms, 0, 600000, " ms");
    const auto platforms = selected();
    fleet_join join(durations, memory);

    auto reader = runwise::trace::azure_2019_invocations_reader::open(invocations);
    std::error_code size_error;
    const double file_bytes = static_cast<double>(std::filesystem::file_size(invocations, size_error));

    // Rows go to a temporary file renamed over --output at the end (output_file.hpp): never a
    // partial file on error or on a signal. The summary file is opened now too, so an unwritable
    // place fails before the work.
    output_file out(output);
    std::optional<output_file> summary_out;
    if (!summary.empty()) summary_out.emplace(summary);
    auto write = [&](const std::string& s) { out.write(s); };

    runwise::analyze::fleet_summary totals([&] {
      std::vector<std::string> ids;
      for (const auto& p : platforms) ids.push_back(p.id);
      return ids;
    }());

    // Work queue: batches numbered in input order; results written in that order.
    constexpr std::size_t batch_size = 64;
    const std::size_t workers = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t max_in_flight = 2 * workers + 2;
    std::mutex m;
    std::condition_variable work_ready, result_ready;
    std::deque<std::pair<std::size_t, std::vector<fleet_job>>> queue;
    std::map<std::size_t, std::vector<fleet_result>> done;
    bool no_more = false;
    std::exception_ptr failure;

    auto work = [&] {
      for (;;) {
        std::pair<std::size_t, std::vector<fleet_job>> batch;
        {
          std::unique_lock lock(m);
          work_ready.wait(lock, [&] { return !queue.empty() || no_more || failure; });
          if (failure || queue.empty()) return;
          batch = std::move(queue.front());
          queue.pop_front();
        }
        std::vector<fleet_result> rows;
        rows.reserve(batch.second.size());
        try {
          for (auto& j : batch.second) {
            runwise::workload w;
            w.name = j.function;
            w.traffic = runwise::traffic_series(runwise::seconds{60}, std::move(j.counts),
                                                invocations + ":" + std::to_string(j.line));
            w.duration.mean = runwise::milliseconds(std::max(j.sizing.duration_ms, 1e-3));
            w.memory = runwise::megabytes{j.sizing.memory_mb};
            w.init = runwise::milliseconds(init_ms);
            auto row = runwise::analyze::evaluate_function(w, platforms);
            row.function = std::move(j.function);
            row.app = std::move(j.app);
            row.trigger = std::move(j.trigger);
            rows.push_back({std::move(row), j.sizing});
          }
        } catch (...) {
          std::lock_guard lock(m);
          if (!failure) failure = std::current_exception();
          work_ready.notify_all();
          result_ready.notify_all();
          return;
        }
        std::lock_guard lock(m);
        done.emplace(batch.first, std::move(rows));
        result_ready.notify_all();
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t i = 0; i < workers; ++i) pool.emplace_back(work);
    auto stop_pool = [&] {
      {
        std::lock_guard lock(m);
        no_more = true;
      }
      work_ready.notify_all();
      for (auto& t : pool)
        if (t.joinable()) t.join();
    };

    const auto started = std::chrono::steady_clock::now();
    auto last_drawn = started;
    double bytes_read = 0;
    std::size_t rows_written = 0;
    auto draw = [&](bool final) {
      const auto now = std::chrono::steady_clock::now();
      if (!progress || (!final && now - last_drawn < std::chrono::milliseconds(200))) return;
      last_drawn = now;
      const double elapsed = std::chrono::duration<double>(now - started).count();
      const double share = final ? 1.0 : file_bytes > 0 ? std::min(1.0, bytes_read / file_bytes) : 0.0;
      const double rate = elapsed > 0 ? static_cast<double>(rows_written) / elapsed : 0;
      const double eta = share > 0 ? elapsed * (1 - share) / share : 0;
      char bar[31];
      const int filled = static_cast<int>(share * 30);
      for (int i = 0; i < 30; ++i) bar[i] = i < filled ? '#' : '.';
      bar[30] = 0;
      std::fprintf(stderr, "\r[%s] %3.0f%%  %zu functions  %.0f/s  ETA %.0fs  ", bar, share * 100, rows_written, rate,
                   eta);
      if (final) std::fputc('\n', stderr);
    };

    std::size_t next_to_write = 0, next_batch = 0;
    bool header_written = false;
    auto write_row = [&](const fleet_result& result) {
      const runwise::analyze::fleet_row& r = result.row;
      const fleet_sizing& z = result.sizing;
      totals.add(r);
      if (format == "json") {
        runwise::report::json_writer j(0);
        j.begin_object()
            .member("function", r.function)
            .member("app", r.app)
            .member("trigger", r.trigger)
            .member("requests", r.requests)
            .member("horizon_hours", r.horizon_hours);
        for (std::size_t i = 0; i < platforms.size(); ++i) j.member(platforms[i].id + "_usd", r.usd[i]);
        if (r.kind)
          j.member("choice", runwise::to_string(*r.kind)).member("platform", r.platform);
        else
          j.member("choice", nullptr).member("platform", nullptr);
        j.member("duration_ms", z.duration_ms)
            .member("duration_source", z.duration_source)
            .member("memory_mb", z.memory_mb)
            .member("memory_source", z.memory_source);
        std::string row = std::move(j.end_object()).str();
        row.pop_back();  // the document's newline: rows are joined by ",\n"
        write((rows_written ? ",\n" : "") + row);
      } else {
        std::string line = csv_cell(r.function) + "," + csv_cell(r.app) + "," + csv_cell(r.trigger) + "," +
                           fleet_number(r.requests) + "," + fleet_number(r.horizon_hours);
        for (const auto& usd : r.usd) line += "," + (usd ? fleet_number(*usd) : std::string());
        line += "," + (r.kind ? std::string(runwise::to_string(*r.kind)) : std::string()) + "," + r.platform + "," +
                fleet_number(z.duration_ms) + "," + std::string(z.duration_source) + "," + fleet_number(z.memory_mb) +
                "," + std::string(z.memory_source) + "\n";
        write(line);
      }
      ++rows_written;
    };
    // Writes every finished batch that is next in order; with `wait`, waits for at least one.
    auto drain = [&](bool wait) {
      for (;;) {
        std::vector<fleet_result> rows;
        {
          std::unique_lock lock(m);
          if (wait) result_ready.wait(lock, [&] { return done.count(next_to_write) || failure; });
          if (failure) std::rethrow_exception(failure);
          auto it = done.find(next_to_write);
          if (it == done.end()) return;
          rows = std::move(it->second);
          done.erase(it);
        }
        for (const auto& r : rows) write_row(r);
        ++next_to_write;
        wait = false;
        draw(false);
      }
    };

    try {
      if (format == "json") {
        write("[\n");
      } else {
        std::string header = "function,app,trigger,requests,horizon_hours";
        for (const auto& p : platforms) header += "," + p.id + "_usd";
        write(header + ",choice,platform,duration_ms,duration_source,memory_mb,memory_source\n");
      }
      header_written = true;
      runwise::trace::azure_2019_function_minutes row;
      std::vector<fleet_job> batch;
      auto submit = [&] {
        if (batch.empty()) return;
        {
          std::lock_guard lock(m);
          queue.emplace_back(next_batch++, std::move(batch));
        }
        work_ready.notify_one();
        batch.clear();
        while (next_batch - next_to_write >= max_in_flight) drain(true);
        drain(false);
      };
      while (reader.next(row)) {
        fleet_job j;
        j.function = row.function;
        j.app = row.app;
        j.trigger = row.trigger;
        j.counts.assign(row.counts.begin(), row.counts.end());
        j.line = row.line;
        j.sizing = join.find(row.owner, row.app, row.function, row.line, invocations);
        // The row's bytes, for progress: ids, trigger, counts and the separators.
        bytes_read += static_cast<double>(row.owner.size() + row.app.size() + row.function.size() + row.trigger.size() +
                                          4 + 2 * row.counts.size());
        for (double c : row.counts)
          for (double x = c; x >= 10; x /= 10) bytes_read += 1;
        batch.push_back(std::move(j));
        if (batch.size() == batch_size) submit();
      }
      submit();
      while (next_to_write < next_batch) drain(true);
      if (format == "json") write(rows_written ? "\n]\n" : "]\n");
      stop_pool();
      draw(true);
    } catch (...) {
      stop_pool();
      if (progress) std::fputc('\n', stderr);
      throw;  // `out` removes its temporary file
    }
    (void)header_written;
    join.finish();  // a durations or memory file that matched nothing: exit 2, no output file
    out.commit();
    report(totals, reader.minutes(), join, summary_out ? &*summary_out : nullptr);
  }

  /// The summary: JSON to `file` (--summary), else text on standard error.
  void report(const runwise::analyze::fleet_summary& s, std::size_t minutes, const fleet_join& join,
              output_file* file) const {
    using runwise::choice;
    if (file) {
      runwise::report::json_writer j;
      j.begin_object()
          .member("functions", s.functions())
          .member("requests", s.requests())
          .member("horizon_hours", static_cast<double>(minutes) / 60)
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
        j.key(runwise::to_string(c))
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
      write_join(j, join);
      j.end_object();
      file->write(std::move(j).str());
      file->commit();
      return;
    }
    using runwise::detail::format_count;
    using runwise::detail::format_usd;
    std::string t = "fleet: " + format_count(static_cast<double>(s.functions())) + " functions, " +
                    format_count(s.requests()) + " requests over " + fleet_number(static_cast<double>(minutes) / 60) +
                    " h\nif every function ran on one platform:\n";
    for (std::size_t i = 0; i < s.platforms().size(); ++i)
      t += "  " + s.platforms()[i] + std::string(s.platforms()[i].size() < 22 ? 22 - s.platforms()[i].size() : 1, ' ') +
           format_usd(s.totals()[i]) +
           (s.feasible_counts()[i] < s.functions()
                ? " (" + format_count(static_cast<double>(s.functions() - s.feasible_counts()[i])) + " cannot run)"
                : std::string()) +
           "\n";
    t += "each where the decision puts it: " + format_usd(s.chosen_total()) + "\n";
    char buf[160];
    for (choice c : {choice::serverless, choice::containers}) {
      std::snprintf(buf, sizeof buf, "  %s wins %.1f%% of functions, %.1f%% of spend\n",
                    std::string(runwise::to_string(c)).c_str(), 100 * s.share_of_functions(c),
                    100 * s.share_of_spend(c));
      t += buf;
    }
    if (s.unplaced()) t += "  " + format_count(static_cast<double>(s.unplaced())) + " functions no platform can run\n";
    t += join_text(join);
    if (!s.largest().empty()) t += "functions that matter most (largest cost where placed):\n";
    for (const auto& e : s.largest())
      t += "  " + runwise::detail::printable(e.function) + " (app " + runwise::detail::printable(e.app) + ") " + format_usd(e.usd) + " on " + e.platform + ", " +
           format_count(e.requests) + " requests\n";
    std::fputs(t.c_str(), stderr);
  }
};

}  // namespace runwise_cli
