// SPDX-License-Identifier: MIT
#pragma once

#include "../detail/type_list.hpp"
#include "../evaluate/registry.hpp"
#include "aws_ec2_cluster.hpp"
#include "aws_eks_fargate.hpp"
#include "aws_fargate.hpp"
#include "aws_lambda.hpp"
#include "azure_container_apps.hpp"
#include "azure_functions.hpp"
#include "gcp_cloud_run.hpp"

namespace runwise {

/// Every platform runwise ships, in catalog order. A spec without `platforms` is evaluated on all of them.
using catalog = type_list<aws_lambda, aws_fargate, aws_ecs_ec2, aws_eks_ec2, aws_eks_fargate, gcp_cloud_run,
                          azure_functions, azure_container_apps>;

/// Run-time selection over the catalog (the CLI's `platforms[].id`).
using catalog_registry = registry<catalog>;

}  // namespace runwise
