// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace runwise::pricing {

/// One band of a volume-tiered price: `usd_per_unit` applies to the units beyond the previous band
/// up to `up_to` units in total (a cumulative bound; the last band has no bound).
struct tier {
  double up_to;
  double usd_per_unit;
};

/// The cost of `amount` units under cumulative `tiers` whose bounds are multiplied by `scale`
/// (the number of billing months in the horizon: tiers reset every month).
///
/// ```cpp
/// constexpr runwise::pricing::tier t[] = {{6e9, 0.0000166667}, {15e9, 0.000015}, {1e300, 0.0000133334}};
/// runwise::pricing::tiered_cost(7e9, t, 1.0);   // 6e9 × 0.0000166667 + 1e9 × 0.000015
/// ```
template <std::size_t N>
constexpr double tiered_cost(double amount, const tier (&tiers)[N], double scale) noexcept {
  double cost = 0, below = 0;
  for (std::size_t i = 0; i < N && amount > below; ++i) {
    const double bound = i + 1 == N ? amount : tiers[i].up_to * scale;
    const double in_band = (amount < bound ? amount : bound) - below;
    if (in_band > 0) cost += in_band * tiers[i].usd_per_unit;
    below = bound > below ? bound : below;
  }
  return cost;
}

}  // namespace runwise::pricing
