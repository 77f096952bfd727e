// SPDX-License-Identifier: MIT
#pragma once

// Small enumerations shared by several price sheets, with their spec names.

#include <array>
#include <string_view>
#include <utility>

namespace runwise::pricing {

/// A name ↔ value table for an enumeration, in the order a catalog lists it.
template <class E, std::size_t N>
using choice_table = std::array<std::pair<std::string_view, E>, N>;

enum class architecture { x86_64, arm64 };
inline constexpr choice_table<architecture, 2> architecture_names{
    {{"x86_64", architecture::x86_64}, {"arm64", architecture::arm64}}};

/// How container capacity is bought.
enum class purchase { on_demand, spot };
inline constexpr choice_table<purchase, 2> purchase_names{
    {{"on_demand", purchase::on_demand}, {"spot", purchase::spot}}};

/// The spec name of `value` in `table` (empty when absent).
template <class E, std::size_t N>
constexpr std::string_view name_of(const choice_table<E, N>& table, E value) noexcept {
  for (const auto& [name, v] : table)
    if (v == value) return name;
  return {};
}

}  // namespace runwise::pricing
