// SPDX-License-Identifier: MIT
#pragma once

// How a long run tells its caller how far it has come (an evaluation's break-even search, a Monte
// Carlo run, a request-level simulation), so that a tool can draw progress, estimate the time left
// and stop a run that would take too long.

#include "callable.hpp"

namespace runwise {

/// Called as work completes with `done` units of about `planned` (option evaluations, draws,
/// simulated seconds); `planned` is an estimate, so `done` may pass it. Calls come from one thread
/// at a time. The callback may throw to stop the run: the exception leaves the library call that
/// was given the callback, and nothing half-done is returned.
///
/// ```cpp
/// runwise::preferences prefs;
/// prefs.progress = [](double done, double planned) { std::fprintf(stderr, "\r%3.0f%%", 100 * done / planned); };
/// ```
/// (runwise::callable, not std::function: <functional> costs every consumer 0.2 s of compile time.)
using progress_callback = callable<void(double done, double planned)>;

}  // namespace runwise
