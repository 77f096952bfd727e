// SPDX-License-Identifier: MIT
#pragma once
// Long runs on the command line: progress on stderr once a run passes 2 s, and a refusal, with the
// measured estimate and the limit, of a run that would take more than an hour (docs/robustness.md).

#include <unistd.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

#include <runwise/core/detail/check.hpp>
#include <runwise/core/detail/format.hpp>
#include <runwise/core/error.hpp>
#include <runwise/core/progress.hpp>
#include <runwise/trace/azure_2019_invocations.hpp>

namespace runwise_cli {

/// "45 s", "12 minutes", "1.9 hours".
inline std::string duration_words(double s) {
  char buf[48];
  if (s < 120)
    std::snprintf(buf, sizeof buf, "%.0f s", s);
  else if (s < 7200)
    std::snprintf(buf, sizeof buf, "%.0f minutes", s / 60);
  else
    std::snprintf(buf, sizeof buf, "%.1f hours", s / 3600);
  return buf;
}

/// "#########....................." : `share` of 30 cells filled.
inline std::string progress_bar(double share) {
  const int filled = static_cast<int>(share * 30);
  std::string bar(30, '.');
  for (int i = 0; i < filled && i < 30; ++i) bar[static_cast<std::size_t>(i)] = '#';
  return bar;
}

/// The longest run accepted unless --time-limit says otherwise: an hour.
inline constexpr double default_time_limit_s = 3600;

/// How a command's long runs are shown and bounded: --progress|--no-progress and --time-limit.
struct long_run_flags {
  bool progress = ::isatty(2) == 1;  ///< drawn by default when stderr is a terminal
  double time_limit_s = default_time_limit_s;

  void add_to(CLI::App& command) {
    command.add_flag("--progress,!--no-progress", progress,
                     "draw progress on stderr for a run past 2 s (default: when stderr is a terminal)");
    command
        .add_option("--time-limit", time_limit_s,
                    "refuse a run whose measured pace says it would take longer than SECONDS (default 3600)")
        ->check(CLI::Range(1.0, 1e7));
  }
  /// CLI11's range check lets NaN through: checked again when the command runs.
  void validate() const { runwise::detail::check_range("--time-limit", time_limit_s, 1, 1e7, " s"); }
};

/// A runwise::progress_callback for one run. Draws "[#####.....]  45%  ETA 30 s" on stderr (when
/// `draw` is set) from 2 s on, at most five times a second; from 2 s on it also projects the whole
/// run from the pace so far, and when that passes `limit_s` it throws runwise::error (invalid
/// input, exit 2) naming `what` with the estimate, the limit and `advice`.
class progress_meter {
 public:
  static constexpr double quiet_s = 2;  ///< nothing is drawn or projected before

  progress_meter(std::string what, std::string unit, std::string advice, bool draw, double limit_s = default_time_limit_s)
      : what_(std::move(what)), unit_(std::move(unit)), advice_(std::move(advice)), draw_(draw), limit_s_(limit_s) {}

  progress_meter(const progress_meter&) = delete;
  progress_meter& operator=(const progress_meter&) = delete;
  ~progress_meter() { finish(); }

  /// The callback to hand to the library; valid while the meter lives.
  runwise::progress_callback callback() {
    return [this](double done, double planned) { tell(done, planned); };
  }

  /// Ends the progress line (if one was drawn).
  void finish() {
    if (drawn_) std::fputc('\n', stderr);
    drawn_ = false;
  }

 private:
  using clock = std::chrono::steady_clock;
  std::string what_, unit_, advice_;
  bool draw_;
  double limit_s_;
  clock::time_point started_ = clock::now(), last_ = started_;
  bool drawn_ = false;
  /// (elapsed s, done) every 200 ms: the pace is measured over the last few seconds, since later
  /// units of work can cost more than the first (the break-even search's larger scales).
  struct sample {
    double elapsed, done;
  };
  sample window_[25]{};
  std::size_t samples_ = 0;

  void tell(double done, double planned) {
    const auto now = clock::now();
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    if (elapsed < quiet_s || now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    constexpr std::size_t n = sizeof window_ / sizeof window_[0];
    const sample then = samples_ == 0 ? sample{0, 0} : window_[samples_ >= n ? samples_ % n : 0];
    window_[samples_++ % n] = {elapsed, done};
    const double share = planned > 0 ? std::min(1.0, done / planned) : 0.0;
    // Seconds per unit over the window (over the whole run at first), times the units left.
    const double pace = done > then.done ? (elapsed - then.elapsed) / (done - then.done) : 0.0;
    const double total = share > 0 ? elapsed + std::max(0.0, planned - done) * std::max(pace, elapsed / done) : 0.0;
    if (share > 0 && total > limit_s_) {
      finish();
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%.1f s", elapsed);
      throw runwise::error(runwise::errc::invalid_input, what_,
                           "would run about " + duration_words(total) + " (measured: " +
                               runwise::detail::format_count(done) + " of about " +
                               runwise::detail::format_count(planned) + " " + unit_ + " in " + seconds +
                               "); runs longer than " + duration_words(limit_s_) + " are refused: " + advice_);
    }
    if (!draw_) return;
    std::fprintf(stderr, "\r[%s] %3.0f%%  %s  ETA %s   ", progress_bar(share).c_str(), share * 100, what_.c_str(),
                 duration_words(total - elapsed).c_str());
    drawn_ = true;
  }
};

}  // namespace runwise_cli

namespace runwise_cli {

/// `runwise fleet --progress`: "[#####.....]  45%  1,234 functions  800/s  ETA 12s" on stderr, at
/// most five times a second, the share from the invocations file's bytes read so far.
class fleet_progress {
 public:
  fleet_progress(bool draw, double file_bytes) : draw_(draw), file_bytes_(file_bytes) {}

  /// Counts a row's bytes: its ids, trigger, counts and separators.
  void read(const runwise::trace::azure_2019_function_minutes& row) {
    if (!draw_) return;
    bytes_read_ += static_cast<double>(row.owner.size() + row.app.size() + row.function.size() + row.trigger.size() +
                                       4 + 2 * row.counts.size());
    for (double c : row.counts)
      for (double x = c; x >= 10; x /= 10) bytes_read_ += 1;
  }

  void draw(std::size_t rows, bool final) {
    const auto now = clock::now();
    if (!draw_ || (!final && now - last_ < std::chrono::milliseconds(200))) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    const double share = final ? 1.0 : file_bytes_ > 0 ? std::min(1.0, bytes_read_ / file_bytes_) : 0.0;
    const double rate = elapsed > 0 ? static_cast<double>(rows) / elapsed : 0;
    const double eta = share > 0 ? elapsed * (1 - share) / share : 0;
    std::fprintf(stderr, "\r[%s] %3.0f%%  %zu functions  %.0f/s  ETA %.0fs  ", progress_bar(share).c_str(),
                 share * 100, rows, rate, eta);
    if (final) std::fputc('\n', stderr);
  }

  /// Ends the line after an error.
  void end() const {
    if (draw_) std::fputc('\n', stderr);
  }

 private:
  using clock = std::chrono::steady_clock;
  bool draw_;
  double file_bytes_, bytes_read_ = 0;
  clock::time_point started_ = clock::now(), last_ = started_;
};

}  // namespace runwise_cli
