// SPDX-License-Identifier: MIT
#pragma once

// Fills a platform's settings from its JSON object through the settings visitor protocol of
// runwise/platform/settings.hpp. Types are checked here; ranges by the config's own validate().

#include <string>

#include <runwise/core/detail/check.hpp>

#include <runwise/core/choices.hpp>

#include "json_object.hpp"

namespace runwise_cli {

class json_settings {
 public:
  /// The largest price override accepted (USD per unit); the dearest published unit price is an
  /// instance-hour of a few hundred dollars.
  static constexpr double max_unit_price_usd = 1e6;

  explicit json_settings(json_object& obj) : obj_(obj) {}

  void number(std::string_view name, double& x, double, double, const char* = "") {
    if (auto v = obj_.number(name)) x = *v;
  }
  void flag(std::string_view name, bool& b) {
    if (auto v = obj_.boolean(name)) b = *v;
  }
  template <class E, std::size_t N>
  void choice(std::string_view name, E& e, const runwise::pricing::choice_table<E, N>& table) {
    const auto v = obj_.string(name);
    if (!v) return;
    std::string allowed;
    for (const auto& [text, value] : table) {
      if (text == *v) {
        e = value;
        return;
      }
      allowed += (allowed.empty() ? "" : ", ") + std::string(text);
    }
    runwise::fail_input(obj_.at(name), "must be one of " + allowed + ", got \"" + *v + "\"");
  }
  template <class F>
  void object(std::string_view name, F&& f) {
    if (auto sub = obj_.object(name)) {
      json_settings inner(*sub);
      f(inner);
      sub->finish();
    }
  }
  template <class Sheet>
  void sheet(std::string_view name, Sheet& s) {
    if (auto sub = obj_.object(name)) {
      Sheet::fields(s, [&](std::string_view field, double& value, std::string_view unit, const auto&) {
        if (auto v = sub->number(field)) {
          // A price above $1,000,000 a unit is a slip (a unit or an exponent), and 1e308 would
          // overflow a bill: name the price, not the workload whose cost overflowed.
          runwise::detail::check_non_negative(sub->at(field), *v);
          if (unit.starts_with("USD") && *v > max_unit_price_usd)
            runwise::fail_input(sub->at(field), "must be at most 1000000 (" + std::string(unit) + "), got " +
                                                    runwise::detail::format_number(*v));
          value = *v;
        }
      });
      sub->finish();
    }
  }

 private:
  json_object& obj_;
};

}  // namespace runwise_cli
