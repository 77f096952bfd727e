// SPDX-License-Identifier: MIT
#pragma once

// The article's container scaling: "the number of containers deployed is pre-determined by the
// developer". It is container_fleet's default policy (`scaling.policy` = "fixed"); this name stays
// for code written before the autoscalers.

#include "container_fleet.hpp"

namespace runwise::simulate {

/// A fixed fleet of container tasks: container_fleet with its default policy, `fixed`.
///
/// ```cpp
/// runwise::simulate::fixed_fleet::config c{.tasks = 2};
/// runwise::usage u = runwise::simulate::fixed_fleet::run(w, c);   // u.runs: two tasks, whole horizon
/// ```
using fixed_fleet = container_fleet;

}  // namespace runwise::simulate
