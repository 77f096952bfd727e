// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

#include "../core/detail/check.hpp"

namespace runwise {

/// What the workload needs beyond CPU and memory (the CLI's `workload.requirements`).
/// Hard limits use these to rule options out; the criteria (a later stage) weigh them.
struct requirements {
  bool gpu = false;                      ///< needs a GPU
  bool custom_os = false;                ///< needs its own OS image or kernel
  bool legacy_migration = false;         ///< a legacy service being moved as it is
  bool stateful = false;                 ///< keeps state in process between requests
  bool persistent_connections = false;   ///< holds long-lived connections (WebSockets, streams)
  std::optional<double> max_latency_ms;  ///< p99 latency objective, if any
  double deploys_per_month = 20;
  double payload_kb = 6;      ///< largest request or response
  double ops_hourly_usd = 0;  ///< engineer cost per hour for TCO; 0 leaves ops effort out of cost

  /// Throws runwise::error naming `path.<field>` for an out-of-range value.
  void validate(const std::string& path = "workload.requirements") const {
    if (max_latency_ms) detail::check_positive(path + ".max_latency_ms", *max_latency_ms);
    detail::check_range(path + ".deploys_per_month", deploys_per_month, 0, 1e6);
    detail::check_range(path + ".payload_kb", payload_kb, 0, 1e9, " KB");
    detail::check_range(path + ".ops_hourly_usd", ops_hourly_usd, 0, 1e6);
  }
};

}  // namespace runwise
