// SPDX-License-Identifier: MIT
#pragma once

// Fleet mode's joins (docs/traces.md): what a 2019 trace's durations and memory files give each
// function of its invocations file, and how many functions each matched — nothing defaulted or
// dropped without a word.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "../core/error.hpp"
#include "azure_2019_durations.hpp"
#include "azure_2019_memory.hpp"
#include "fleet_memory.hpp"

namespace runwise::trace {

/// One function's duration and memory, and where each came from.
struct azure_2019_sizing {
  double duration_ms = 100;
  double memory_mb = 128;
  std::string_view duration_source = "default";  ///< "durations" (the file's Average) or "default"
  std::string_view memory_source = "default";    ///< "memory" (the file's pct99, rounded up) or "default"
};

/// The joins of fleet mode: durations on (owner, app, function); memory per function when the
/// memory file has HashFunction, else per app. A key given twice in one file, or a function twice
/// in the invocations file, is an error naming both lines; a given file that matches no function
/// is an error at the end (`finish`), since every function would be priced on defaults.
///
/// ```cpp
/// runwise::trace::azure_2019_join join("durations.csv", "memory.csv");   // "" for a file not given
/// auto sizing = join.find(row.owner, row.app, row.function, row.line, "invocations.csv");
/// join.finish();
/// ```
class azure_2019_join {
 public:
  static constexpr double default_duration_ms = 100;
  static constexpr double default_memory_mb = 128;

  azure_2019_join(std::string durations, std::string memory)
      : durations_file_(std::move(durations)), memory_file_(std::move(memory)) {
    if (!durations_file_.empty())
      read_azure_2019_durations(durations_file_, [&](const auto& r) {
        add(durations_, key_of(r.owner, r.app, r.function), r.average_ms, r.line, durations_file_,
            "function " + std::string(r.function) + " of app " + std::string(r.app));
      });
    if (!memory_file_.empty()) {
      auto reader = azure_2019_memory_reader::open(memory_file_);
      memory_per_function_ = reader.per_function();
      azure_2019_memory_row r;
      while (reader.next(r))
        add(memory_, key_of(r.owner, r.app, memory_per_function_ ? r.function : std::string_view{}), r.pct99_mb(),
            r.line, memory_file_,
            memory_per_function_ ? "function " + std::string(r.function) + " of app " + std::string(r.app)
                                 : "app " + std::string(r.app));
    }
  }

  /// The sizing of the function on `line` of the invocations file; throws when the same function
  /// was on an earlier line.
  azure_2019_sizing find(std::string_view owner, std::string_view app, std::string_view function, std::size_t line,
                         const std::string& invocations) {
    const std::string key = key_of(owner, app, function);
    // Functions seen are remembered by a 64-bit hash of their key (16 bytes each, not the key's
    // ~200): two different functions share a hash with probability about n² / 3.7e19.
    const auto [seen, fresh] = seen_.emplace(std::hash<std::string>{}(key), line);
    if (!fresh)
      fail_input(invocations + ":" + std::to_string(line),
                 "function " + std::string(function) + " of app " + std::string(app) + " is also on line " +
                     std::to_string(seen->second) +
                     "; each function may appear once (merge its counts, or split the file by day)");
    ++functions_;
    azure_2019_sizing s;
    if (auto it = durations_.find(key); it != durations_.end()) {
      s.duration_ms = it->second.value;
      s.duration_source = "durations";
      ++durations_matched_;
    }
    if (!memory_file_.empty()) {
      const auto it = memory_.find(memory_per_function_ ? key : key_of(owner, app));
      if (it != memory_.end()) {
        s.memory_mb = fleet_memory_mb(it->second.value);
        s.memory_source = "memory";
        ++memory_matched_;
      }
    }
    return s;
  }

  /// Throws when a given file matched none of the functions read.
  void finish() const {
    if (functions_ == 0) return;
    auto none = [&](const std::string& file, const char* joined_on) {
      fail_input(file, "matches none of the " + std::to_string(functions_) +
                           " functions of the invocations file (joined on " + joined_on +
                           "): is it another day's or another sample's file?");
    };
    if (!durations_file_.empty() && durations_matched_ == 0) none(durations_file_, "HashOwner, HashApp, HashFunction");
    if (!memory_file_.empty() && memory_matched_ == 0)
      none(memory_file_, memory_per_function_ ? "HashOwner, HashApp, HashFunction" : "HashOwner, HashApp");
  }

  [[nodiscard]] std::size_t functions() const noexcept { return functions_; }
  [[nodiscard]] std::size_t durations_matched() const noexcept { return durations_matched_; }
  [[nodiscard]] std::size_t memory_matched() const noexcept { return memory_matched_; }
  [[nodiscard]] const std::string& durations_file() const noexcept { return durations_file_; }
  [[nodiscard]] const std::string& memory_file() const noexcept { return memory_file_; }
  [[nodiscard]] bool memory_per_function() const noexcept { return memory_per_function_; }

 private:
  struct entry {
    double value;
    std::size_t line;
  };
  using table = std::unordered_map<std::string, entry>;

  static std::string key_of(std::string_view owner, std::string_view app, std::string_view function = {}) {
    std::string k;
    k.reserve(owner.size() + app.size() + function.size() + 2);
    k.append(owner).push_back('\x1f');
    k.append(app).push_back('\x1f');
    k.append(function);
    return k;
  }

  static void add(table& t, std::string key, double value, std::size_t line, const std::string& file,
                  const std::string& what) {
    const auto [it, fresh] = t.emplace(std::move(key), entry{value, line});
    if (!fresh)
      fail_input(file + ":" + std::to_string(line),
                 what + " is also on line " + std::to_string(it->second.line) + "; give it once");
  }

  std::string durations_file_, memory_file_;
  table durations_, memory_;
  bool memory_per_function_ = false;
  std::unordered_map<std::size_t, std::size_t> seen_;  // hash of a function's key -> its line
  std::size_t functions_ = 0, durations_matched_ = 0, memory_matched_ = 0;
};

}  // namespace runwise::trace
