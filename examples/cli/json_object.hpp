// SPDX-License-Identifier: MIT
#pragma once

// Reading one JSON object field by field, with the JSON path in every error and unknown fields
// rejected (so a typo such as "memroy_mb" is an error, not a silently ignored setting).

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <runwise/core/error.hpp>

namespace runwise_cli {

inline std::string type_name(const nlohmann::json& j) {
  if (j.is_number()) return "a number";
  if (j.is_boolean()) return "a boolean";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  if (j.is_object()) return "an object";
  return "null";
}

/// Levenshtein distance, for "did you mean" hints.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

/// Whether `typo` is close enough to `name` to suggest it: at most two edits, or a quarter of the
/// longer name's length ("per_gb_sec" for "per_gb_second" is three edits in thirteen letters), or
/// the start of it ("per_gb" for "per_gb_second"). Returns the distance, or nullopt when not close.
inline std::optional<std::size_t> closeness(std::string_view typo, std::string_view name) {
  const std::size_t d = edit_distance(typo, name);
  if (d <= 2 || 4 * d <= std::max(typo.size(), name.size())) return d;
  if (typo.size() >= 4 && name.substr(0, typo.size()) == typo) return d;
  return std::nullopt;
}

class json_object {
 public:
  json_object(const nlohmann::json& j, std::string path) : j_(j), path_(std::move(path)) {
    if (!j_.is_object()) runwise::fail_input(path_.empty() ? "spec" : path_, "must be an object, got " + type_name(j_));
  }

  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] std::string at(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  /// The raw member `key`, marking it as known; nullptr when absent.
  const nlohmann::json* find(std::string_view key) {
    known_.insert(std::string(key));
    auto it = j_.find(std::string(key));
    return it == j_.end() ? nullptr : &*it;
  }
  [[nodiscard]] bool has(std::string_view key) const { return j_.contains(std::string(key)); }

  std::optional<double> number(std::string_view key) {
    const auto* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_number()) runwise::fail_input(at(key), "must be a number, got " + type_name(*v));
    const double x = v->get<double>();
    if (!std::isfinite(x)) runwise::fail_input(at(key), "must be a finite number");
    return x;
  }
  double required_number(std::string_view key) {
    if (auto x = number(key)) return *x;
    fail_missing({key}, "is required");
  }

  /// For a required member that is absent (one of `keys`): when a member that nothing asked for is
  /// close to one of them, the error names that member as the typo it likely is; otherwise it is
  /// `message` at `where` (default: the key, for one; this object, for a choice of several).
  [[noreturn]] void fail_missing(std::initializer_list<std::string_view> keys, const std::string& message,
                                 const std::string& where = {}) const {
    std::optional<std::size_t> best;
    std::string typo, meant;
    for (auto it = j_.begin(); it != j_.end(); ++it) {
      if (known_.count(it.key())) continue;
      for (const auto k : keys)
        if (const auto d = closeness(it.key(), k); d && (!best || *d < *best)) {
          best = d;
          typo = it.key();
          meant = std::string(k);
        }
    }
    if (best)
      runwise::fail_input(at(typo), "unknown field (did you mean \"" + meant + "\"?)" +
                                        (keys.size() == 1 ? ", and " + meant + " is missing" : "; " + message));
    runwise::fail_input(!where.empty() ? where : keys.size() == 1 ? at(*keys.begin()) : path_, message);
  }
  std::optional<bool> boolean(std::string_view key) {
    const auto* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) runwise::fail_input(at(key), "must be true or false, got " + type_name(*v));
    return v->get<bool>();
  }
  std::optional<std::string> string(std::string_view key) {
    const auto* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) runwise::fail_input(at(key), "must be a string, got " + type_name(*v));
    return v->get<std::string>();
  }
  /// Member `key` as an object (nullopt when absent).
  std::optional<json_object> object(std::string_view key) {
    const auto* v = find(key);
    if (!v) return std::nullopt;
    return json_object(*v, at(key));
  }

  /// Rejects every member that was never asked for, suggesting the closest known name.
  void finish() const {
    for (auto it = j_.begin(); it != j_.end(); ++it) {
      if (known_.count(it.key())) continue;
      std::string hint;
      std::optional<std::size_t> best;
      for (const auto& k : known_)
        if (const auto d = closeness(it.key(), k); d && (!best || *d < *best)) {
          best = d;
          hint = " (did you mean \"" + k + "\"?)";
        }
      runwise::fail_input(at(it.key()), "unknown field" + hint);
    }
  }

 private:
  const nlohmann::json& j_;
  std::string path_;
  std::set<std::string> known_;
};

}  // namespace runwise_cli
