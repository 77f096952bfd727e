// SPDX-License-Identifier: MIT
#pragma once

// Application Load Balancer: every hour or partial hour it runs, plus load balancer capacity units
// (LCU) per hour, where an hour's LCUs are the largest of four dimensions.

#include <string_view>

#include "../../core/detail/math.hpp"
#include "../../pricing/sheet.hpp"

namespace runwise::pricing::aws {

inline constexpr source alb_pricing_page{"https://aws.amazon.com/elasticloadbalancing/pricing/", 'S'};

/// ALB's price sheet (us-east-1) and the size of one LCU in each dimension.
struct alb_sheet {
  std::string_view as_of;
  double per_hour;      ///< USD per ALB-hour or partial hour
  double per_lcu_hour;  ///< USD per LCU-hour
  double lcu_new_connections_per_s;
  double lcu_active_connections_per_min;
  double lcu_gb_per_hour;         ///< processed bytes, EC2/IP targets
  double lcu_gb_per_hour_lambda;  ///< processed bytes, Lambda targets
  double lcu_rule_evaluations_per_s;
  double free_rules;  ///< rules per request not counted

  template <class Self, class V>
  static constexpr void fields(Self& s, V&& v) {
    v("alb_per_hour", s.per_hour, "USD per ALB-hour (or partial hour)", alb_pricing_page);
    v("alb_per_lcu_hour", s.per_lcu_hour, "USD per LCU-hour", alb_pricing_page);
    v("lcu_new_connections_per_s", s.lcu_new_connections_per_s, "new connections per second in one LCU",
      alb_pricing_page);
    v("lcu_active_connections_per_min", s.lcu_active_connections_per_min, "active connections per minute in one LCU",
      alb_pricing_page);
    v("lcu_gb_per_hour", s.lcu_gb_per_hour, "GB processed per hour in one LCU (EC2/IP targets)", alb_pricing_page);
    v("lcu_gb_per_hour_lambda", s.lcu_gb_per_hour_lambda, "GB processed per hour in one LCU (Lambda targets)",
      alb_pricing_page);
    v("lcu_rule_evaluations_per_s", s.lcu_rule_evaluations_per_s, "rule evaluations per second in one LCU",
      alb_pricing_page);
    v("free_rules", s.free_rules, "rules per request processed free", alb_pricing_page);
  }
};

/// Values: docs/pricing.md (Front doors: ALB), checked 2026-11-26.
inline namespace prices_2026_11 {
inline constexpr alb_sheet alb_prices{
    .as_of = "2026-11-26",
    .per_hour = 0.0225,     // $0.0225 per hour or partial hour
    .per_lcu_hour = 0.008,  // $0.008 per LCU-hour
    // One LCU: 25 new connections/s, 3,000 active connections/min, 1 GB/h processed (0.4 GB/h for
    // Lambda targets), 1,000 rule evaluations/s (the first 10 rules per request are free).
    .lcu_new_connections_per_s = 25,
    .lcu_active_connections_per_min = 3000,
    .lcu_gb_per_hour = 1,
    .lcu_gb_per_hour_lambda = 0.4,
    .lcu_rule_evaluations_per_s = 1000,
    .free_rules = 10,
};
}  // namespace prices_2026_11

/// What one hour of traffic through an ALB looks like.
struct alb_hour {
  double requests = 0;                 ///< in the hour
  double connections_per_request = 1;  ///< new connections each request opens (1: no reuse)
  double connection_seconds = 0;       ///< how long a connection stays open
  double kb_per_request = 0;           ///< bytes processed per request (request + response)
  double rules_per_request = 0;        ///< listener rules evaluated per request
};

/// LCUs used in one hour: the largest of the four dimensions.
constexpr double alb_lcus(const alb_sheet& p, const alb_hour& h, bool lambda_targets) {
  const double new_per_s = h.requests * h.connections_per_request / 3600.0;
  const double active = new_per_s * h.connection_seconds;  // Little's law: connections open at once
  const double gb = h.requests * h.kb_per_request / (1024.0 * 1024.0);
  const double rules_per_s = h.requests / 3600.0 * detail::max(0.0, h.rules_per_request - p.free_rules);
  return detail::max(detail::max(new_per_s / p.lcu_new_connections_per_s, active / p.lcu_active_connections_per_min),
                     detail::max(gb / (lambda_targets ? p.lcu_gb_per_hour_lambda : p.lcu_gb_per_hour),
                                 rules_per_s / p.lcu_rule_evaluations_per_s));
}

}  // namespace runwise::pricing::aws
