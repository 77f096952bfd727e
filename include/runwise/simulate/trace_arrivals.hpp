// SPDX-License-Identifier: MIT
#pragma once

// Turns an Azure Functions 2021 invocation trace into the request simulator's arrivals: each
// invocation arrives at its start (end_timestamp − duration) with its own duration as the warm
// service time, and each (app, func) pair is a function with instances of its own.

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "../trace/azure_2021_invocations.hpp"
#include "request_simulator.hpp"

namespace runwise::simulate {

/// Arrivals sorted by start time (ties keep file order) and the number of distinct functions.
struct trace_arrivals {
  std::vector<trace_arrival> arrivals;
  std::size_t functions = 0;
};

/// Reads a 2021 invocation file into arrivals. The arrivals are held in memory (16 bytes each)
/// because the file is ordered by end time and the simulator needs start-time order; the reader
/// itself streams. Malformed rows throw runwise::error naming `file:line`.
///
/// ```cpp
/// auto t = runwise::simulate::load_azure_2021_arrivals("Azure2021_200.csv");
/// auto r = runwise::simulate::simulate_trace(t.arrivals, t.functions, {.horizon_s = 0});
/// ```
inline trace_arrivals load_azure_2021_arrivals(const std::string& path) {
  trace_arrivals out;
  std::unordered_map<std::string, std::uint32_t> ids;
  std::string key;  // reused: no allocation per row once its capacity suffices
  trace::read_azure_2021(path, [&](const trace::azure_2021_invocation& call) {
    key.assign(call.app);
    key += ',';
    key += call.function;
    auto it = ids.find(key);
    if (it == ids.end()) it = ids.emplace(key, static_cast<std::uint32_t>(ids.size())).first;
    out.arrivals.push_back({call.start_s(), call.duration_s, it->second});
  });
  std::stable_sort(out.arrivals.begin(), out.arrivals.end(),
                   [](const trace_arrival& a, const trace_arrival& b) { return a.time_s < b.time_s; });
  out.functions = ids.size();
  return out;
}

}  // namespace runwise::simulate
