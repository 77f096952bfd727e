// SPDX-License-Identifier: MIT
#pragma once

// The trace readers: streaming readers of the Azure Functions 2019 (per-minute counts, duration and
// memory percentiles) and 2021 (per-invocation) traces, and duration distributions fitted to the
// 2019 percentiles. Separate from <runwise/runwise.hpp> so that a program that only evaluates a
// workload does not compile the CSV machinery.
//
// ```cpp
// #include <runwise/trace.hpp>
// runwise::trace::read_azure_2019_durations("durations.csv", [](const auto& row) { /* row.average_ms */ });
// ```

#include "runwise.hpp"

#include "trace/azure_2019_durations.hpp"
#include "trace/azure_2019_invocations.hpp"
#include "trace/azure_2019_memory.hpp"
#include "trace/azure_2021_invocations.hpp"
#include "workload/duration_fit.hpp"
