// SPDX-License-Identifier: MIT
#pragma once

// What-ifs of an evaluation: uncertain inputs (distributions), the ±x% sensitivity sweep, seeded
// Monte Carlo (on every core: this brings in <thread>), and their text, JSON and SVG reports.
// Separate from <runwise/runwise.hpp> so that a program that only needs the verdict does not
// compile them.
//
// ```cpp
// #include <runwise/uncertainty.hpp>
// runwise::analyze::sensitivity_report r = runwise::analyze::sensitivity(w, platforms);
// ```

#include "runwise.hpp"
#include "providers.hpp"

#include "decide/cheapest.hpp"
#include "decide/topsis.hpp"

#include "analyze/application_uncertainty.hpp"
#include "analyze/distribution.hpp"
#include "analyze/monte_carlo.hpp"
#include "analyze/scenario.hpp"
#include "analyze/sensitivity.hpp"
#include "report/application_uncertainty.hpp"
#include "report/uncertainty.hpp"
#include "report/uncertainty_svg.hpp"
