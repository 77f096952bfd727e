// SPDX-License-Identifier: MIT
#pragma once

// The front-door policy slot of a platform: what receives its HTTP requests before the compute.
// Providers with priced front doors have their own policy (providers/aws/front_door.hpp).

#include "../core/choices.hpp"
#include "../core/cost.hpp"
#include "../core/units.hpp"
#include "../workload/traffic.hpp"

namespace runwise::pricing {

/// The traffic a front door sees. `traffic` may be null: a steady rate over the horizon.
struct front_door_input {
  const traffic_series* traffic = nullptr;
  requests total{};
  seconds horizon = hours(730);
  double payload_kb = 6;
  seconds duration{};  ///< how long a request holds its connection
};

/// For platforms without a priced front door in runwise: only "none" is accepted, and it is free.
struct no_front_door {
  enum class kind { none };
  static constexpr choice_table<kind, 1> choices{{{"none", kind::none}}};
  struct config {
    no_front_door::kind kind = no_front_door::kind::none;
    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.choice("front_door", c.kind, choices);
    }
  };
  using input = front_door_input;
  static constexpr cost_breakdown bill(const config&, const input&) { return {}; }
};

}  // namespace runwise::pricing
