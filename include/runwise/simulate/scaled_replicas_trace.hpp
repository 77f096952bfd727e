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

#include "../core/detail/passes.hpp"
#include "../core/units.hpp"
#include "../core/usage.hpp"
#include "fifo_queue.hpp"

namespace runwise::detail {

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

/// Appends the runs of equal replicas that a walk logged as `changes` (the step where the replicas
/// changed, and to what) to `runs`, raises `peak` to their most, and returns their replica-seconds.
inline double append_runs(const double* change_step, const double* change_to, std::size_t changes, std::size_t steps,
                          double step, std::vector<task_run>& runs, double& peak) {
  double most_tasks = peak, replica_s = 0;
  for (std::size_t k = 0; k < changes; ++k) {
    if (!(change_to[k] > 0)) continue;
    const double start = change_step[k], end = k + 1 < changes ? change_step[k + 1] : static_cast<double>(steps);
    const task_run run{seconds{step * start}, seconds{step * end}, change_to[k]};
    runs.push_back(run);
    replica_s += run.tasks * run.length().value();
    most_tasks = std::max(most_tasks, run.tasks);
  }
  peak = most_tasks;
  return replica_s;
}

/// What a walk of the per-step rule carries from step to step, and its sums so far.
struct walk_state {
  simulate::fifo_queue queue;
  double active_s = 0, idle_s = 0, gap_cold = 0, scale_out = 0;
  double previous = 0;        ///< the replicas of the step before
  double in_window = 0;       ///< !WholeCounts: requests in the window, as the plain rule sums them
  std::size_t idle_from = 0;  ///< WholeCounts: the first step whose window holds no request
  std::size_t changes = 0;    ///< entries in the log of changes
};

/// Steps [begin, end) of walk_trace (see there) from `state`, nothing wanted in the window before
/// `begin`, in blocks of `block` = min(W, steps) steps; logs the changes of replicas at
/// `change_step`/`change_to`. Everything the loop carries is copied to locals and back: through
/// references each store to the blocks or the log could alias it, and the compiler would reload and
/// store it every step.
template <bool Idle, bool WholeCounts, class Exact>
walk_state walk_steps(const double* n, std::size_t begin, std::size_t end, std::size_t block, const trace_rule& rule,
                      const Exact& exact, double* wanted, double* suffix, double* change_step, double* change_to,
                      const walk_state& from) {
  const trace_rule r = rule;
  const std::size_t window = r.window;
  std::fill_n(suffix, block, 0.0);
  simulate::fifo_queue queue = from.queue;
  double active_s = from.active_s, idle_s = from.idle_s, gap_cold = from.gap_cold, scale_out = from.scale_out;
  double previous = from.previous, in_window = from.in_window;
  std::size_t idle_from = from.idle_from, changes = from.changes;
  const double clamped_zero = r.maximum < 0 ? r.maximum : (0 < r.minimum ? r.minimum : 0.0);
  for (std::size_t base = begin; base < end; base += block) {
    const std::size_t len = std::min(block, end - base);
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
  walk_state to;
  to.queue = queue;
  to.active_s = active_s, to.idle_s = idle_s, to.gap_cold = gap_cold, to.scale_out = scale_out;
  to.previous = previous, to.in_window = in_window, to.idle_from = idle_from, to.changes = changes;
  return to;
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
/// maximum a step, no queue and no data-dependent branch (walk_steps).
///
/// A sparse trace (`busy_steps` steps with requests, few enough: detail::sparse_enough) scaled from
/// zero is walked stretch by stretch (detail::for_each_busy_stretch, each ending a cooldown past its
/// last request): between them nothing is wanted, no replica runs, and the walk's state is what the
/// last stretch left, with the replicas logged back to 0 where a stretch ends. That holds while
/// the demand is the requests alone: should a queue form anywhere, the replicas it keeps wanted
/// can outlast the stretch, and the whole trace is walked instead.
template <bool Idle, bool WholeCounts, class Exact>
trace_totals walk_trace(const std::vector<double>& counts, std::size_t busy_steps, const trace_rule& r,
                        const Exact& exact, std::vector<task_run>& runs, double& peak) {
  const double* const n = counts.data();
  const std::size_t steps = counts.size(), window = r.window;
  const std::size_t block = std::max<std::size_t>(1, std::min(window, steps));
  // This block's wanted replicas, the previous block's suffix maxima (zeros before step 0), and the
  // steps where the replicas change with what they change to (steps + 1: one is written ahead).
  // Every slot is written before it is read.
  const ::runwise::detail::scratch_doubles scratch(2 * block + 2 * (steps + 1));
  double* const wanted = scratch.data();
  double* const suffix = wanted + block;
  double* const change_step = suffix + block;
  double* const change_to = change_step + steps + 1;
  walk_state s;
  bool whole_walk = true;
  if (!Idle && window > 0 && ::runwise::detail::sparse_enough(busy_steps, window, steps)) {
    whole_walk = false;
    std::size_t idle_from = 0;  // where the last stretch ended: no replica from there (unless a stretch starts)
    const auto scale_to_zero = [&](std::size_t at) {
      if (at >= steps || s.previous == 0) return;
      change_step[s.changes] = static_cast<double>(at), change_to[s.changes] = 0;
      ++s.changes, s.previous = 0;
    };
    ::runwise::detail::for_each_busy_stretch(n, steps, window, window, [&](std::size_t begin, std::size_t end) {
      if (whole_walk) return;  // a queue formed in an earlier stretch
      if (begin > idle_from) scale_to_zero(idle_from);
      s = walk_steps<Idle, WholeCounts>(n, begin, end, block, r, exact, wanted, suffix, change_step, change_to, s);
      whole_walk = s.queue.late > 0;  // a queue formed: demand outlasted the requests (see above)
      idle_from = end;
    });
    if (!whole_walk) scale_to_zero(idle_from);
  }
  if (whole_walk)
    s = walk_steps<Idle, WholeCounts>(n, 0, steps, block, r, exact, wanted, suffix, change_step, change_to, {});
  const double run_s = append_runs(change_step, change_to, s.changes, steps, r.step, runs, peak);
  // Whole numbers (but for the gap term of fractional counts): the two sums add up exactly.
  const double cold = s.gap_cold + s.scale_out;
  return {.active_s = Idle ? s.active_s : run_s,
          .idle_s = s.idle_s,
          .cold = cold,
          .backlog = s.queue.backlog,
          .late = s.queue.late};
}

}  // namespace runwise::detail
