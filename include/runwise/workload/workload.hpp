// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "../core/detail/check.hpp"
#include "../core/units.hpp"
#include "duration.hpp"
#include "requirements.hpp"
#include "traffic.hpp"

namespace runwise {

/// One service to place: its traffic, how long a request runs, what it needs.
/// Field meanings follow the CLI's `workload` object.
///
/// ```cpp
/// runwise::workload w{.name = "orders-api",
///                     .traffic = runwise::make_traffic(3e6 / runwise::hours(730).value(), runwise::hours(730),
///                     runwise::seconds{60}), .duration = {runwise::milliseconds(1000)}, .memory =
///                     runwise::megabytes{512}};
/// w.validate();
/// ```
struct workload {
  std::string name = "workload";
  traffic_series traffic;
  duration_model duration{};            ///< execution time per request (mean, distribution)
  /// Extra time a cold start takes before the request runs (INIT: runtime start, code loading).
  /// Default: SimFaaS's measurement on AWS Lambda, cold 2.244 s - warm 1.991 s (Mahmoudi, Khazaei,
  /// "SimFaaS", CLOSER 2021). Lambda bills INIT for all runtimes since 2025-08-01 (AWS blog, docs/pricing.md).
  seconds init = milliseconds(253);
  megabytes memory{128};                ///< configured memory per function / instance
  vcpu cpu{0.25};                       ///< CPU one instance needs (containers, Cloud Run)
  double concurrency_per_instance = 1;  ///< requests one container or instance serves at once
  requirements needs{};
  /// Inputs the spec left at runwise's defaults, by field name (e.g. "concurrency_per_instance"):
  /// where one of them decides the answer, the evaluation's notes say so. Spec readers set it; empty
  /// when every input was given (or the workload was built in code).
  std::vector<std::string> defaulted{};
  /// How the spec's figures were read, e.g. a monthly request count scaled to the horizon; the
  /// evaluation's notes start with these.
  std::vector<std::string> notes{};

  /// Throws runwise::error naming `path.<field>` for an out-of-range value.
  void validate(const std::string& path = "workload") const {
    detail::check_range(path + ".duration_ms", to_milliseconds(duration.mean), 1e-3, 8.64e7, " ms");
    detail::check_range(path + ".init_ms", to_milliseconds(init), 0, 6e5, " ms");
    detail::check_range(path + ".memory_mb", memory.value(), 1, 1e7, " MB");
    detail::check_range(path + ".vcpu", cpu.value(), 1e-3, 1024);
    detail::check_range(path + ".concurrency_per_instance", concurrency_per_instance, 1, 1e5);
    needs.validate(path + ".requirements");
  }
};

}  // namespace runwise
