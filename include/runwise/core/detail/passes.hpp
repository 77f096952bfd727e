// SPDX-License-Identifier: MIT
#pragma once

// Building blocks of the capacity models' vectorised passes over a trace (simulate/
// trace_cold_starts.hpp, simulate/concurrent_trace.hpp): loops written so that GCC and Clang turn
// them into vector code under the default floating-point rules (-ftrapping-math, no reassociation).

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>

// The passes round with (x + 2^52) − 2^52, which -ffast-math (reassociation) may fold to x.
#if defined(__FAST_MATH__)
#error "runwise's capacity models need IEEE arithmetic: compile them without -ffast-math"
#endif

namespace runwise::detail {

/// Scratch doubles for one pass, left uninitialised: a std::vector would zero its ~24 kB at every
/// evaluation of a fleet's functions (and std::unique_ptr's <memory> would bring <ostream> into the
/// core header's compile time).
class scratch_doubles {
 public:
  explicit scratch_doubles(std::size_t size) : data_(new double[size]) {}
  scratch_doubles(const scratch_doubles&) = delete;
  scratch_doubles& operator=(const scratch_doubles&) = delete;
  ~scratch_doubles() { delete[] data_; }
  [[nodiscard]] double* data() const noexcept { return data_; }

 private:
  double* data_;
};

/// f(x[0]) + ... + f(x[len - 1]) in four lanes, so that no addition waits for the one before.
template <class F>
double sum_in_lanes(const double* x, std::size_t len, F f) {
  double lane[4] = {0, 0, 0, 0};
  std::size_t j = 0;
  for (; j + 4 <= len; j += 4)
    for (std::size_t l = 0; l < 4; ++l) lane[l] += f(x[j + l]);
  for (; j < len; ++j) lane[0] += f(x[j]);
  return (lane[0] + lane[1]) + (lane[2] + lane[3]);
}

/// x[0] + ... + x[len - 1] in four lanes.
inline double sum_in_lanes(const double* x, std::size_t len) {
  return sum_in_lanes(x, len, [](double v) { return v; });
}

/// The largest of x[0], ..., x[len - 1] and `start`, in four lanes.
inline double max_in_lanes(const double* x, std::size_t len, double start) {
  double lane[4] = {start, start, start, start};
  std::size_t j = 0;
  for (; j + 4 <= len; j += 4)
    for (std::size_t l = 0; l < 4; ++l) lane[l] = lane[l] < x[j + l] ? x[j + l] : lane[l];
  for (; j < len; ++j) lane[0] = lane[0] < x[j] ? x[j] : lane[0];
  const double low = lane[0] < lane[1] ? lane[1] : lane[0], high = lane[2] < lane[3] ? lane[3] : lane[2];
  return low < high ? high : low;
}

/// ⌈x⌉ for -0.25 < x < 2^52 (0 for x <= 0; the callers pass x >= -1e-9) without a call or a branch: adding and
/// taking 2^52 rounds to the nearest integer, and one more is the ceiling when that fell below.
inline double ceil_small(double x) noexcept {
  const double nearest = (x + 0x1p52) - 0x1p52;
  return nearest + (nearest < x ? 1.0 : 0.0);
}

/// van Herk–Gil-Werman over one chunk of `len` values cut into blocks of `window`: `prefix[j]` is
/// the largest of x before j in j's block (0 at a block's start), `suffix[window + j]` the largest
/// from j to its block's end. The largest of the `window` values before j is then
/// max(suffix[j], prefix[j]): suffix[0, window) holds the previous chunk's last block (zeros before
/// the first), so a chunk's length must be a whole number of blocks but for the last. Two
/// independent chains in one loop, and no data-dependent branch.
inline void block_maxima(const double* x, double* prefix, double* suffix, std::size_t len, std::size_t window) {
  for (std::size_t base = 0; base < len; base += window) {
    const std::size_t last = (base + window < len ? base + window : len) - 1;
    double before = 0, after = 0;
    for (std::size_t k = 0; base + k <= last; ++k) {
      prefix[base + k] = before;
      before = before < x[base + k] ? x[base + k] : before;
      after = after < x[last - k] ? x[last - k] : after;
      suffix[window + last - k] = after;
    }
  }
}

/// Calls f(begin, end) for each stretch [begin, end) of the `size` counts `n` that holds requests,
/// in order: a stretch starts at a step with a request and none in the `window` steps before it,
/// takes in each later request at most `window` steps after the one before, and ends `after` <=
/// `window` steps past its last request (or at the end). Steps outside every stretch have no
/// request, and the first step of a stretch has none in its window: a model whose state is idle
/// after a window without requests can start each stretch afresh and skip the steps between.
template <class F>
void for_each_busy_stretch(const double* n, std::size_t size, std::size_t window, std::size_t after, F&& f) {
  std::size_t i = 0;
  for (;;) {
    // Sixteen steps a test while all are +0 (their bits OR-ed, which vectorises), then one at a time.
    for (; i + 16 <= size; i += 16) {
      std::uint64_t bits = 0;
      for (std::size_t k = 0; k < 16; ++k) bits |= std::bit_cast<std::uint64_t>(n[i + k]);
      if (bits != 0) break;
    }
    while (i < size && !(n[i] > 0)) ++i;
    if (i >= size) return;
    const std::size_t begin = i;
    std::size_t last = i;
    for (++i; i < size && i - last <= window; ++i)
      if (n[i] > 0) last = i;
    f(begin, std::min(size, last + 1 + after));  // the next request is at i or later, past `after`
  }
}

/// Whether `busy` steps with requests among `size` are few enough for for_each_busy_stretch to
/// save work: their stretches of about window + 1 steps cover at most half of the steps.
constexpr bool sparse_enough(std::size_t busy, std::size_t window, std::size_t size) noexcept {
  return busy * (window + 1) <= size / 2;
}

/// The spans a model that starts idle after a window without requests must walk: the stretches of
/// for_each_busy_stretch (with `after`) when the `busy` steps with a request among `size` are
/// sparse_enough, else the whole [0, size) at once.
template <class F>
void for_each_span_to_walk(const double* n, std::size_t size, std::size_t busy, std::size_t window, std::size_t after,
                           F&& f) {
  if (sparse_enough(busy, window, size))
    for_each_busy_stretch(n, size, window, after, f);
  else
    f(std::size_t{0}, size);
}

}  // namespace runwise::detail
