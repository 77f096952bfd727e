// SPDX-License-Identifier: MIT
#pragma once

// runwise: should a workload run on serverless functions, on containers, or on both — and what will
// each really cost? The core header: the vocabulary, workloads, the platform concept and its
// composition, the decision policies and the evaluator — what every program needs and no more, so
// that it compiles fast. Nothing to link (unless you opt in to the separately compiled mode,
// runwise::compiled: see <runwise/providers.hpp>). The other parts have their own headers:
//   <runwise/providers.hpp>  the platforms runwise ships (aws_lambda, aws_fargate, ..., the catalog
//                            and catalog_registry) and the capacity models they compose
//   <runwise/trace.hpp>      readers of the Azure Functions 2019 and 2021 traces, duration fits
//   <runwise/simulator.hpp>  the request-level discrete-event simulator and trace arrivals
//   <runwise/report.hpp>     text, Markdown and SVG reports
//   <runwise/fleet.hpp>      fleet mode: one verdict per function of a trace
//   <runwise/analysis.hpp>   cost curves over traffic scales
//   <runwise/decide/cheapest.hpp>, <runwise/decide/topsis.hpp>   the other decision policies
//   <runwise/all.hpp>        all of the above
//
// The floors, bottom up; a folder includes only folders below it (tests/house/check_floors.py):
//   core/       the shared vocabulary: units, errors, cost, usage, option results, platform traits
//   workload/   traffic, durations, requirements
//   trace/      readers of the Azure Functions traces (<runwise/trace.hpp>)
//   simulate/   capacity models: traffic → usage (function instances, container fleets, autoscalers)
//   pricing/    billing helpers every product shares: price sources, tiers, the front door
//   criteria/   the article's six criteria (scores with evidence)
//   platform/   what makes a platform: the concept, composition of policies, settings
//   providers/  one header per provider product: its price sheet, bill, limits and platform
//   decide/     decision policies (weighted sum, TOPSIS, cheapest), hosting choice: options → recommendation
//   evaluate/   evaluator<...> (compile-time list), registry (run-time selection), the catalog of the
//               shipped platforms, the conclusion (break-evens, hosting)
//   analyze/    break-even, cost curves, fleet mode, sensitivity, Monte Carlo
//   report/     text, Markdown, JSON and SVG reports (<runwise/report.hpp>)

#include "core/assumptions.hpp"
#include "core/cost.hpp"
#include "core/error.hpp"
#include "core/format.hpp"
#include "core/traits.hpp"
#include "core/units.hpp"
#include "core/usage.hpp"
#include "core/version.hpp"

#include "workload/duration.hpp"
#include "workload/generators.hpp"
#include "workload/requirements.hpp"
#include "workload/steady.hpp"
#include "workload/traffic.hpp"
#include "workload/workload.hpp"

#include "pricing/sheet.hpp"

#include "criteria/article.hpp"
#include "criteria/concepts.hpp"

#include "platform/composed.hpp"
#include "platform/concepts.hpp"
#include "platform/shared_costs.hpp"

#include "decide/hosting.hpp"
#include "decide/weighted_sum.hpp"
#include "decide/weights.hpp"

#include "evaluate/evaluator.hpp"
#include "evaluate/registry.hpp"

#include "analyze/break_even.hpp"

// Opt-in separately compiled mode: the evaluation's heavy templates come instantiated from the
// library runwise::compiled (see runwise/compiled.hpp); CMake's runwise::compiled target defines it.
