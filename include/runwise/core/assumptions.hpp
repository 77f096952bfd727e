// SPDX-License-Identifier: MIT
#pragma once

// The effort figures behind the maintenance and deployment-time criteria. They are assumptions, not
// measurements: no provider publishes "hours of operations per month", so runwise states its own,
// orders them as the article and issue 5 do (managed functions < Fargate < EC2-backed ECS < EKS),
// and lets the caller replace every one (docs/criteria.md, "Assumptions").

#include <string>

#include "detail/check.hpp"
#include "traits.hpp"

namespace runwise::criteria {

/// Effort per platform class, in engineer hours and minutes. Hosting and orchestration add up:
/// EKS on EC2 is `instances` + `kubernetes`.
///
/// ```cpp
/// runwise::criteria::assumptions a;
/// a.ops_hours.kubernetes = 20;        // your team's own figure
/// a.monthly_ops_hours(runwise::traits_of<runwise::aws_eks_ec2>());   // 16 + 20 = 36
/// ```
struct assumptions {
  /// Operations hours per month: patching, upgrades, capacity, on-call toil for one service.
  struct {
    double functions = 2;           ///< the provider patches and scales; you watch alarms and quotas
    double managed_containers = 6;  ///< + base-image patching, task sizing, scaling policy
    double instances = 16;          ///< + AMIs, node patching, cluster capacity and bin packing
    double kubernetes_extra = 12;   ///< + Kubernetes minor upgrades (about three a year) and add-ons
  } ops_hours;
  /// Hours to set a service up the first time (pipeline, IaC, networking, images), spread over
  /// `amortise_months`.
  struct {
    double functions = 4;
    double managed_containers = 16;
    double instances = 24;
    double kubernetes_extra = 16;
  } setup_hours;
  double amortise_months = 12;
  /// Minutes of one deploy from merge to traffic served: upload a package (functions) or build,
  /// push and roll out an image (containers; the article's "a few seconds" is the rollout alone).
  struct {
    double functions = 2;
    double containers = 6;
    double kubernetes_extra = 1;
  } deploy_minutes;

  /// Ops hours per month for a platform of traits `t`.
  [[nodiscard]] constexpr double monthly_ops_hours(const platform_traits& t) const noexcept {
    return by_hosting(ops_hours, t);
  }
  /// First setup hours for a platform of traits `t`.
  [[nodiscard]] constexpr double setup(const platform_traits& t) const noexcept { return by_hosting(setup_hours, t); }
  /// Minutes per deploy for a platform of traits `t`.
  [[nodiscard]] constexpr double minutes_per_deploy(const platform_traits& t) const noexcept {
    return (t.runs_on == hosting::functions ? deploy_minutes.functions : deploy_minutes.containers) +
           (t.orchestrator == orchestration::kubernetes ? deploy_minutes.kubernetes_extra : 0.0);
  }
  /// Deployment effort in hours per month: amortised setup plus deploys × minutes per deploy.
  [[nodiscard]] constexpr double monthly_deploy_hours(const platform_traits& t,
                                                      double deploys_per_month) const noexcept {
    return setup(t) / amortise_months + deploys_per_month * minutes_per_deploy(t) / 60.0;
  }

  /// Throws runwise::error naming `path.<field>` for a negative figure or a non-positive amortisation.
  void validate(const std::string& path = "assumptions") const {
    for (double x :
         {ops_hours.functions, ops_hours.managed_containers, ops_hours.instances, ops_hours.kubernetes_extra,
          setup_hours.functions, setup_hours.managed_containers, setup_hours.instances, setup_hours.kubernetes_extra,
          deploy_minutes.functions, deploy_minutes.containers, deploy_minutes.kubernetes_extra})
      detail::check_range(path, x, 0, 1e6);
    detail::check_range(path + ".amortise_months", amortise_months, 1e-3, 1e4);
  }

 private:
  template <class Table>
  static constexpr double by_hosting(const Table& table, const platform_traits& t) noexcept {
    const double base = t.runs_on == hosting::functions            ? table.functions
                        : t.runs_on == hosting::managed_containers ? table.managed_containers
                                                                   : table.instances;
    return base + (t.orchestrator == orchestration::kubernetes ? table.kubernetes_extra : 0.0);
  }
};

}  // namespace runwise::criteria
