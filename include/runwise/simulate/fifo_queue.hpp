// SPDX-License-Identifier: MIT
#pragma once

// The queue in front of a fleet's ready capacity, one traffic step at a time.

#include <algorithm>

namespace runwise::simulate {

/// First in, first out: what the capacity of a step cannot finish waits for the next, and a step's
/// arrivals behind that backlog are late ("overloaded"). Sums what was late; what was served is
/// what arrived less the final backlog (summing it too would chain every step to the one before).
///
/// ```cpp
/// runwise::simulate::fifo_queue q;
/// q.serve(120, 100);   // 20 wait: returns 20 late
/// q.serve(50, 100);    // the 20 and the 50 are served: returns 0
/// ```
struct fifo_queue {
  double backlog = 0;  ///< requests still waiting after the last step
  double late = 0;     ///< arrivals served after their step, summed

  /// Serves a step's `arrivals` behind the backlog with `capacity` requests; returns the arrivals
  /// left waiting. (A branch, not a min: predicted, the next step need not wait for this one's sum.)
  double serve(double arrivals, double capacity) noexcept {
    const double queue = backlog + arrivals;
    if (queue > capacity) [[unlikely]] {
      backlog = queue - capacity;
      const double waiting = std::min(arrivals, backlog);
      late += waiting;
      return waiting;
    }
    backlog = 0;
    return 0;
  }
};

}  // namespace runwise::simulate
