// SPDX-License-Identifier: MIT
#pragma once

// `runwise catalog`: every platform with its settings' defaults and every price field with its
// value, unit, source and date — written through the same settings description the spec reader uses.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include <runwise/all.hpp>

namespace runwise_cli {

/// Writes a config's defaults (settings visitor protocol) into a JSON object.
class json_defaults {
 public:
  explicit json_defaults(nlohmann::json& out, std::string today) : out_(out), today_(std::move(today)) {}

  void number(std::string_view name, double x, double lo, double hi, const char* unit = "") {
    out_["settings"][std::string(name)] = {{"default", x}, {"min", lo}, {"max", hi}, {"unit", trim(unit)}};
  }
  void flag(std::string_view name, bool b) { out_["settings"][std::string(name)] = {{"default", b}}; }
  template <class E, std::size_t N>
  void choice(std::string_view name, E e, const runwise::pricing::choice_table<E, N>& table) {
    std::vector<std::string> allowed;
    for (const auto& [text, value] : table) allowed.emplace_back(text);
    out_["settings"][std::string(name)] = {{"default", std::string(runwise::pricing::name_of(table, e))},
                                           {"allowed", allowed}};
  }
  template <class F>
  void object(std::string_view name, F&& f) {
    nlohmann::json sub;
    json_defaults inner(sub, today_);
    f(inner);
    out_["settings"][std::string(name)] = sub["settings"];
  }
  /// The platform's own sheet is `prices`; the others (front doors) keep their setting's name.
  template <class Sheet>
  void sheet(std::string_view name, const Sheet& s) {
    if (name == "prices") {
      out_["as_of"] = std::string(s.as_of);
      out_["stale"] = runwise::pricing::is_stale(s.as_of, today_);
    }
    Sheet::fields(
        s, [&](std::string_view field, double value, std::string_view unit, const runwise::pricing::source& src) {
          out_[std::string(name)][std::string(field)] = {{"value", value},
                                                         {"unit", std::string(unit)},
                                                         {"source", std::string(src.url)},
                                                         {"confidence", std::string(1, src.confidence)},
                                                         {"as_of", std::string(s.as_of)}};
        });
  }

 private:
  static std::string trim(const char* unit) {
    std::string u = unit;
    return u.empty() || u[0] != ' ' ? u : u.substr(1);
  }
  nlohmann::json& out_;
  std::string today_;
};

template <class Registry = runwise::catalog_registry>
nlohmann::json catalog_json(const std::string& today) {
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < Registry::size; ++i)
    Registry::visit(i, [&]<class P>() {
      nlohmann::json p{{"id", std::string(P::id)}, {"kind", runwise::to_string(P::kind)}};
      json_defaults writer(p, today);
      const typename P::config defaults{};
      P::config::visit(defaults, writer);
      list.push_back(std::move(p));
    });
  return {{"runwise", std::string(runwise::version)}, {"today", today}, {"platforms", list}};
}

inline std::string catalog_text(const nlohmann::json& catalog) {
  std::string out = "runwise " + catalog["runwise"].get<std::string>() + " catalog (today " +
                    catalog["today"].get<std::string>() + ")\n";
  for (const auto& p : catalog["platforms"]) {
    out += "\n" + p["id"].get<std::string>() + " (" + p["kind"].get<std::string>() + "), ";
    if (!p.contains("as_of")) {  // a platform of the user's own (examples/own_cli): its rates are settings
      out += "no price sheet (its rates are among its settings)\n";
      continue;
    }
    out += "prices as of " + p["as_of"].get<std::string>() +
           (p["stale"].get<bool>() ? "  WARNING: older than a year" : "") + "\n";
    std::vector<std::string> sheets{"prices"};  // the platform's own first, then its front doors'
    for (const auto& [key, value] : p.items())
      if (key != "prices" && key.size() > 7 && key.compare(key.size() - 7, 7, "_prices") == 0) sheets.push_back(key);
    for (const auto& sheet : sheets) {
      if (sheet != "prices") out += "  " + sheet + ":\n";
      for (const auto& [name, f] : p[sheet].items()) {
        out += "  " + name + std::string(name.size() < 40 ? 40 - name.size() : 1, ' ') +
               runwise::detail::format_number(f["value"].get<double>()) + "  " +
               f["unit"].get<std::string>() + "  [" + f["confidence"].get<std::string>() + "] " +
               f["source"].get<std::string>() + "\n";
      }
    }
  }
  return out;
}

}  // namespace runwise_cli
