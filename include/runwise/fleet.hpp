// SPDX-License-Identifier: MIT
#pragma once

// Fleet mode: one verdict per function of an Azure Functions 2019 trace, and what the whole fleet
// adds up to; with the trace readers it needs.
//
// ```cpp
// #include <runwise/fleet.hpp>
// runwise::analyze::fleet_row r = runwise::analyze::evaluate_function(w, platforms);
// ```

#include "runwise.hpp"

#include "analyze/fleet.hpp"
#include "trace.hpp"
