// SPDX-License-Identifier: MIT
#pragma once

// The request-level discrete-event simulator of a scale-per-request serverless platform, with the
// semantics of SimFaaS (N. Mahmoudi, H. Khazaei, "SimFaaS: A Performance Simulator for Serverless
// Computing Platforms", CLOSER 2021; github.com/pacslab/simfaas, ServerlessSimulator and
// FunctionInstance): a request goes to the most recently created idle instance, else starts a new
// instance (a cold start); an instance expires once it has been idle for the keep-alive time; a
// request that finds `max_concurrency` requests in flight is rejected. docs/simulation.md has the
// model, the exact tie rules and the comparison with SimFaaS's published numbers.
//
// It is built to be fast (docs/simulation.md, bench/README.md): no allocation per request, the
// idle instances of each function in a heap by creation order, the instances waiting to expire in
// a list ordered by the time they went idle (they go idle in time order, so appending keeps it
// sorted), and pending departures in a binary heap.

#include <cmath>
#include <cstddef>
#include <span>

#include "../core/detail/check.hpp"
#include "../core/detail/random.hpp"
#include "request_engine.hpp"
#include "request_model.hpp"

namespace runwise::simulate {

/// Simulates Poisson arrivals at `rate_per_s` over `c.horizon_s` (from t = 0, first arrival after
/// one exponential gap, as SimFaaS does). Seeded by `c.seed`: the same inputs give the same result
/// on every platform.
///
/// ```cpp
/// runwise::simulate::request_simulator_config c{.service = {.warm_s = 1.991, .cold_s = 2.244}};
/// auto r = runwise::simulate::simulate_poisson(0.9, c);   // SimFaaS's README case
/// // r.cold_start_probability ≈ 0.0014, r.mean_instances ≈ 7.66 (docs/simulation.md)
/// ```
inline request_simulation simulate_poisson(double rate_per_s, const request_simulator_config& c) {
  detail::check_range("arrival.poisson_rate_per_s", rate_per_s, 1e-12, 1e9, " /s");
  c.validate();
  if (!(c.horizon_s > 0)) fail_input("horizon_s", "must be greater than 0 for Poisson arrivals");
  if (rate_per_s * c.horizon_s > 1e11)
    fail_input("horizon_s", "makes about " + detail::format_number(rate_per_s * c.horizon_s) +
                                " requests; at most 1e11 are simulated");
  // Instances are real objects here: bound the requests in flight (λ × the longest mean service
  // time) so that memory stays small.
  const double in_flight = rate_per_s * std::max(c.service.cold_s, c.service.warm_s) +
                           (c.service.samples_s.empty() ? 0.0 : rate_per_s * c.service.samples_s.front());
  if (std::min(in_flight, c.max_concurrency) > 1e6)
    fail_input("arrival.poisson_rate_per_s",
               "keeps about " + detail::format_number(std::min(in_flight, c.max_concurrency)) +
                   " requests in flight; at most 1e6 are simulated (lower max_concurrency or the rate)");
  runwise::detail::engine e(c, 1);
  const double mean_gap = 1.0 / rate_per_s;
  double t = 0;
  auto next = [&](trace_arrival& a) {
    t += -mean_gap * std::log1p(-e.rng().uniform());
    a = {t, -1.0, 0};
    return true;
  };
  return e.run(next, 0.0, c.horizon_s);
}

/// Simulates the arrivals of a trace, sorted by time, of `functions` functions (each arrival's
/// `function` < functions, each function with its own instances). Each arrival's `service_s` is
/// its warm service time; a cold start adds `c.service.cold_extra_s`. The horizon is `c.horizon_s`
/// from min(0, first arrival), or, when that is 0, until the last invocation ends.
///
/// ```cpp
/// std::vector<runwise::simulate::trace_arrival> calls{{0.0, 0.5, 0}, {30.0, 0.5, 0}};
/// auto r = runwise::simulate::simulate_trace(calls, 1, {.horizon_s = 0});   // r.cold_starts == 1
/// ```
inline request_simulation simulate_trace(std::span<const trace_arrival> arrivals, std::size_t functions,
                                         const request_simulator_config& c) {
  c.validate();
  double start = 0, end = 0;
  for (std::size_t k = 0; k < arrivals.size(); ++k) {
    const trace_arrival& a = arrivals[k];
    if (!detail::is_finite(a.time_s) || !(a.service_s >= 0) || !detail::is_finite(a.service_s))
      fail_input("arrival[" + std::to_string(k) + "]", "needs a finite time and a non-negative service time");
    if (a.function >= functions)
      fail_input("arrival[" + std::to_string(k) + "]",
                 "function " + std::to_string(a.function) + " is not below " + std::to_string(functions));
    if (k > 0 && a.time_s < arrivals[k - 1].time_s)
      fail_input("arrival[" + std::to_string(k) + "]", "arrivals must be sorted by time");
    start = std::min(start, a.time_s);
    end = std::max(end, a.time_s + a.service_s + c.service.cold_extra_s);
  }
  // Without a horizon, run until the last invocation ends (and past the last arrival, so that a
  // zero-length last invocation still counts).
  if (!arrivals.empty() && end <= arrivals.back().time_s) end = std::nextafter(arrivals.back().time_s, 1e300);
  const double horizon = c.horizon_s > 0 ? start + c.horizon_s : end;
  runwise::detail::engine e(c, std::max<std::size_t>(functions, 1));
  std::size_t k = 0;
  auto next = [&](trace_arrival& a) {
    if (k == arrivals.size()) return false;
    a = arrivals[k++];
    return true;
  };
  if (!(horizon > start)) return request_simulation{};
  return e.run(next, start, horizon);
}

}  // namespace runwise::simulate
