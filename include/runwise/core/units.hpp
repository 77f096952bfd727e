// SPDX-License-Identifier: MIT
#pragma once

// Strong unit types. A GB-second cannot be added to a dollar, and a price per GB-second can only
// multiply GB-seconds: the compiler checks the dimensional analysis of every cost formula.
//
//   using namespace runwise;
//   gb_seconds use = megabytes{512} * seconds{1.0};      // 0.5 GB-s (GB = 1024 MB, as AWS/Azure bill)
//   usd cost = use * price<gb_seconds>{0.0000166667};    // dollars
//
// Values are doubles; money is rounded only when printed (see detail::to_cents).

#include <compare>
#include <cstdint>
#include <string_view>

#include "detail/math.hpp"

namespace runwise {

/// A value of one physical or monetary dimension, identified by `Tag`.
/// Same-dimension arithmetic and comparison only; scaling by a plain number is allowed.
template <class Tag>
class quantity {
 public:
  using tag = Tag;
  constexpr quantity() noexcept = default;
  constexpr explicit quantity(double v) noexcept : value_(v) {}

  /// The number in this dimension's unit (`Tag::symbol`).
  [[nodiscard]] constexpr double value() const noexcept { return value_; }

  constexpr quantity& operator+=(quantity o) noexcept {
    value_ += o.value_;
    return *this;
  }
  constexpr quantity& operator-=(quantity o) noexcept {
    value_ -= o.value_;
    return *this;
  }
  constexpr quantity& operator*=(double k) noexcept {
    value_ *= k;
    return *this;
  }

  friend constexpr quantity operator+(quantity a, quantity b) noexcept { return quantity{a.value_ + b.value_}; }
  friend constexpr quantity operator-(quantity a, quantity b) noexcept { return quantity{a.value_ - b.value_}; }
  friend constexpr quantity operator-(quantity a) noexcept { return quantity{-a.value_}; }
  friend constexpr quantity operator*(quantity a, double k) noexcept { return quantity{a.value_ * k}; }
  friend constexpr quantity operator*(double k, quantity a) noexcept { return quantity{a.value_ * k}; }
  friend constexpr quantity operator/(quantity a, double k) noexcept { return quantity{a.value_ / k}; }
  /// The ratio of two values of one dimension is a plain number.
  friend constexpr double operator/(quantity a, quantity b) noexcept { return a.value_ / b.value_; }
  friend constexpr auto operator<=>(quantity a, quantity b) noexcept = default;
  friend constexpr bool operator==(quantity a, quantity b) noexcept = default;

 private:
  double value_ = 0.0;
};

namespace unit {
struct usd {
  static constexpr std::string_view symbol = "USD";
};
struct seconds {
  static constexpr std::string_view symbol = "s";
};
struct megabytes {
  static constexpr std::string_view symbol = "MB";
};
struct gigabytes {
  static constexpr std::string_view symbol = "GB";
};
struct vcpu {
  static constexpr std::string_view symbol = "vCPU";
};
struct requests {
  static constexpr std::string_view symbol = "requests";
};
struct gb_seconds {
  static constexpr std::string_view symbol = "GB-s";
};
struct vcpu_seconds {
  static constexpr std::string_view symbol = "vCPU-s";
};
struct gb_hours {
  static constexpr std::string_view symbol = "GB-h";
};
struct vcpu_hours {
  static constexpr std::string_view symbol = "vCPU-h";
};
}  // namespace unit

using usd = quantity<unit::usd>;                    ///< money, US dollars
using seconds = quantity<unit::seconds>;            ///< time
using megabytes = quantity<unit::megabytes>;        ///< memory as configured (1 GB = 1024 MB)
using gigabytes = quantity<unit::gigabytes>;        ///< memory, 1024 MB
using vcpu = quantity<unit::vcpu>;                  ///< virtual CPUs
using requests = quantity<unit::requests>;          ///< a count of requests (expected counts may be fractional)
using gb_seconds = quantity<unit::gb_seconds>;      ///< memory × time, the unit functions are billed in
using vcpu_seconds = quantity<unit::vcpu_seconds>;  ///< CPU × time
using gb_hours = quantity<unit::gb_hours>;          ///< memory × time, the unit containers are billed in
using vcpu_hours = quantity<unit::vcpu_hours>;      ///< CPU × time

/// Seconds from milliseconds: `milliseconds(100) == seconds{0.1}`.
constexpr seconds milliseconds(double ms) noexcept { return seconds{ms / 1000.0}; }
/// Seconds from hours: `hours(730)` is the default one-month horizon.
constexpr seconds hours(double h) noexcept { return seconds{h * 3600.0}; }
constexpr double to_milliseconds(seconds s) noexcept { return s.value() * 1000.0; }
constexpr double to_hours(seconds s) noexcept { return s.value() / 3600.0; }

/// Every AWS and Azure formula takes 1 GB = 1024 MB.
constexpr gigabytes to_gigabytes(megabytes m) noexcept { return gigabytes{m.value() / 1024.0}; }
constexpr megabytes to_megabytes(gigabytes g) noexcept { return megabytes{g.value() * 1024.0}; }

constexpr gb_seconds operator*(gigabytes m, seconds t) noexcept { return gb_seconds{m.value() * t.value()}; }
constexpr gb_seconds operator*(seconds t, gigabytes m) noexcept { return m * t; }
constexpr gb_seconds operator*(megabytes m, seconds t) noexcept { return to_gigabytes(m) * t; }
constexpr gb_seconds operator*(seconds t, megabytes m) noexcept { return m * t; }
constexpr vcpu_seconds operator*(vcpu c, seconds t) noexcept { return vcpu_seconds{c.value() * t.value()}; }
constexpr vcpu_seconds operator*(seconds t, vcpu c) noexcept { return c * t; }
constexpr gb_hours to_gb_hours(gb_seconds x) noexcept { return gb_hours{x.value() / 3600.0}; }
constexpr vcpu_hours to_vcpu_hours(vcpu_seconds x) noexcept { return vcpu_hours{x.value() / 3600.0}; }

/// Dollars as whole cents, rounded half away from zero — what a bill shows:
/// `to_cents(usd{18.737}) == 1874`.
constexpr std::int64_t to_cents(usd x) noexcept { return detail::to_cents(x.value()); }

/// A unit price: dollars per one unit of `Q`. Only `Q` times `price<Q>` makes dollars.
///
/// ```cpp
/// constexpr price<requests> per_request{0.20 / 1e6};
/// static_assert(requests{1e6} * per_request == usd{0.20});
/// ```
template <class Q>
struct charge;

template <class Q>
struct price {
  double usd_per_unit = 0.0;
  friend constexpr charge<Q> operator*(Q q, price p) noexcept { return charge<Q>{q, p}; }
  friend constexpr charge<Q> operator*(price p, Q q) noexcept { return charge<Q>{q, p}; }
  friend constexpr price operator*(price p, double k) noexcept { return price{p.usd_per_unit * k}; }
  friend constexpr bool operator==(price, price) noexcept = default;
};

/// Dollars that remember what they bill: `quantity` of `Q` at `unit_price` (what `Q * price<Q>`
/// gives). It is a `usd` everywhere a `usd` is expected; a bill keeps the quantity and the price as
/// its line's (cost_breakdown::add), so that "compute $25.00" can read "1,500,000 GB-s × $0.0000166667".
///
/// ```cpp
/// constexpr auto c = gb_seconds{1.5e6} * price<gb_seconds>{0.0000166667};
/// static_assert(to_cents(c) == 2500 && c.quantity == gb_seconds{1.5e6});
/// ```
template <class Q>
struct charge : usd {
  Q quantity{};
  price<Q> unit_price{};
  constexpr charge(Q q, price<Q> p) noexcept : usd{q.value() * p.usd_per_unit}, quantity(q), unit_price(p) {}
};

}  // namespace runwise
