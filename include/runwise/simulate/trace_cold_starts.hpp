// SPDX-License-Identifier: MIT
#pragma once

// function_instances' fast path for a trace: the cold starts of observed counts when every step's
// instances depend on its own count only (a fixed concurrency cap, nothing throttled, nothing
// provisioned), in passes that GCC and Clang vectorise.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../core/detail/passes.hpp"

namespace runwise::detail {

// Each step's cold starts, written over the prefix part of its pool. After a gap (the observed
// case of function_instances' gap rule): every request when their spacing exceeds the keep-alive T
// — possible only when T < step, as n >= 1 — else the first after an idle window, whose pool is
// empty (counts are 0 or >= 1e-9 here); plus one per instance beyond the warm pool.
template <bool ShortKeepAlive>
void cold_starts_in_pools(const double* n, const double* instances, const double* suffix, double* prefix_to_cold,
                          std::size_t len, double step, double keep_alive) {
  for (std::size_t j = 0; j < len; ++j) {
    const double ni = n[j], prefix = prefix_to_cold[j], pool = suffix[j] < prefix ? prefix : suffix[j];
    const double scale_out = instances[j] - (pool > 1.0 ? pool : 1.0);
    double gap = pool == 0 ? (ni < 1.0 ? ni : 1.0) : 0.0;
    if constexpr (ShortKeepAlive) gap = ((ni >= 1) & (step > keep_alive * ni)) ? ni : gap;
    prefix_to_cold[j] = gap + (scale_out > 0 ? scale_out : 0.0);
  }
}

// The cold starts of the `steps` observed counts at `counts` — a whole trace, or a stretch after
// which nothing is warm — whose busy instances are count · per_request (Little's law, d / step),
// warm for `window` whole steps (W >= 1) after their last use, with keep-alive T = `keep_alive`
// seconds, with `scratch` for 3 · chunk + W doubles (chunk: a whole number of W-step blocks).
// Precondition: every busy count · per_request is below 2^52 and every count is 0 or >= 1e-9
// (function_instances checks both: the concurrency limit, and traffic_series::least_positive_count).
//
// In chunks of about a thousand steps, so that the passes work in the first-level cache:
//  1. each step's instances, element by element;
//  2. van Herk–Gil-Werman (detail::block_maxima): in each block of W steps, the most instances
//     before step j and from j to the block's end — the W steps before step j are the previous
//     block's suffix from j - W and this block's prefix before j;
//  3. each step's cold starts, element by element, from its pool max(suffix[j - W], prefix[j]);
//  4. their sum, in four lanes.
// Every comparison is evaluated unconditionally (`&`, not `&&`, and no nested select): a
// floating-point comparison that might not run keeps GCC, under its default -ftrapping-math, from
// turning the selects into vector masks.
inline double trace_cold_starts(const double* counts, std::size_t steps, std::size_t window, double step,
                                double per_request, double keep_alive, double* scratch, std::size_t chunk) {
  double* const instances = scratch;
  double* const prefix = instances + chunk;  // then each step's cold starts
  // suffix[W + j]: the most instances from step j to its block's end; suffix[0, W) holds the
  // previous chunk's last block (zeros before the first step: nothing was warm).
  double* const suffix = prefix + chunk;
  std::fill(suffix, suffix + window, 0.0);
  double cold = 0;
  for (std::size_t offset = 0; offset < steps; offset += chunk) {
    const double* const n = counts + offset;
    const std::size_t len = std::min(chunk, steps - offset);

    // 1. max(1, std::ceil(busy - 1e-9)) for n > 0, else 0, without a call or a branch.
    for (std::size_t i = 0; i < len; ++i) {
      const double ni = n[i], ceiling = ceil_small(ni * per_request - 1e-9);
      const double at_least_one = ceiling < 1.0 ? 1.0 : ceiling;
      instances[i] = ni > 0 ? at_least_one : 0.0;
    }

    block_maxima(instances, prefix, suffix, len, window);  // 2.

    // 3.
    if (keep_alive < step)
      cold_starts_in_pools<true>(n, instances, suffix, prefix, len, step, keep_alive);
    else
      cold_starts_in_pools<false>(n, instances, suffix, prefix, len, step, keep_alive);

    cold += sum_in_lanes(prefix, len);  // 4.
    if (offset + len < steps) std::copy(suffix + len, suffix + len + window, suffix);
  }
  return cold;
}

// The same for a whole trace with `busy_steps` steps that have requests. A sparse trace (a call now
// and then, as half the functions of the Azure trace) is read stretch by stretch: the steps with
// no request in their window start no instance, so only the stretches around requests are summed.
inline double trace_cold_starts(const std::vector<double>& counts, std::size_t busy_steps, std::size_t window,
                                double step, double per_request, double keep_alive) {
  const std::size_t chunk = std::max<std::size_t>(1, 1024 / window) * window;
  const scratch_doubles scratch(3 * chunk + window);
  double cold = 0;
  for_each_span_to_walk(counts.data(), counts.size(), busy_steps, window, 0, [&](std::size_t begin, std::size_t end) {
    cold += trace_cold_starts(counts.data() + begin, end - begin, window, step, per_request, keep_alive, scratch.data(),
                              chunk);
  });
  return cold;
}

}  // namespace runwise::detail
