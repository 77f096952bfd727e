// SPDX-License-Identifier: MIT
#pragma once

// http_scaled_replicas' fast path for a trace (observed counts): the same per-step rule in one pass
// whose loop-carried work is only the queue, the cooldown's window maximum and rare sums.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "../detail/passes.hpp"
#include "../units.hpp"
#include "fifo_queue.hpp"
#include "usage.hpp"

namespace runwise::simulate::detail_scaled {

/// One walk's constants: the step, what one replica serves in it, 1 / (step × target), the clamp,
/// E[d] (only read with a minimum replica) and the cooldown in whole steps.
struct trace_rule {
  double step = 60, per_replica_step = 1, count_to_ratio = 1, minimum = 0, maximum = 10, duration_s = 1;
  std::size_t window = 5;
};

/// What the walk sums besides the usage's runs, and the requests still queued at the horizon.
struct trace_totals {
  double active_s = 0, idle_s = 0, cold = 0, backlog = 0, late = 0;
};

/// The clamped replicas wanted for `x` > 0 requests in a step (a trace: presence 1), i.e.
/// clamp(max(1, ceil(x / step / target − 1e-9))), with one multiplication instead of two divisions.
/// The product is within 2e-15 (relative) of the quotient, so ceil can only differ when x·k − 1e-9 is
/// that close to an integer: there (and beyond 2^51) `exact(x)` decides, as the plain rule would.
template <class Exact>
inline double wanted_for_count(double x, const trace_rule& r, const Exact& exact) {
  const double y = x * r.count_to_ratio - 1e-9;
  const double nearest = (y + 0x1p52) - 0x1p52;  // y >= -1e-9: its nearest integer below 2^51
  if (!(y < 0x1p51) || std::fabs(y - nearest) < 1e-12 * (y + 1)) [[unlikely]]
    return exact(x);
  const double ceiling = nearest + (nearest < y ? 1.0 : 0.0);
  const double want = ceiling < 1.0 ? 1.0 : ceiling;
  return r.maximum < want ? r.maximum : (want < r.minimum ? r.minimum : want);
}

/// True when every count is a whole number. Counts are at most 1e15 < 2^52 (traffic_series), where
/// adding and taking 2^52 rounds to the nearest integer; no early exit, so that the loop vectorises.
/// (The bits of each x − nearest(x) are OR-ed as integers: 0 exactly when all are +0.)
inline bool whole_counts(const std::vector<double>& counts) {
  std::uint64_t fractions = 0;
  for (const double x : counts) fractions |= std::bit_cast<std::uint64_t>(x - ((x + 0x1p52) - 0x1p52));
  return fractions == 0;
}

/// The per-step rule of http_scaled_replicas for observed counts (see there), appending runs of
/// equal replicas to `runs` and raising `peak` to their most. `Idle`: a minimum replica (≥ 1) is
/// billed idle while no request is in flight, and no scale from zero is counted; else every
/// replica-second is active, summed per run. `WholeCounts`: whole counts with (window + 1) × the peak
/// below 2^53, so the requests in the window sum exactly and the window is idle exactly when no step
/// in it had a request — the last step with one tells, with no running sum on the loop's chain.
///
/// The cooldown's most wanted replicas, over steps [i − W, i − 1] (W = the window), come online from
/// blocks of W steps (van Herk–Gil-Werman): the part in the previous block is a suffix maximum,
/// taken once when that block ends; the part in this block is its running maximum. One load and one
/// maximum a step, no queue and no data-dependent branch. The FIFO queue of requests is a local
/// simulate::fifo_queue: everything the loop carries lives in locals, as through references each
/// store to the blocks or the runs could alias it, and the compiler would reload and store it every
/// step.
template <bool Idle, bool WholeCounts, class Exact>
trace_totals walk_trace(const std::vector<double>& counts, const trace_rule& rule, const Exact& exact,
                        std::vector<task_run>& runs, double& peak) {
  const trace_rule r = rule;
  const double* const n = counts.data();
  const std::size_t steps = counts.size(), window = r.window;
  const std::size_t block = std::max<std::size_t>(1, std::min(window, steps));
  // This block's wanted replicas, the previous block's suffix maxima (zeros before step 0), and the
  // steps where the replicas change with what they change to (steps + 1: one is written ahead).
  // Every slot is written before it is read.
  const ::runwise::detail::scratch_doubles scratch(2 * block + 2 * (steps + 1));
  double* const wanted = scratch.data();
  double* const suffix = std::fill_n(wanted + block, block, 0.0) - block;
  double* const change_step = suffix + block;
  double* const change_to = change_step + steps + 1;
  std::size_t changes = 0;
  fifo_queue queue;
  double active_s = 0, idle_s = 0, gap_cold = 0, scale_out = 0, previous = 0;
  const double clamped_zero = r.maximum < 0 ? r.maximum : (0 < r.minimum ? r.minimum : 0.0);
  std::size_t idle_from = 0;  // WholeCounts: the first step whose window holds no request
  double in_window = 0;       // otherwise: requests in the window, as the plain rule sums them
  for (std::size_t base = 0; base < steps; base += block) {
    const std::size_t len = std::min(block, steps - base);
    double prefix = 0;  // the most wanted in this block before step i
    for (std::size_t k = 0; k < len; ++k) {
      const std::size_t i = base + k;
      const double ni = n[i], x = ni + queue.backlog;  // the queue counts as demand
      const double warm = window == 0 ? 0.0 : (suffix[k] < prefix ? prefix : suffix[k]);
      const double want = x > 0 ? wanted_for_count(x, r, exact) : clamped_zero;
      const double replicas = want < warm ? warm : want;  // whole numbers: ceil(replicas − 1e-9) is replicas
      wanted[k] = want;
      prefix = prefix < want ? want : prefix;

      queue.serve(ni, replicas * r.per_replica_step);
      if constexpr (Idle) {
        const double busy = ni > 0 ? ni / r.step * r.duration_s : 0.0;
        const double idle_share = queue.backlog > 0 ? 0.0 : std::max(0.0, 1 - busy);
        const double idle_replicas = std::min(replicas, r.minimum) * idle_share;
        idle_s += idle_replicas * r.step;
        active_s += (replicas - idle_replicas) * r.step;
      } else if constexpr (WholeCounts) {
        if (ni > 0) {
          if (i >= idle_from) gap_cold += std::min(1.0, ni);
          idle_from = i + window + 1;
        }
      } else {
        if (ni > 0 && in_window < 1e-9) gap_cold += std::min(1.0, ni);
        in_window += ni;
        if (window == 0)
          in_window = 0;
        else if (i >= window)
          in_window = std::max(0.0, in_window - n[i - window]);
      }
      const double added = replicas - (warm < 1.0 ? 1.0 : warm);
      scale_out += added > 0 ? added : 0.0;
      // Logged without a branch: the slot is kept only when the replicas changed.
      change_step[changes] = static_cast<double>(i), change_to[changes] = replicas;
      changes += replicas != previous ? 1 : 0;
      previous = replicas;
    }
    double after = 0;  // the next block's window starts in this one
    for (std::size_t k = len; k-- > 0;) suffix[k] = after = after < wanted[k] ? wanted[k] : after;
  }
  double most_tasks = peak;
  for (std::size_t k = 0; k < changes; ++k) {
    if (!(change_to[k] > 0)) continue;
    const double start = change_step[k], end = k + 1 < changes ? change_step[k + 1] : static_cast<double>(steps);
    const task_run run{seconds{r.step * start}, seconds{r.step * end}, change_to[k]};
    runs.push_back(run);
    if constexpr (!Idle) active_s += run.tasks * run.length().value();
    most_tasks = std::max(most_tasks, run.tasks);
  }
  peak = most_tasks;
  // Whole numbers (but for the gap term of fractional counts): the two sums add up exactly.
  const double cold = gap_cold + scale_out;
  return {.active_s = active_s, .idle_s = idle_s, .cold = cold, .backlog = queue.backlog, .late = queue.late};
}

}  // namespace runwise::simulate::detail_scaled
