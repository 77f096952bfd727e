// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "../core/detail/format.hpp"
#include "../workload/workload.hpp"

namespace runwise::decide {

/// Criterion weights with the notes that explain where they came from.
///
/// ```cpp
/// runwise::decide::weight_set ws{{{"cost", 1}, {"control", 2}}, {"control +1 for custom_os"}};
/// ```
struct weight_set {
  std::vector<std::pair<std::string, double>> values;  ///< criterion name → weight
  std::vector<std::string> notes;                      ///< why a weight is above its base
};

/// Weights from the article's rule of thumb, for a caller who gives none (docs/criteria.md).
///
/// Base: cost 2 (the article names lower runtime cost first among serverless's reasons and cost is
/// the one criterion measured in dollars), every other criterion 1. Then:
/// - "containers when you need flexibility, or after you migrate legacy services": control +2 for
///   each of custom_os, legacy_migration, gpu, stateful, persistent_connections;
/// - "serverless when you need ... automatic scaling", and serverless is cheaper for traffic that is
///   not consistent: scalability +1 and cost +1 when the busiest step is at least twice the mean;
/// - "speed of development": deployment_time +1 above 20 deploys a month (the spec's default).
///
/// ```cpp
/// runwise::decide::weight_set ws = runwise::decide::default_weights(w);
/// ws.values.front();   // {"cost", 2} for a steady workload without requirements
/// ```
inline weight_set default_weights(const workload& w) {
  double cost = 2, maintenance = 1, control = 1, scalability = 1, testing = 1, deployment_time = 1;
  weight_set out;
  const requirements& r = w.needs;
  const std::pair<bool, const char*> needs[] = {{r.custom_os, "custom_os"},
                                                {r.legacy_migration, "legacy_migration"},
                                                {r.gpu, "gpu"},
                                                {r.stateful, "stateful"},
                                                {r.persistent_connections, "persistent_connections"}};
  for (const auto& [wanted, what] : needs)
    if (wanted) {
      control += 2;
      out.notes.push_back(std::string("control +2 for ") + what);
    }
  const double mean = w.traffic.mean_rate();
  if (mean > 0 && w.traffic.peak_rate() >= 2 * mean) {
    scalability += 1;
    cost += 1;
    out.notes.push_back("scalability and cost +1 for uneven traffic (peak " +
                        detail::format_number(std::round(w.traffic.peak_rate() / mean * 10) / 10) + "x the mean)");
  }
  if (r.deploys_per_month > 20) {
    deployment_time += 1;
    out.notes.push_back("deployment_time +1 for " + detail::format_number(r.deploys_per_month) + " deploys a month");
  }
  out.values = {{"cost", cost},       {"maintenance", maintenance},
                {"control", control}, {"scalability", scalability},
                {"testing", testing}, {"deployment_time", deployment_time}};
  return out;
}

}  // namespace runwise::decide
