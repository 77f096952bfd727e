// SPDX-License-Identifier: MIT
#pragma once

// The largest value over a sliding window of steps: a monotonic queue in a fixed ring, so a walk
// over a month of minutes allocates once and moves no memory (std::deque allocates blocks as it
// goes and costs a segmented index per access).

#include <cstddef>
#include <vector>

namespace runwise::detail {

/// Values pushed at increasing steps; `largest()` is the largest of those pushed at steps
/// `first`… after `expire_before(first)`. Holds at most `window + 1` entries when the steps before
/// `i - window` are expired before each push at step `i` (as the capacity models do).
///
/// ```cpp
/// runwise::detail::sliding_max m(10);   // windows of 10 steps
/// m.push(0, 3.0); m.push(1, 1.0);
/// m.expire_before(1);                    // step 0 leaves the window
/// m.largest(0.0);                        // 1.0
/// ```
class sliding_max {
 public:
  explicit sliding_max(std::size_t window) : ring_(window + 1) {}

  /// Forgets the values pushed before step `first`.
  void expire_before(std::size_t first) noexcept {
    while (size_ > 0 && ring_[head_].step < first) {
      head_ = head_ + 1 == ring_.size() ? 0 : head_ + 1;
      --size_;
    }
  }

  /// The largest value in the window, or `empty` when it holds none.
  [[nodiscard]] double largest(double empty) const noexcept { return size_ == 0 ? empty : ring_[head_].value; }

  /// Adds `value` at `step` (later than every step pushed before); values it dominates leave. (A
  /// caller that expires nothing loses the oldest value rather than memory past the ring.)
  void push(std::size_t step, double value) noexcept {
    while (size_ > 0 && ring_[at(size_ - 1)].value <= value) --size_;
    if (size_ == ring_.size()) [[unlikely]] {
      head_ = head_ + 1 == ring_.size() ? 0 : head_ + 1;
      --size_;
    }
    ring_[at(size_)] = {step, value};
    ++size_;
  }

 private:
  struct entry {
    std::size_t step;
    double value;
  };
  [[nodiscard]] std::size_t at(std::size_t k) const noexcept {
    return head_ + k < ring_.size() ? head_ + k : head_ + k - ring_.size();
  }
  std::vector<entry> ring_;
  std::size_t head_ = 0, size_ = 0;
};

}  // namespace runwise::detail
