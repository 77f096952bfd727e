// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "../simulate/usage.hpp"
#include "../workload/workload.hpp"
#include "settings.hpp"

namespace runwise {

/// The run-time settings of a platform made of a capacity and a billing policy: one member per
/// policy, described (for readers, catalogs and validation) as one flat list of settings.
template <class Capacity, class Billing>
struct composed_config {
  typename Capacity::config capacity{};
  typename Billing::config billing{};

  template <class Self, class V>
  static void visit(Self& c, V& v) {
    Billing::config::visit(c.billing, v);
    Capacity::config::visit(c.capacity, v);
  }

  /// Checks every setting against its declared range, then each policy's own rules.
  void validate(const std::string& path) const {
    check_ranges(*this, path);
    if constexpr (requires { billing.validate(path); }) billing.validate(path);
    if constexpr (requires { capacity.validate(path); }) capacity.validate(path);
  }
};

/// The part every platform composed of policies shares: its policies' names, its config, and
/// running the capacity policy. A platform derives from it and adds its id, kind, limits check,
/// and how its usage is billed (`price`, `quote`).
///
/// ```cpp
/// struct my_functions : runwise::composed_platform<runwise::simulate::function_instances, my_billing, my_limits> {
///   static constexpr std::string_view id = "my_functions";
///   ...
/// };
/// ```
template <class Capacity, class Billing, class Limits>
struct composed_platform {
  using capacity_policy = Capacity;
  using billing_policy = Billing;
  using limits_policy = Limits;
  using config = composed_config<Capacity, Billing>;

  static usage simulate(const workload& w, const config& c) { return Capacity::run(w, c.capacity); }
};

}  // namespace runwise
