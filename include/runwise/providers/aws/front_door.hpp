// SPDX-License-Identifier: MIT
#pragma once

// What receives an AWS workload's HTTP requests before its compute. Front doors often cost more than
// the compute; each is its own line item.

#include <string>

#include "../../core/choices.hpp"
#include "../../core/cost.hpp"
#include "../../core/detail/check.hpp"
#include "../../core/detail/math.hpp"
#include "../../core/units.hpp"
#include "../../pricing/front_door.hpp"
#include "../../workload/traffic.hpp"
#include "alb.hpp"
#include "api_gateway.hpp"

namespace runwise::pricing::aws {

enum class front_door { none, function_url, api_gateway_rest, api_gateway_http, alb };

/// A front-door policy for AWS platforms. `ForFunctions` selects what may front them: a Lambda
/// function URL exists only for functions, and an ALB forwarding to Lambda meters processed bytes
/// at the Lambda-target LCU size.
///
/// A function URL costs nothing: "There is no additional charge for using function URLs"
/// (AWS Lambda Developer Guide, "Lambda function URLs", seen 2026-11-26).
template <bool ForFunctions>
struct aws_front_door {
  static constexpr choice_table<front_door, 5> function_choices{{{"none", front_door::none},
                                                                 {"function_url", front_door::function_url},
                                                                 {"api_gateway_rest", front_door::api_gateway_rest},
                                                                 {"api_gateway_http", front_door::api_gateway_http},
                                                                 {"alb", front_door::alb}}};
  static constexpr choice_table<front_door, 4> container_choices{{{"none", front_door::none},
                                                                  {"api_gateway_rest", front_door::api_gateway_rest},
                                                                  {"api_gateway_http", front_door::api_gateway_http},
                                                                  {"alb", front_door::alb}}};

  struct config {
    front_door kind = front_door::none;
    double connections_per_request = 1;  ///< ALB: new connections per request (1: no keep-alive reuse)
    double rules_per_request = 0;        ///< ALB: listener rules evaluated per request
    bool api_gateway_free_tier = false;  ///< API Gateway's 12-month free tier (new accounts only)
    api_gateway_sheet api_gateway = api_gateway_prices;
    alb_sheet alb = alb_prices;

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      if constexpr (ForFunctions)
        v.choice("front_door", c.kind, function_choices);
      else
        v.choice("front_door", c.kind, container_choices);
      v.object("front_door_settings", [&](auto& s) {
        s.number("connections_per_request", c.connections_per_request, 0, 1e3);
        s.number("rules_per_request", c.rules_per_request, 0, 1e3);
        s.flag("api_gateway_free_tier", c.api_gateway_free_tier);
      });
      v.sheet("api_gateway_prices", c.api_gateway);
      v.sheet("alb_prices", c.alb);
    }
  };

  using input = front_door_input;

  /// API Gateway's line: the requests it received at their blended price (tiers, the free tier
  /// and, for HTTP APIs, 512 KB metering folded in; `list_per_million` where none was billed).
  static constexpr void add_api_gateway(cost_breakdown& b, usd amount, double requests, double list_per_million) {
    b.add("api_gateway", amount, blended(requests, "requests", amount, list_per_million / 1e6));
  }

  static constexpr cost_breakdown bill(const config& c, const input& in) {
    cost_breakdown b;
    const double months = to_hours(in.horizon) / 730.0;
    switch (c.kind) {
      case front_door::none:
      case front_door::function_url:
        break;
      case front_door::api_gateway_rest:
        add_api_gateway(b, api_gateway_rest_cost(c.api_gateway, in.total.value(), months, c.api_gateway_free_tier),
                        in.total.value(), c.api_gateway.rest_per_million);
        break;
      case front_door::api_gateway_http:
        add_api_gateway(
            b, api_gateway_http_cost(c.api_gateway, in.total.value(), in.payload_kb, months, c.api_gateway_free_tier),
            in.total.value(), c.api_gateway.http_per_million);
        break;
      case front_door::alb: {
        const double hours_run = detail::ceil(to_hours(in.horizon) - 1e-9);
        b.add("alb_hours", usd{hours_run * c.alb.per_hour}, measure{hours_run, "ALB-h", c.alb.per_hour});
        alb_hour h{.connections_per_request = c.connections_per_request,
                   .connection_seconds = in.duration.value(),
                   .kb_per_request = in.payload_kb,
                   .rules_per_request = c.rules_per_request};
        double lcu_hours = 0;
        if (in.traffic == nullptr || in.traffic->empty()) {
          h.requests = hours_run > 0 ? in.total.value() / hours_run : 0.0;
          lcu_hours = hours_run * alb_lcus(c.alb, h, ForFunctions);
        } else {
          // LCUs are metered hour by hour: sum the steps of each clock hour.
          const auto& counts = in.traffic->counts();
          const double step = in.traffic->step().value();
          double hour_end = 3600, t = 0;
          h.requests = 0;
          for (double n : counts) {
            h.requests += n;
            t += step;
            if (t >= hour_end - 1e-9) {
              lcu_hours += alb_lcus(c.alb, h, ForFunctions);
              h.requests = 0;
              hour_end += 3600;
            }
          }
          if (h.requests > 0) lcu_hours += alb_lcus(c.alb, h, ForFunctions);
        }
        b.add("alb_lcu", usd{lcu_hours * c.alb.per_lcu_hour}, measure{lcu_hours, "LCU-h", c.alb.per_lcu_hour});
        break;
      }
    }
    return b;
  }
};

}  // namespace runwise::pricing::aws
