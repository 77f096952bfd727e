// SPDX-License-Identifier: MIT
#pragma once

// The break-even search as an analysis tool: the same functions the evaluation's conclusion runs
// (evaluate/break_even.hpp), named in runwise::analyze beside cost curves and sensitivity.

#include "../evaluate/break_even.hpp"

namespace runwise::analyze {

using runwise::break_even_scale;
using runwise::break_even_search;
using runwise::break_even_within;
using runwise::duty_cycle_break_even;
using runwise::scan_point;
using runwise::scan_points;
using runwise::search_end;

}  // namespace runwise::analyze
