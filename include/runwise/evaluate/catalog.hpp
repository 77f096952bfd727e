// SPDX-License-Identifier: MIT
#pragma once

#include "../core/detail/type_list.hpp"
#include "../providers/aws/ec2_cluster.hpp"
#include "../providers/aws/eks_fargate.hpp"
#include "../providers/aws/fargate.hpp"
#include "../providers/aws/lambda.hpp"
#include "../providers/azure/container_apps.hpp"
#include "../providers/azure/functions.hpp"
#include "../providers/gcp/cloud_run.hpp"
#include "registry.hpp"

namespace runwise {

/// Every platform runwise ships, in catalog order. A spec without `platforms` is evaluated on all of them.
using catalog = type_list<aws_lambda, aws_fargate, aws_ecs_ec2, aws_eks_ec2, aws_eks_fargate, gcp_cloud_run,
                          azure_functions, azure_container_apps>;

/// Run-time selection over the catalog (the CLI's `platforms[].id`).
using catalog_registry = registry<catalog>;

}  // namespace runwise
