// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "../detail/check.hpp"
#include "../units.hpp"

namespace runwise {

/// Request counts per fixed time step: the traffic every option is evaluated on.
/// Counts are expected values and may be fractional (an even spread of 3 M requests over a month
/// of minutes is 68.49 per minute). The horizon is `step() * size()`.
///
/// ```cpp
/// runwise::traffic_series t{runwise::seconds{60}, {10, 0, 25}};   // three minutes
/// t.total();        // requests{35}
/// t.peak_rate();    // 25 / 60 per second
/// ```
class traffic_series {
 public:
  traffic_series() = default;

  /// Throws runwise::error naming `path` when the step is not positive or a count is negative/NaN.
  traffic_series(seconds step, std::vector<double> counts, const std::string& path = "traffic")
      : step_(step), counts_(std::move(counts)) {
    detail::check_positive(path + ".step_s", step_.value());
    for (std::size_t i = 0; i < counts_.size(); ++i)
      detail::check_non_negative(path + ".counts[" + std::to_string(i) + "]", counts_[i]);
  }

  [[nodiscard]] seconds step() const noexcept { return step_; }
  [[nodiscard]] const std::vector<double>& counts() const noexcept { return counts_; }
  [[nodiscard]] std::size_t size() const noexcept { return counts_.size(); }
  [[nodiscard]] bool empty() const noexcept { return counts_.empty(); }
  [[nodiscard]] seconds horizon() const noexcept { return step_ * static_cast<double>(counts_.size()); }

  /// All requests over the horizon.
  [[nodiscard]] requests total() const noexcept {
    double sum = 0;
    for (double c : counts_) sum += c;
    return requests{sum};
  }

  /// Requests per second in the busiest step.
  [[nodiscard]] double peak_rate() const noexcept {
    double peak = 0;
    for (double c : counts_) peak = c > peak ? c : peak;
    return peak / step_.value();
  }

  /// Mean requests per second over the horizon (0 for an empty series).
  [[nodiscard]] double mean_rate() const noexcept {
    return counts_.empty() ? 0.0 : total().value() / horizon().value();
  }

  /// The same shape with every count multiplied by `factor` (>= 0): used for break-even searches.
  [[nodiscard]] traffic_series scaled(double factor) const {
    traffic_series out = *this;
    for (double& c : out.counts_) c *= factor;
    return out;
  }

 private:
  seconds step_{60};
  std::vector<double> counts_;
};

}  // namespace runwise
