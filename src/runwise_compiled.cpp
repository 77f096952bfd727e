// SPDX-License-Identifier: MIT
//
// The library of runwise's separately compiled mode (target runwise_compiled, runwise::compiled):
// the one instantiation of every template <runwise/compiled.hpp> declares extern. Built with
// RUNWISE_SEPARATE_COMPILATION like its consumers, so the declarations precede these definitions in
// this translation unit and a signature that differs from the header's fails to compile here.

#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

#ifndef RUNWISE_SEPARATE_COMPILATION
#error "runwise_compiled.cpp is compiled with RUNWISE_SEPARATE_COMPILATION (the target runwise_compiled defines it)"
#endif

#include <type_traits>

// The lists in compiled.hpp name the catalog's platforms by hand (a macro cannot fold over a type
// list): check that they are the catalog.
static_assert(std::is_same_v<runwise::catalog,
                             runwise::type_list<runwise::aws_lambda, runwise::aws_fargate, runwise::aws_ecs_ec2,
                                                runwise::aws_eks_ec2, runwise::aws_eks_fargate, runwise::gcp_cloud_run,
                                                runwise::azure_functions, runwise::azure_container_apps>>,
              "runwise: the catalog changed; update RUNWISE_DETAIL_COMPILED_INSTANCES in runwise/compiled.hpp");

RUNWISE_DETAIL_COMPILED_INSTANCES();
