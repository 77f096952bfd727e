// SPDX-License-Identifier: MIT
#pragma once

// The separately compiled mode (opt-in; header-only is the default). With this header — included by
// <runwise/providers.hpp> when RUNWISE_SEPARATE_COMPILATION is defined, which linking the CMake target
// runwise::compiled does — a translation unit sees the heavy templates of an evaluation as explicit
// instantiation declarations: it calls them, and the library runwise_compiled (src/runwise_compiled.cpp)
// holds their only instantiation. A program that evaluates a workload then compiles only its own code,
// not the capacity models, criteria, ranking, advice and break-even search behind it (bench/README.md,
// "Compile time"). Forgetting to link the library is a link error naming the missing instantiation.
//
// What is declared: for each of the eight catalog platforms, evaluate_option, reprice_option, select
// and price_together; for the three decision policies (weighted_sum, cheapest, topsis), the core of
// conclude(); and the bodies of make_traffic() and of the evaluators' workload check. Every one is a
// non-inline function template: an extern declaration does not stop compilers from instantiating
// inline or constexpr functions for inlining. Other platforms, decision policies and templates
// (custom providers, the analyses, fleet mode) are instantiated in the calling translation unit, as
// in header-only mode; the results are the same in both modes.
//
//   target_link_libraries(app PRIVATE runwise::compiled)   # CMake, runwise configured with RUNWISE_COMPILED=ON
//   c++ -std=c++20 -DRUNWISE_SEPARATE_COMPILATION app.cpp runwise_compiled.o   # by hand

#include <span>
#include <string>

#include "decide/cheapest.hpp"
#include "decide/topsis.hpp"
#include "decide/weighted_sum.hpp"
#include "evaluate/catalog.hpp"
#include "evaluate/conclude.hpp"
#include "evaluate/evaluate_option.hpp"
#include "evaluate/registry.hpp"
#include "platform/shared_costs.hpp"
#include "workload/generators.hpp"
#include "workload/workload.hpp"

// RUNWISE_DETAIL_COMPILED_PLATFORM(extern, P) declares (or, with an empty first argument, defines)
// the instantiations for platform P; src/runwise_compiled.cpp uses the same lists, so declarations
// and definitions cannot drift apart.
#define RUNWISE_DETAIL_COMPILED_PLATFORM(EXTERN, P)                                                                  \
  EXTERN template ::runwise::option_result runwise::evaluate_option<P>(const ::runwise::workload&, const P::config&, \
                                                                       const std::string&, bool);                    \
  EXTERN template ::runwise::option_result runwise::reprice_option<P>(                                               \
      const ::runwise::workload&, const ::runwise::option_result&, const P::config&);                                \
  EXTERN template ::runwise::selected_platform runwise::select<P>(P::config, const std::string&);                    \
  EXTERN template ::runwise::cost_breakdown runwise::price_together<P>(std::span<const ::runwise::sharing_member>,   \
                                                                       const P::config&)

#define RUNWISE_DETAIL_COMPILED_DECISION(EXTERN, D)                           \
  EXTERN template ::runwise::evaluation runwise::detail::conclude_options<D>( \
      const ::runwise::workload&, std::size_t, ::runwise::option_runner, const ::runwise::preferences&)

// Every catalog platform and every decision policy of the core (static_asserts in
// src/runwise_compiled.cpp check the platform list against runwise::catalog).
#define RUNWISE_DETAIL_COMPILED_INSTANCES(EXTERN)                                            \
  RUNWISE_DETAIL_COMPILED_PLATFORM(EXTERN, ::runwise::aws_lambda);                           \
  RUNWISE_DETAIL_COMPILED_PLATFORM(EXTERN, ::runwise::aws_fargate);                          \
  RUNWISE_DETAIL_COMPILED_PLATFORM(EXTERN, ::runwise::aws_ecs_ec2);                          \
  RUNWISE_DETAIL_COMPILED_PLATFORM(EXTERN, ::runwise::aws_eks_ec2);                          \
  RUNWISE_DETAIL_COMPILED_PLATFORM(EXTERN, ::runwise::aws_eks_fargate);                      \
  RUNWISE_DETAIL_COMPILED_PLATFORM(EXTERN, ::runwise::gcp_cloud_run);                        \
  RUNWISE_DETAIL_COMPILED_PLATFORM(EXTERN, ::runwise::azure_functions);                      \
  RUNWISE_DETAIL_COMPILED_PLATFORM(EXTERN, ::runwise::azure_container_apps);                 \
  RUNWISE_DETAIL_COMPILED_DECISION(EXTERN, ::runwise::decide::weighted_sum);                 \
  RUNWISE_DETAIL_COMPILED_DECISION(EXTERN, ::runwise::decide::cheapest);                     \
  RUNWISE_DETAIL_COMPILED_DECISION(EXTERN, ::runwise::decide::topsis);                       \
  EXTERN template void runwise::detail::validate_workload<void>(const ::runwise::workload&); \
  EXTERN template ::runwise::traffic_series runwise::detail::generate_traffic<void>(         \
      double, ::runwise::seconds, ::runwise::seconds, const ::runwise::traffic_shape&, const std::string&)

RUNWISE_DETAIL_COMPILED_INSTANCES(extern);
