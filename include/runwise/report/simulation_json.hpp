// SPDX-License-Identifier: MIT
#pragma once

// the CLI's `simulate --format json` document.

#include <string>

#include "../simulate/request_simulator.hpp"
#include "json_writer.hpp"

namespace runwise::report {

/// The request-level simulator's result as the CLI's simulate document (the contract's fields,
/// then expired_instances, peak_instances, mean_in_flight and horizon_s). `mean_lifespan_s` is null
/// when no instance expired within the horizon: no lifespan was observed.
///
/// ```cpp
/// std::string text = runwise::report::json(runwise::simulate::simulate_poisson(0.9, {}));
/// ```
inline std::string json(const simulate::request_simulation& r) {
  json_writer j;
  j.begin_object()
      .member("requests", r.requests)
      .member("cold_starts", r.cold_starts)
      .member("cold_start_probability", r.cold_start_probability)
      .member("rejections", r.rejections)
      .member("rejection_probability", r.rejection_probability)
      .member("mean_instances", r.mean_instances)
      .member("mean_running", r.mean_running)
      .member("mean_idle", r.mean_idle)
      .key("mean_lifespan_s");
  if (r.expired_instances)
    j.value(r.mean_lifespan_s);
  else
    j.value(nullptr);
  j.member("expired_instances", r.expired_instances)
      .member("peak_instances", r.peak_instances)
      .member("mean_in_flight", r.mean_in_flight)
      .member("horizon_s", r.horizon_s)
      .end_object();
  return std::move(j).str();
}

}  // namespace runwise::report
