// SPDX-License-Identifier: MIT
#pragma once

// The article's container scaling: "the number of containers deployed is pre-determined by the
// developer". A fixed number of tasks runs for the whole horizon; demand above their capacity in a
// step waits in a queue, and its requests are counted as overloaded (served late).

#include <algorithm>
#include <cmath>
#include <string>

#include "../detail/check.hpp"
#include "../pricing/choices.hpp"
#include "../workload/workload.hpp"
#include "usage.hpp"

namespace runwise::simulate {

enum class scaling_policy { fixed };
inline constexpr pricing::choice_table<scaling_policy, 1> scaling_policy_names{{{"fixed", scaling_policy::fixed}}};

/// Capacity policy for a fixed fleet of container tasks.
///
/// One task serves `concurrency_per_instance` requests at once, so at most
/// concurrency / E[d] requests per second. With `tasks` = 0 the fleet is sized for the busiest step
/// at `target_utilization`: ceil(peak rate × E[d] / (concurrency × target)), at least 1.
///
/// ```cpp
/// runwise::simulate::fixed_fleet::config c{.tasks = 2};
/// runwise::usage u = runwise::simulate::fixed_fleet::run(w, c);   // u.runs: two tasks, whole horizon
/// ```
struct fixed_fleet {
  struct config {
    scaling_policy policy = scaling_policy::fixed;
    double tasks = 0;                 ///< 0 = size for the peak
    double target_utilization = 0.7;  ///< headroom when sizing for the peak

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.object("scaling", [&](auto& s) {
        s.choice("policy", c.policy, scaling_policy_names);
        s.number("tasks", c.tasks, 0, 1e6);
        s.number("target_utilization", c.target_utilization, 0.01, 1);
      });
    }
  };

  /// Tasks the fleet runs for workload `w`.
  static double task_count(const workload& w, const config& c) {
    if (c.tasks > 0) return std::ceil(c.tasks);
    const double busy = w.traffic.peak_rate() * w.duration.mean.value() / w.concurrency_per_instance;
    return std::max(1.0, std::ceil(busy / c.target_utilization - 1e-9));
  }

  static usage run(const workload& w, const config& c) {
    const traffic_series& t = w.traffic;
    const double tasks = task_count(w, c);
    const double capacity_per_step = tasks * w.concurrency_per_instance / w.duration.mean.value() * t.step().value();
    usage u;
    u.horizon = t.horizon();
    // A first-in-first-out queue: what the tasks cannot finish in a step waits for the next ones;
    // a step's arrivals that wait behind the backlog are late. What is still queued at the horizon
    // was never served.
    double backlog = 0, late = 0;
    for (double n : t.counts()) {
      const double left = std::max(0.0, backlog + n - capacity_per_step);
      late += std::min(n, left);
      backlog = left;
    }
    u.arrived = t.total();
    u.served = requests{std::max(0.0, u.arrived.value() - backlog)};
    u.overloaded = requests{late};
    u.peak_instances = u.mean_instances = tasks;
    u.runs.push_back(task_run{seconds{0}, u.horizon, tasks});
    return u;
  }
};

}  // namespace runwise::simulate
