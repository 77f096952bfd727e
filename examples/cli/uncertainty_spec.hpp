// SPDX-License-Identifier: MIT
#pragma once

// The evaluate spec's `sensitivity` and `uncertainty` objects (docs/uncertainty.md):
//   "sensitivity": { "change": 0.25 }
//   "uncertainty": { "draws": 2000, "seed": 7, "threads": 0,
//                    "inputs": { "traffic": {"low": 0.5, "expected": 1, "high": 3},
//                                "duration_ms": {"distribution": "pert", "low": 150, "high": 400},
//                                "memory_mb": {"distribution": "uniform", "low": 512, "high": 1024},
//                                "prices": {"aws_lambda": {"distribution": "uniform", "low": 0.8, "high": 1}} } }

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <runwise/analyze/monte_carlo.hpp>

#include "json_object.hpp"
#include "json_settings.hpp"

namespace runwise_cli {

inline constexpr runwise::pricing::choice_table<runwise::analyze::distribution_kind, 4> distribution_kind_names{
    {{"triangular", runwise::analyze::distribution_kind::triangular},
     {"pert", runwise::analyze::distribution_kind::pert},
     {"uniform", runwise::analyze::distribution_kind::uniform},
     {"lognormal", runwise::analyze::distribution_kind::lognormal}}};

/// One uncertain input: `distribution` (default triangular) with low/expected/high, or lognormal
/// with p50/p90. `expected` defaults to `base` (1 for factors, the workload's value otherwise).
inline runwise::analyze::distribution read_distribution(json_object o, double base, double lo, double hi) {
  using runwise::analyze::distribution;
  using runwise::analyze::distribution_kind;
  auto kind = distribution_kind::triangular;
  json_settings(o).choice("distribution", kind, distribution_kind_names);
  distribution d;
  if (kind == distribution_kind::lognormal) {
    d = distribution::lognormal(o.required_number("p50"), o.required_number("p90"));
  } else {
    const double low = o.required_number("low"), high = o.required_number("high");
    if (kind == distribution_kind::uniform) {
      d = distribution::uniform(low, high);
    } else {
      const double expected = o.number("expected").value_or(base);
      d = kind == distribution_kind::pert ? distribution::pert(low, expected, high)
                                          : distribution::triangular(low, expected, high);
    }
  }
  o.finish();
  d.validate(o.path(), lo, hi);
  return d;
}

/// A whole number in [lo, hi] at `path`.
inline double whole_number(json_object& o, std::string_view key, double fallback, double lo, double hi) {
  const double x = o.number(key).value_or(fallback);
  if (x != std::floor(x) || x < lo || x > hi)
    runwise::fail_input(o.at(key), "must be a whole number from " + runwise::detail::format_number(lo) + " to " +
                                       runwise::detail::format_number(hi) + ", got " +
                                       runwise::detail::format_number(x));
  return x;
}

struct uncertainty_spec {
  runwise::analyze::uncertain_inputs inputs;
  runwise::analyze::monte_carlo_options options;
};

/// `uncertainty`: draws (default 1,000), seed (default 1), threads (default 0 = automatic), inputs.
inline uncertainty_spec read_uncertainty(json_object u, const runwise::workload& w,
                                         const std::vector<runwise::selected_platform>& platforms) {
  uncertainty_spec out;
  out.options.draws = static_cast<std::size_t>(whole_number(u, "draws", 1000, 1, 1e7));
  out.options.seed = static_cast<std::uint64_t>(whole_number(u, "seed", 1, 0, 9.007199254740992e15));
  out.options.threads = static_cast<unsigned>(whole_number(u, "threads", 0, 0, 256));
  auto in = u.object("inputs");
  if (!in) u.fail_missing({"inputs"}, "is required (traffic, duration_ms, memory_mb or prices)");
  if (auto t = in->object("traffic")) out.inputs.traffic = read_distribution(std::move(*t), 1, 0, 1e6);
  if (auto d = in->object("duration_ms"))
    out.inputs.duration_ms = read_distribution(std::move(*d), runwise::to_milliseconds(w.duration.mean), 1e-3, 8.64e7);
  if (auto m = in->object("memory_mb"))
    out.inputs.memory_mb = read_distribution(std::move(*m), w.memory.value(), 1, 1e7);
  if (auto prices = in->object("prices")) {
    for (const auto& p : platforms)
      if (auto d = prices->object(p.id))
        out.inputs.prices.emplace_back(p.id, read_distribution(std::move(*d), 1, 0, 1e3));
    prices->finish();  // an id that is not a selected platform is an unknown field
  }
  in->finish();
  u.finish();
  return out;
}

/// `sensitivity`: change (default 0.25, from 0.001 to 0.99), scan_points (default 8).
inline runwise::analyze::sensitivity_options read_sensitivity(json_object s) {
  runwise::analyze::sensitivity_options out;
  if (auto c = s.number("change")) out.change = *c;
  out.scan_points = static_cast<int>(whole_number(s, "scan_points", 8, 1, 1000));
  s.finish();
  out.validate(s.path());
  return out;
}

}  // namespace runwise_cli
