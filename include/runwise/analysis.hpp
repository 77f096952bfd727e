// SPDX-License-Identifier: MIT
#pragma once

// Analyses beside the core header: cost curves over traffic scales (analyze::cost_curves), with the
// shipped platforms. Sensitivity and Monte Carlo are <runwise/uncertainty.hpp>.
//
// ```cpp
// #include <runwise/analysis.hpp>
// auto curves = runwise::analyze::cost_curves(w, platforms, 0.01, 100, 61);
// ```

#include "runwise.hpp"

#include "analyze/break_even.hpp"
#include "analyze/cost_curve.hpp"
#include "providers.hpp"
