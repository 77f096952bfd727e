// SPDX-License-Identifier: MIT
#pragma once

// The request-level discrete-event simulator (SimFaaS's semantics: Poisson or trace arrivals,
// instances cold → warm → idle → expired) and the arrivals it replays from an Azure 2021 trace.
// Separate from <runwise/runwise.hpp>: the evaluation uses the per-step capacity models, not this.
//
// ```cpp
// #include <runwise/simulator.hpp>
// runwise::simulate::request_simulator_config c{.service = {.warm_s = 1.991, .cold_s = 2.244}};
// auto r = runwise::simulate::simulate_poisson(0.9, c);   // SimFaaS's README case
// ```

#include "runwise.hpp"
#include "providers.hpp"

#include "report/simulation_json.hpp"
#include "simulate/request_simulator.hpp"
#include "simulate/trace_arrivals.hpp"
#include "trace.hpp"
