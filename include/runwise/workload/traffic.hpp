// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "../core/detail/check.hpp"
#include "../core/units.hpp"

namespace runwise {

/// Request counts per fixed time step: the traffic every option is evaluated on. The horizon is
/// `step() * size()`.
///
/// Counts are either *observed* (a trace: these requests arrived, spread over their step) or
/// *expected* (a generated average, possibly fractional — an even spread of 3 M requests over a
/// month of minutes is 68.49 per minute — with Poisson arrivals around it). Models that care, such
/// as cold starts at low traffic, read `observed()`.
///
/// ```cpp
/// runwise::traffic_series t{runwise::seconds{60}, {10, 0, 25}};   // three minutes
/// t.total();        // requests{35}
/// t.peak_rate();    // 25 / 60 per second
/// ```
class traffic_series {
 public:
  traffic_series() = default;

  /// The most steps a series may have (ten years of minutes would be 5.3 M): bounds memory and time.
  static constexpr double max_steps = 1e7;
  /// The most requests one step may hold (a million times the largest public serverless quotas).
  static constexpr double max_count = 1e15;

  /// Throws runwise::error naming `path` when the step is outside 1 s to 1 day, a count is negative,
  /// not finite or above max_count, or there are more than max_steps steps.
  traffic_series(seconds step, std::vector<double> counts, const std::string& path = "traffic", bool observed = true)
      : step_(step), counts_(std::move(counts)), observed_(observed) {
    detail::check_range(path + ".step_s", step_.value(), 1, 86'400, " s");
    if (static_cast<double>(counts_.size()) > max_steps)
      fail_input(path + ".counts", "has " + std::to_string(counts_.size()) + " steps; at most 10,000,000 are allowed");
    if (!summarise())  // (one pass checks and sums: a fleet builds a series per function)
      for (std::size_t i = 0; i < counts_.size(); ++i)
        if (!(counts_[i] >= 0 && counts_[i] <= max_count))
          detail::check_range(path + ".counts[" + std::to_string(i) + "]", counts_[i], 0, max_count);
  }

  [[nodiscard]] seconds step() const noexcept { return step_; }
  [[nodiscard]] const std::vector<double>& counts() const noexcept { return counts_; }
  [[nodiscard]] std::size_t size() const noexcept { return counts_.size(); }
  [[nodiscard]] bool empty() const noexcept { return counts_.empty(); }
  /// True for observed arrivals (a trace), false for expected counts (a generated average).
  [[nodiscard]] bool observed() const noexcept { return observed_; }
  [[nodiscard]] seconds horizon() const noexcept { return step_ * static_cast<double>(counts_.size()); }

  /// All requests over the horizon.
  [[nodiscard]] requests total() const noexcept { return requests{total_}; }

  /// Requests in the busiest step.
  [[nodiscard]] double peak_count() const noexcept { return peak_; }

  /// The fewest requests of a step that has any (0 when none has): fast paths that treat a window
  /// as idle exactly when it holds no request read it to rule out vanishing counts.
  [[nodiscard]] double least_positive_count() const noexcept { return least_; }

  /// How many steps have a request (fast paths for sparse traffic read it).
  [[nodiscard]] std::size_t busy_steps() const noexcept { return busy_steps_; }

  /// Requests per second in the busiest step.
  [[nodiscard]] double peak_rate() const noexcept { return peak_ / step_.value(); }

  /// Mean requests per second over the horizon (0 for an empty series).
  [[nodiscard]] double mean_rate() const noexcept {
    return counts_.empty() ? 0.0 : total().value() / horizon().value();
  }

  /// The same shape with every count multiplied by `factor` (>= 0): used for break-even searches.
  /// Its total and peak scale with the counts (the peak exactly, the total to rounding).
  [[nodiscard]] traffic_series scaled(double factor) const {
    traffic_series out;
    out.assign_scaled(*this, factor);
    return out;
  }

  /// Becomes `base.scaled(factor)`, reusing this series' storage: loops that rescale one series
  /// thousands of times (Monte Carlo draws) allocate nothing after the first, and do not sum it again.
  void assign_scaled(const traffic_series& base, double factor) {
    step_ = base.step_;
    observed_ = base.observed_;
    counts_.resize(base.counts_.size());
    for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] = base.counts_[i] * factor;
    total_ = base.total_ * factor;
    peak_ = base.peak_ * factor;    // x ↦ x·factor is monotonic in floating point too: the same maximum
    least_ = base.least_ * factor;  // and the same minimum, unless it underflowed to 0 (counted again)
    busy_steps_ = factor > 0 ? base.busy_steps_ : 0;
    if (least_ == 0 && base.least_ > 0) static_cast<void>(summarise());  // (all may have underflowed)
  }

 private:
  // The counts do not change after construction, so their sum, maximum and least positive count
  // are taken once: every capacity model and price asks for them, and a month of minutes is 43,800
  // additions each time.
  // Returns whether every count lies in [0, max_count] (NaN does not).
  bool summarise() noexcept {
    total_ = 0, peak_ = 0, least_ = 0;
    bool valid = true;
    std::size_t busy = 0;
    for (double c : counts_) {
      valid &= c >= 0 && c <= max_count;
      total_ += c;
      peak_ = c > peak_ ? c : peak_;
      least_ = c > 0 && (least_ == 0 || c < least_) ? c : least_;
      busy += c > 0 ? 1 : 0;
    }
    busy_steps_ = busy;
    return valid;
  }

  seconds step_{60};
  std::vector<double> counts_;
  bool observed_ = false;
  double total_ = 0, peak_ = 0, least_ = 0;
  std::size_t busy_steps_ = 0;
};

}  // namespace runwise
