// SPDX-License-Identifier: MIT
#pragma once

// Amazon EC2 instances that back ECS and EKS clusters: the instance catalog with on-demand prices,
// and how a cluster's nodes are billed (per second, 60-second minimum per launch).

#include <array>
#include <string_view>

#include "../../core/choices.hpp"
#include "../../pricing/sheet.hpp"

namespace runwise::pricing::aws {

inline constexpr source ec2_pricing_page{"https://aws.amazon.com/ec2/pricing/on-demand/", 'S'};
inline constexpr source eks_max_pods{"https://github.com/awslabs/amazon-eks-ami (eni-max-pods.txt)", 'O'};

/// One EC2 instance type: its size, architecture and Linux on-demand price.
struct instance_type {
  std::string_view name;
  double vcpu = 0;
  double memory_gib = 0;
  architecture arch = architecture::x86_64;
  double gpus = 0;
  /// Pods an EKS node of this type runs with the VPC CNI: ENIs × (IPv4 per ENI - 1) + 2.
  double max_pods = 0;
  double per_hour = 0;  ///< USD, Linux on-demand, us-east-1
};

/// The instance types runwise can place containers on (docs/pricing.md, "EC2 instances for ECS and EKS"; S), and the
/// billing rule of their nodes. Every price can be overridden by instance name
/// (`"prices": {"m5.large": 0.07}`).
struct ec2_sheet {
  std::string_view as_of;
  std::array<instance_type, 7> instances;
  double minimum_billed_s;  ///< per instance launch

  template <class Self, class V>
  static constexpr void fields(Self& s, V&& v) {
    for (auto& i : s.instances) v(i.name, i.per_hour, "USD per instance-hour (Linux on-demand)", ec2_pricing_page);
    v("minimum_billed_s", s.minimum_billed_s, "s billed at least per instance launch", ec2_pricing_page);
  }
};

/// Values: docs/pricing.md, checked 2026-11-26. Max pods per type follow the EKS AMI's ENI formula
/// (t3.medium 3 ENIs × 6 IPs → 17; the .large types 3 × 10 → 29; c6g.medium 2 × 4 → 8; g5.xlarge 4 × 15 → 58).
inline namespace prices_2026_11 {
inline constexpr ec2_sheet ec2_prices{
    .as_of = "2026-11-26",
    .instances = {{
        {"t3.medium", 2, 4, architecture::x86_64, 0, 17, 0.0416},
        {"m5.large", 2, 8, architecture::x86_64, 0, 29, 0.096},
        {"c5.large", 2, 4, architecture::x86_64, 0, 29, 0.085},
        {"m6g.large", 2, 8, architecture::arm64, 0, 29, 0.077},
        {"m7g.large", 2, 8, architecture::arm64, 0, 29, 0.0816},
        {"c6g.medium", 1, 2, architecture::arm64, 0, 8, 0.034},
        {"g5.xlarge", 4, 16, architecture::x86_64, 1, 58, 1.006},  // 1 NVIDIA A10G
    }},
    .minimum_billed_s = 60,  // billed per second with a 60-second minimum per launch (S)
};
}  // namespace prices_2026_11

}  // namespace runwise::pricing::aws
