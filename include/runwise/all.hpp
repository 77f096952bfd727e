// SPDX-License-Identifier: MIT
#pragma once

// Everything runwise has: the core (<runwise/runwise.hpp>), the trace readers, the request-level
// simulator, applications, the reports, fleet mode and the uncertainty analyses. Convenient for tools; a program that evaluates workloads
// compiles faster with the core header and the one or two parts it uses.
//
// ```cpp
// #include <runwise/all.hpp>
// ```

#include "analysis.hpp"
#include "application.hpp"
#include "decide/cheapest.hpp"
#include "decide/topsis.hpp"
#include "fleet.hpp"
#include "providers.hpp"
#include "report.hpp"
#include "runwise.hpp"
#include "simulator.hpp"
#include "trace.hpp"
#include "uncertainty.hpp"
