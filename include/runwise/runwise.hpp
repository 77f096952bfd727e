// SPDX-License-Identifier: MIT
#pragma once

// runwise: should a workload run on serverless functions, on containers, or on both — and what will
// each really cost? The core header: everything needed to describe one workload and evaluate it
// (closed-form quotes, trace-driven evaluation, ranking, advice), and no more, so that a program
// that evaluates a workload compiles fast. Nothing to link (unless you opt in to the separately
// compiled mode, runwise::compiled: see the end of this file). The other parts have their own headers:
//   <runwise/trace.hpp>      readers of the Azure Functions 2019 and 2021 traces, duration fits
//   <runwise/simulator.hpp>  the request-level discrete-event simulator and trace arrivals
//   <runwise/report.hpp>     text, Markdown and SVG reports
//   <runwise/fleet.hpp>      fleet mode: one verdict per function of a trace
//   <runwise/all.hpp>        all of the above
//
// The flow, one folder per stage:
//   workload/  traffic, durations, requirements
//   simulate/  capacity policies: traffic → usage
//   pricing/   billing formulas and dated price sheets: usage → cost
//   criteria/  the article's six criteria (scores with evidence) and hard limits
//   platform/  platforms as compositions of the policies above, and the catalog
//   decide/    decision policies (weighted sum, TOPSIS, cheapest), hosting choice: options → recommendation
//   analyze/   break-even, cost curves
//   evaluate/  evaluator<...> (compile-time list) and registry (run-time selection)

#include "error.hpp"
#include "units.hpp"
#include "version.hpp"

#include "workload/duration.hpp"
#include "workload/generators.hpp"
#include "workload/requirements.hpp"
#include "workload/steady.hpp"
#include "workload/traffic.hpp"
#include "workload/workload.hpp"

#include "simulate/concurrent_instances.hpp"
#include "simulate/container_fleet.hpp"
#include "simulate/fixed_fleet.hpp"
#include "simulate/function_instances.hpp"
#include "simulate/http_scaled_replicas.hpp"
#include "simulate/poisson_instances.hpp"
#include "simulate/scaling/hpa.hpp"
#include "simulate/scaling/policy.hpp"
#include "simulate/scaling/step.hpp"
#include "simulate/scaling/target_tracking.hpp"
#include "simulate/usage.hpp"

#include "pricing/aws/fargate.hpp"
#include "pricing/aws/lambda.hpp"
#include "pricing/azure/container_apps.hpp"
#include "pricing/azure/functions.hpp"
#include "pricing/cost.hpp"
#include "pricing/gcp/cloud_run.hpp"
#include "pricing/sheet.hpp"

#include "criteria/article.hpp"
#include "criteria/assumptions.hpp"
#include "criteria/aws_limits.hpp"
#include "criteria/azure_limits.hpp"
#include "criteria/concepts.hpp"
#include "criteria/gcp_limits.hpp"

#include "platform/aws_ec2_cluster.hpp"
#include "platform/aws_eks_fargate.hpp"
#include "platform/aws_fargate.hpp"
#include "platform/aws_lambda.hpp"
#include "platform/azure_container_apps.hpp"
#include "platform/azure_functions.hpp"
#include "platform/catalog.hpp"
#include "platform/concepts.hpp"
#include "platform/gcp_cloud_run.hpp"
#include "platform/shared_costs.hpp"
#include "platform/traits.hpp"

#include "analyze/break_even.hpp"
#include "analyze/cost_curve.hpp"
#include "decide/cheapest.hpp"
#include "decide/hosting.hpp"
#include "decide/topsis.hpp"
#include "decide/weighted_sum.hpp"
#include "decide/weights.hpp"
#include "evaluate/evaluator.hpp"
#include "evaluate/registry.hpp"

// Opt-in separately compiled mode: the evaluation's heavy templates come instantiated from the
// library runwise::compiled (see runwise/compiled.hpp); CMake's runwise::compiled target defines it.
#ifdef RUNWISE_SEPARATE_COMPILATION
#include "compiled.hpp"
#endif
