// SPDX-License-Identifier: MIT
#pragma once

// Fleet mode: one verdict per function of a trace, and what the whole fleet adds up to. The per-
// function step evaluates the options and the decision only (no break-even search): a fleet has
// thousands of functions and its rows do not need it.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "../decide/cheapest.hpp"
#include "../decide/concepts.hpp"
#include "../evaluate/registry.hpp"
#include "../trace/fleet_memory.hpp"
#include "../workload/workload.hpp"

namespace runwise::analyze {

/// A function's configured memory from its 99th-percentile allocated memory (fleet mode's rule).
using trace::fleet_memory_mb;

/// One function's verdict: its cost on each selected platform (nullopt where it cannot run), the
/// kind and platform the decision policy chose (empty platform when none can run it).
struct fleet_row {
  std::string function, app, trigger;
  double requests = 0;
  double horizon_hours = 0;
  std::vector<std::optional<double>> usd;  ///< one per selected platform, in selection order
  std::optional<choice> kind;              ///< nullopt: no selected platform can run it
  std::string platform;
  double chosen_usd = 0;  ///< the chosen platform's cost (0 when none)
};

/// Evaluates `w` on `chosen` and lets decision policy `D` choose, without break-even points: the
/// fast path of fleet mode. The row's ids are left for the caller to fill.
///
/// ```cpp
/// runwise::analyze::fleet_row r = runwise::analyze::evaluate_function(w, platforms);
/// r.usd[0];   // the first platform's cost over the trace's horizon
/// ```
template <decision_policy D = decide::cheapest>
fleet_row evaluate_function(const workload& w, const std::vector<selected_platform>& chosen) {
  w.validate();
  fleet_row row;
  row.requests = w.traffic.total().value();
  row.horizon_hours = to_hours(w.traffic.horizon());
  std::vector<option_result> options;
  options.reserve(chosen.size());
  for (const auto& p : chosen) {
    options.push_back(p.run(w));
    const auto& o = options.back();
    row.usd.push_back(o.feasible ? std::optional<double>(o.cost.total().value()) : std::nullopt);
  }
  if (std::none_of(options.begin(), options.end(), [](const option_result& o) { return o.feasible; })) return row;
  const recommendation advice = D::decide(options, decision_context{.horizon = w.traffic.horizon(), .explain = false});
  row.kind = advice.kind;
  row.platform = advice.platform;
  for (std::size_t i = 0; i < chosen.size(); ++i)
    if (chosen[i].id == advice.platform && row.usd[i]) row.chosen_usd = *row.usd[i];
  return row;
}

/// What a fleet adds up to: each platform's total if every function ran there, how many functions
/// and how much of the chosen spend go to each kind, and the `top` functions with the largest
/// chosen cost. Memory is bounded by `top`, not by the number of rows.
///
/// ```cpp
/// runwise::analyze::fleet_summary s({"aws_lambda", "aws_fargate"});
/// s.add(row);
/// s.share_of_functions(runwise::choice::serverless);
/// ```
class fleet_summary {
 public:
  explicit fleet_summary(std::vector<std::string> platforms, std::size_t top = 10)
      : platforms_(std::move(platforms)), totals_(platforms_.size(), 0.0), feasible_(platforms_.size(), 0), top_(top) {}

  void add(const fleet_row& r) {
    ++functions_;
    requests_ += r.requests;
    for (std::size_t i = 0; i < totals_.size() && i < r.usd.size(); ++i)
      if (r.usd[i]) totals_[i] += *r.usd[i], ++feasible_[i];
    if (!r.kind) {
      ++unplaced_;
      return;
    }
    const auto k = static_cast<std::size_t>(*r.kind);
    ++wins_[k];
    spend_[k] += r.chosen_usd;
    chosen_total_ += r.chosen_usd;
    if (top_ == 0) return;
    if (largest_.size() < top_ || r.chosen_usd > largest_.back().usd) {
      largest_.push_back({r.function, r.app, r.platform, r.chosen_usd, r.requests});
      std::sort(largest_.begin(), largest_.end(), [](const entry& a, const entry& b) { return a.usd > b.usd; });
      if (largest_.size() > top_) largest_.pop_back();
    }
  }

  /// A function among those that cost most on their chosen platform.
  struct entry {
    std::string function, app, platform;
    double usd = 0, requests = 0;
  };

  [[nodiscard]] const std::vector<std::string>& platforms() const noexcept { return platforms_; }
  /// Each platform's total over the functions it can run (same order as platforms()).
  [[nodiscard]] const std::vector<double>& totals() const noexcept { return totals_; }
  /// How many functions each platform can run.
  [[nodiscard]] const std::vector<std::size_t>& feasible_counts() const noexcept { return feasible_; }
  [[nodiscard]] std::size_t functions() const noexcept { return functions_; }
  [[nodiscard]] std::size_t unplaced() const noexcept { return unplaced_; }
  [[nodiscard]] double requests() const noexcept { return requests_; }
  /// The cost of running every function where the decision put it.
  [[nodiscard]] double chosen_total() const noexcept { return chosen_total_; }
  [[nodiscard]] double share_of_functions(choice c) const noexcept {
    return functions_ ? static_cast<double>(wins_[static_cast<std::size_t>(c)]) / static_cast<double>(functions_) : 0;
  }
  [[nodiscard]] double share_of_spend(choice c) const noexcept {
    return chosen_total_ > 0 ? spend_[static_cast<std::size_t>(c)] / chosen_total_ : 0;
  }
  /// The functions with the largest chosen cost, largest first.
  [[nodiscard]] const std::vector<entry>& largest() const noexcept { return largest_; }

 private:
  std::vector<std::string> platforms_;
  std::vector<double> totals_;
  std::vector<std::size_t> feasible_;
  std::size_t top_;
  std::size_t functions_ = 0, unplaced_ = 0;
  double requests_ = 0, chosen_total_ = 0;
  std::size_t wins_[3] = {0, 0, 0};
  double spend_[3] = {0, 0, 0};
  std::vector<entry> largest_;
};

}  // namespace runwise::analyze
