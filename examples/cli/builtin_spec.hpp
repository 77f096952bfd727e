// SPDX-License-Identifier: MIT
#pragma once

// What `runwise` with no arguments evaluates: an API with a daily wave of traffic (3 M requests a
// month, three times the mean at the afternoon peak), one second per request, 512 MB — on every
// platform of the catalog with its defaults.

namespace runwise_cli {

inline constexpr const char* builtin_spec = R"json({
  "workload": {
    "name": "orders-api (built-in example)",
    "traffic": { "requests_per_month": 3000000, "pattern": "diurnal", "peak_to_mean": 3 },
    "duration_ms": 1000,
    "memory_mb": 512,
    "vcpu": 0.25,
    "concurrency_per_instance": 1
  },
  "horizon_hours": 730
})json";

}  // namespace runwise_cli
