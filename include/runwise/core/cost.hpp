// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "error.hpp"
#include "units.hpp"

namespace runwise {

/// The name of a line item: only a string literal (static storage) converts to it, so a bill never
/// holds a name that dangles.
class item_name {
 public:
  template <std::size_t N>
  consteval item_name(const char (&literal)[N]) noexcept : text_(literal, N - 1) {}  // NOLINT: implicit by design
  [[nodiscard]] constexpr std::string_view text() const noexcept { return text_; }

 private:
  friend class cost_breakdown;
  constexpr explicit item_name(std::string_view from_item) noexcept : text_(from_item) {}
  std::string_view text_;
};

/// One named amount of a bill ("requests", "compute", "vcpu", ...).
struct line_item {
  std::string_view name;  ///< a literal with static storage, used as a JSON key
  usd amount{};
};

/// A bill: named line items whose sum is the total. Fixed capacity and no allocation, so that it
/// works in constant expressions (the closed-form quotes) and costs nothing in a fleet loop.
///
/// ```cpp
/// constexpr auto bill = [] { runwise::cost_breakdown b; b.add("requests", runwise::usd{0.40});
///                            b.add("compute", runwise::usd{18.34}); return b; }();
/// static_assert(runwise::detail::to_cents(bill.total().value()) == 1874);
/// ```
class cost_breakdown {
 public:
  static constexpr std::size_t capacity = 12;

  /// Adds `amount` to the item called `name`, creating it (in order of first mention) if needed.
  constexpr cost_breakdown& add(item_name item, usd amount) {
    const std::string_view name = item.text();
    for (std::size_t i = 0; i < size_; ++i)
      if (items_[i].name == name) {
        items_[i].amount += amount;
        return *this;
      }
    if (size_ == capacity) throw_full();
    items_[size_++] = line_item{name, amount};
    return *this;
  }

  /// Appends every item of `other` (used to add a front door or a shared fixed cost).
  constexpr cost_breakdown& add(const cost_breakdown& other) {
    for (const auto& item : other) add(item_name(item.name), item.amount);
    return *this;
  }

  /// The sum of the items, unrounded.
  [[nodiscard]] constexpr usd total() const noexcept {
    usd sum{};
    for (std::size_t i = 0; i < size_; ++i) sum += items_[i].amount;
    return sum;
  }

  /// The amount of item `name`, or zero when there is none.
  [[nodiscard]] constexpr usd operator[](std::string_view name) const noexcept {
    for (std::size_t i = 0; i < size_; ++i)
      if (items_[i].name == name) return items_[i].amount;
    return usd{};
  }

  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr const line_item* begin() const noexcept { return items_.data(); }
  [[nodiscard]] constexpr const line_item* end() const noexcept { return items_.data() + size_; }

 private:
  [[noreturn]] static void throw_full() {
    throw error(errc::internal, "cost_breakdown", "more than 12 line items in one bill");
  }
  std::array<line_item, capacity> items_{};
  std::size_t size_ = 0;
};

}  // namespace runwise
