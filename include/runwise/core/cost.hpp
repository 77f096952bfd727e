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

/// What a bill line charges for: `quantity` units of `unit` at `unit_price` dollars each.
struct measure {
  double quantity = 0;
  std::string_view unit;  ///< a literal: "GB-s", "vCPU-h", "requests", "instance-h", ...
  double unit_price = 0;  ///< USD per unit
};

/// `quantity` of `unit` that cost `amount` in all, at several prices (tiers) or one discounted one:
/// the unit price is their blend, amount / quantity (`list_price` where nothing was billed).
constexpr measure blended(double quantity, std::string_view unit, usd amount, double list_price) noexcept {
  return {quantity, unit, quantity > 0 ? amount.value() / quantity : list_price};
}

/// One line of a bill: its name ("requests", "compute", "vcpu", ...), its amount and, where the
/// line bills one quantity, that quantity, its unit and the unit price — the line a reader checks
/// by hand: 1,500,000 GB-s × $0.0000166667 = $25.00.
struct line_item {
  std::string_view name;  ///< a literal with static storage, used as a JSON key
  usd amount{};
  double quantity = 0;     ///< how much was billed (after free grants), in `unit`
  std::string_view unit;   ///< empty when the line has no single quantity (parts in different units)
  double unit_price = 0;   ///< USD per unit: amount / quantity where parts at several prices add up
                           ///< (tiers, discounts), the list price where nothing was billed
};

/// A bill: named line items whose sum is the total. Fixed capacity and no allocation, so that it
/// works in constant expressions (the closed-form quotes) and costs nothing in a fleet loop.
///
/// ```cpp
/// constexpr auto bill = [] { runwise::cost_breakdown b; b.add("requests", runwise::usd{0.40});
///                            b.add("compute", runwise::gb_seconds{1.1e6} * runwise::price<runwise::gb_seconds>{0.0000166667});
///                            return b; }();
/// static_assert(runwise::to_cents(bill.total()) == 1874 && bill.begin()[1].unit == "GB-s");
/// ```
class cost_breakdown {
 public:
  static constexpr std::size_t capacity = 12;

  /// Adds `amount` to the item called `name`, creating it (in order of first mention) if needed.
  /// An amount without a quantity (an adjustment: a discount, a shared cost) leaves the line's
  /// quantity and folds into its unit price.
  constexpr cost_breakdown& add(item_name item, usd amount) {
    line_item& l = line(item.text());
    l.amount += amount;
    if (!l.unit.empty() && l.quantity > 0) l.unit_price = l.amount.value() / l.quantity;
    return *this;
  }

  /// Adds `amount`, billed as `m`, to the item called `name`. Parts in one unit add their
  /// quantities (the unit price becomes their blended price); parts in different units leave the
  /// line without a single quantity.
  constexpr cost_breakdown& add(item_name item, usd amount, measure m) {
    line_item& l = line(item.text());
    const bool fresh = l.amount.value() == 0 && l.quantity == 0 && l.unit.empty();  // new, or nothing yet
    l.amount += amount;
    if (fresh) {
      l.quantity = m.quantity, l.unit = m.unit, l.unit_price = m.unit_price;
    } else if (l.unit == m.unit && !l.unit.empty()) {
      l.quantity += m.quantity;
      if (l.quantity > 0) l.unit_price = l.amount.value() / l.quantity;
    } else {
      l.quantity = 0, l.unit = {}, l.unit_price = 0;
    }
    return *this;
  }

  /// Makes the item called `l.name` exactly `l` (amount, quantity, unit and price): a line that
  /// several members share is the largest member's line, not their sum.
  constexpr cost_breakdown& replace(const line_item& l) {
    line_item& mine = line(l.name);
    mine = l;
    return *this;
  }

  /// Adds a quantity at its unit price (`gb_seconds{...} * price<gb_seconds>{...}`): the line
  /// keeps the quantity, its unit's symbol and the price.
  template <class Q>
  constexpr cost_breakdown& add(item_name item, const charge<Q>& c) {
    return add(item, usd{c.value()}, measure{c.quantity.value(), Q::tag::symbol, c.unit_price.usd_per_unit});
  }

  /// Appends every item of `other` (used to add a front door or a shared fixed cost).
  constexpr cost_breakdown& add(const cost_breakdown& other) {
    for (const auto& item : other) {
      if (item.unit.empty())
        add(item_name(item.name), item.amount);
      else
        add(item_name(item.name), item.amount, measure{item.quantity, item.unit, item.unit_price});
    }
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
    const std::size_t i = index_of(name);
    return i < size_ ? items_[i].amount : usd{};
  }

  /// The line called `name`, or nullptr.
  [[nodiscard]] constexpr const line_item* find(std::string_view name) const noexcept {
    const std::size_t i = index_of(name);
    return i < size_ ? &items_[i] : nullptr;
  }

  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr const line_item* begin() const noexcept { return items_.data(); }
  [[nodiscard]] constexpr const line_item* end() const noexcept { return items_.data() + size_; }

 private:
  /// The index of the line called `name`, or size() when there is none.
  [[nodiscard]] constexpr std::size_t index_of(std::string_view name) const noexcept {
    std::size_t i = 0;
    while (i < size_ && items_[i].name != name) ++i;
    return i;
  }
  constexpr line_item& line(std::string_view name) {
    if (const std::size_t i = index_of(name); i < size_) return items_[i];
    if (size_ == capacity) throw_full();
    items_[size_] = line_item{name, usd{}, 0, {}, 0};
    return items_[size_++];
  }
  [[noreturn]] static void throw_full() {
    throw error(errc::internal, "cost_breakdown", "more than 12 line items in one bill");
  }
  std::array<line_item, capacity> items_{};
  std::size_t size_ = 0;
};

}  // namespace runwise
