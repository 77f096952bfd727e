// SPDX-License-Identifier: MIT
#pragma once

// concurrent_instances' fast path for a trace: a step's busy instances, the instances kept warm and
// those alive when every instance takes one request at a time and nothing is throttled, in passes
// that GCC and Clang vectorise (the one scalar pass asks for the peak only where the window's
// largest load changes).

#include <algorithm>
#include <cstddef>
#include <type_traits>
#include <vector>

#include "../core/detail/passes.hpp"

namespace runwise::detail {

/// What concurrent_instances::run sums over a trace.
struct concurrent_trace_totals {
  double cold = 0;        ///< cold starts: after an idle window, and instances beyond the warm ones
  double alive_s = 0;     ///< instance-seconds alive
  double most_alive = 0;  ///< the most instances alive in a step
};

/// concurrent_instances::walk's sums for observed `counts` served one request per instance: a step's
/// load a = n·(d / step) is its busy instances, ⌈a⌉ of them at some point; the W = `window` steps
/// before it keep ⌈max a⌉ warm; `peak_of(m)` is the instances alive at the peak of the load m, the
/// largest of the window and the step. Preconditions (concurrent_instances::run checks them): no
/// step throttled, every count 0 or so large that its load is positive, so that a window is idle
/// exactly when its largest load is 0 — then the first request of a step starts cold unless
/// `minimum` (>= 1) instances wait.
///
/// In chunks of whole W-step blocks, about 500 steps, so that the passes stay in the first-level cache:
///  1. each step's load;
///  2. the largest load of the W steps before each step (detail::block_maxima);
///  3. each step's cold starts, element by element, and the window's largest load with the step's;
///  4. the peaks, asked where that largest load changes (the scalar pass);
///  5. each step's instances alive: max(minimum, peak, a, 1 if the window had a request);
///  6. the sums in four lanes.
template <class PeakOf>
class concurrent_trace_passes {
 public:
  concurrent_trace_passes(std::size_t window, double step, double d, double minimum, PeakOf& peak_of)
      : window_(window),
        chunk_(std::max<std::size_t>(1, 512 / window) * window),
        step_(step),
        per_request_(d / step),
        minimum_(minimum),
        peak_of_(peak_of),
        scratch_(6 * chunk_ + window) {}

  /// Adds the `steps` counts at `counts` (a whole trace, or a stretch with no request in the
  /// window before it) to `out`.
  void add(const double* counts, std::size_t steps, concurrent_trace_totals& out) {
    const std::size_t window = window_, chunk = chunk_;
    const double step = step_, per_request = per_request_, minimum = minimum_;
    double* const load = scratch_.data();
    double* const prefix = load + chunk;      // then each step's cold starts
    double* const most = prefix + chunk;      // the largest load of the window and the step
    double* const peak = most + chunk;        // then the instances alive
    double* const suffix = peak + chunk;      // W + chunk: see detail::block_maxima
    std::fill(suffix, suffix + window, 0.0);  // nothing was busy before the first step
    const double cold_after_idle = minimum < 1 ? 1.0 : 0.0;
    for (std::size_t offset = 0; offset < steps; offset += chunk) {
      const double* const n = counts + offset;
      const std::size_t len = std::min(chunk, steps - offset);

      for (std::size_t j = 0; j < len; ++j) load[j] = n[j] * per_request;  // 1.

      block_maxima(load, prefix, suffix, len, window);  // 2.

      for (std::size_t j = 0; j < len; ++j) {  // 3.
        const double a = load[j], before = suffix[j] < prefix[j] ? prefix[j] : suffix[j];
        const double warm = ceil_small(before - 1e-9), base = warm < 1.0 ? 1.0 : warm;
        const double scale_out = ceil_small(a - 1e-9) - base;
        const double first = n[j] < 1.0 ? n[j] : 1.0;
        const double gap = (before == 0 ? first : 0.0) * cold_after_idle;  // 0 for n = 0 too
        prefix[j] = gap + (scale_out > 0 ? scale_out : 0.0);
        most[j] = before < a ? a : before;
      }

      for (std::size_t j = 0; j < len; ++j) {  // 4.
        if (most[j] != last_most_) [[unlikely]]
          last_peak_ = peak_of_(most[j]), last_most_ = most[j];
        peak[j] = last_peak_;
      }

      for (std::size_t j = 0; j < len; ++j) {  // 5.
        const double a = load[j], any = most[j] > 0 ? 1.0 : 0.0;
        const double kept = peak[j] < minimum ? minimum : peak[j], busy = a < any ? any : a;
        peak[j] = kept < busy ? busy : kept;
      }

      out.cold += sum_in_lanes(prefix, len);  // 6.
      out.alive_s += step * sum_in_lanes(peak, len);
      out.most_alive = max_in_lanes(peak, len, out.most_alive);
      if (offset + len < steps) std::copy(suffix + len, suffix + len + window, suffix);
    }
  }

 private:
  std::size_t window_, chunk_;
  double step_, per_request_, minimum_;
  PeakOf& peak_of_;
  scratch_doubles scratch_;
  double last_most_ = -1, last_peak_ = 0;  // the last peak asked for
};

/// The sums for the whole trace `counts`, of which `busy_steps` have a request. A sparse trace (a
/// call now and then, as half the functions of the Azure trace) is summed stretch by stretch
/// (detail::for_each_busy_stretch, each stretch ending a window after its last request): a step
/// outside them has no request in its window, so no cold start, and `minimum` instances alive.
template <class PeakOf>
concurrent_trace_totals concurrent_trace(const std::vector<double>& counts, std::size_t busy_steps, std::size_t window,
                                         double step, double d, double minimum, PeakOf&& peak_of) {
  concurrent_trace_passes<std::remove_reference_t<PeakOf>> passes(window, step, d, minimum, peak_of);
  concurrent_trace_totals out;
  std::size_t covered = 0;
  for_each_span_to_walk(counts.data(), counts.size(), busy_steps, window, window,
                        [&](std::size_t begin, std::size_t end) {
                          passes.add(counts.data() + begin, end - begin, out);
                          covered += end - begin;
                        });
  if (covered < counts.size()) {
    out.alive_s += step * (minimum * static_cast<double>(counts.size() - covered));
    out.most_alive = std::max(out.most_alive, minimum);
  }
  return out;
}

}  // namespace runwise::detail
