// SPDX-License-Identifier: MIT
#pragma once

// How a platform's run-time settings describe themselves. Every config has
//
//   template <class Self, class V> static void visit(Self& config, V& v);
//
// which calls, for each setting, one of
//
//   v.number(name, double&, lo, hi, unit)   a number in [lo, hi]
//   v.flag(name, bool&)                     a boolean
//   v.choice(name, E&, choice_table)        an enumeration with its spec names
//   v.object(name, [&](auto& sub) {...})    a nested object of settings
//   v.sheet(name, Sheet&)                   a price sheet (Sheet::fields lists its numbers)
//
// One description serves every reader and writer: the CLI's JSON reader (which rejects unknown
// fields), the catalog, and `range_check` below, which is how configs validate themselves. Nothing
// here depends on a JSON library.

#include <string>
#include <string_view>

#include "../core/choices.hpp"
#include "../core/detail/check.hpp"
#include "../core/detail/math.hpp"

namespace runwise {

/// A settings visitor that checks the current values against the declared ranges; throws
/// runwise::error naming `path.name` for the first value out of range. The path is spelled out only
/// for that error: a fleet validates a platform's settings once per function.
class range_check {
 public:
  explicit range_check(std::string path) : root_(std::move(path)) {}

  void number(std::string_view name, double x, double lo, double hi, const char* unit = "") const {
    if (!(detail::is_finite(x) && x >= lo && x <= hi)) detail::check_range(at(name), x, lo, hi, unit);
  }
  void flag(std::string_view, bool) const {}
  template <class E, std::size_t N>
  void choice(std::string_view name, E value, const pricing::choice_table<E, N>& table) const {
    if (pricing::name_of(table, value).empty()) fail_input(at(name), "is not one of the allowed values");
  }
  template <class F>
  void object(std::string_view name, F&& f) const {
    range_check sub(this, name);
    f(sub);
  }
  template <class Sheet>
  void sheet(std::string_view name, const Sheet& s) const {
    Sheet::fields(s, [&](std::string_view field, double value, std::string_view, const auto&) {
      if (!(detail::is_finite(value) && value >= 0))
        detail::check_non_negative(at(name) + "." + std::string(field), value);
    });
  }

 private:
  range_check(const range_check* parent, std::string_view name) : parent_(parent), name_(name) {}

  [[nodiscard]] std::string path() const { return parent_ ? parent_->at(name_) : root_; }
  [[nodiscard]] std::string at(std::string_view name) const {
    std::string p = path();
    return p.empty() ? std::string(name) : p + "." + std::string(name);
  }

  std::string root_;                     // the path of the outermost object
  const range_check* parent_ = nullptr;  // a nested object's: its parent and its name there
  std::string_view name_;
};

/// Validates `config` through its own description (`Config::visit`).
template <class Config>
void check_ranges(const Config& config, const std::string& path) {
  range_check v(path);
  Config::visit(config, v);
}

}  // namespace runwise
