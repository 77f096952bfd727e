// SPDX-License-Identifier: MIT
#pragma once

// Applications of several components (hybrid): each component evaluated on its own, then placed
// component by component with shared fixed costs counted once (docs/hybrid.md). Separate from
// <runwise/runwise.hpp> so that a program that evaluates one workload does not compile it; its
// reports are in <runwise/report.hpp>.
//
// ```cpp
// #include <runwise/application.hpp>
// runwise::application_evaluation r = runwise::evaluate_application(shop, platforms);
// ```

#include "runwise.hpp"
#include "providers.hpp"

#include "decide/cheapest.hpp"
#include "decide/topsis.hpp"

#include "decide/placement.hpp"
#include "evaluate/application.hpp"
