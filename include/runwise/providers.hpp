// SPDX-License-Identifier: MIT
#pragma once

// The platforms runwise ships, opt-in beside the core header: AWS Lambda, Fargate, ECS and EKS on
// EC2, EKS on Fargate, Google Cloud Run, Azure Functions and Container Apps (one header each in
// providers/, with its price sheet, bill, limits and platform), the capacity models they compose,
// `runwise::catalog` (their list) and `catalog_registry` (selection by id).
//
// ```cpp
// #include <runwise/runwise.hpp>
// #include <runwise/providers.hpp>
// runwise::evaluator<runwise::aws_lambda, runwise::aws_fargate> ev;
// ```
//
// One product alone is its header, e.g. <runwise/providers/aws/lambda.hpp>.

#include "runwise.hpp"

#include "evaluate/catalog.hpp"
#include "simulate/concurrent_instances.hpp"
#include "simulate/container_fleet.hpp"
#include "simulate/fixed_fleet.hpp"
#include "simulate/function_instances.hpp"
#include "simulate/http_scaled_replicas.hpp"
#include "simulate/poisson_instances.hpp"
#include "simulate/scaling/autoscaler.hpp"
#include "simulate/scaling/hpa.hpp"
#include "simulate/scaling/policy.hpp"
#include "simulate/scaling/step.hpp"
#include "simulate/scaling/target_tracking.hpp"

#ifdef RUNWISE_SEPARATE_COMPILATION
#include "compiled.hpp"
#endif
