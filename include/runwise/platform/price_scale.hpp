// SPDX-License-Identifier: MIT
#pragma once

// Multiplies every price of a platform's settings by one factor: how a negotiated discount, or a
// what-if on a provider's prices, reaches the billing formulas without naming each field.

#include <cstddef>
#include <string_view>

#include "../core/choices.hpp"

namespace runwise {

namespace detail {
/// Settings visitor (platform/settings.hpp) that scales the price fields of every sheet it meets.
/// A price field is one whose unit starts with "USD" (e.g. "USD per GB-s"); allowances, tier sizes,
/// granularities and minimums are left alone.
struct price_scaler {
  double factor = 1;
  void number(std::string_view, double&, double, double, const char* = "") const {}
  void flag(std::string_view, bool&) const {}
  template <class E, std::size_t N>
  void choice(std::string_view, E&, const pricing::choice_table<E, N>&) const {}
  template <class F>
  void object(std::string_view, F&& f) {
    f(*this);
  }
  template <class Sheet>
  void sheet(std::string_view, Sheet& s) const {
    Sheet::fields(s, [&](std::string_view, double& value, std::string_view unit, const auto&) {
      if (unit.substr(0, 3) == "USD") value *= factor;
    });
  }
};
}  // namespace detail

/// Multiplies every price (every sheet field priced in USD) of `config` by `factor` (>= 0); free
/// allowances, tier sizes and billing granularities stay as they are.
///
/// ```cpp
/// runwise::aws_lambda::config c;
/// runwise::scale_prices(c, 0.8);   // a 20% discount on requests, GB-seconds and the front door
/// ```
template <class Config>
void scale_prices(Config& config, double factor) {
  if (factor == 1) return;
  detail::price_scaler v{factor};
  Config::visit(config, v);
}

}  // namespace runwise
