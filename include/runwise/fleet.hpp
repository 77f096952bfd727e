// SPDX-License-Identifier: MIT
#pragma once

// Fleet mode: one verdict per function of a trace (evaluate_function), a whole fleet streamed over
// threads (evaluate_fleet), what it adds up to (fleet_summary), the rows and summary as CSV, JSON
// or text (report/fleet.hpp), and the Azure Functions 2019 readers and joins it needs.
//
// ```cpp
// #include <runwise/fleet.hpp>
// runwise::analyze::fleet_row r = runwise::analyze::evaluate_function(w, platforms);
// ```

#include "runwise.hpp"
#include "providers.hpp"

#include "decide/cheapest.hpp"
#include "decide/topsis.hpp"

#include "analyze/evaluate_fleet.hpp"
#include "analyze/fleet.hpp"
#include "report/fleet.hpp"
#include "trace/azure_2019_join.hpp"
#include "trace.hpp"
