// SPDX-License-Identifier: MIT
#pragma once
// fleet: what the durations and memory files give each function of the invocations file, and how
// many functions each matched — nothing defaulted or dropped without a word (docs/traces.md).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <runwise/all.hpp>

namespace runwise_cli {

inline std::string fleet_key(std::string_view owner, std::string_view app, std::string_view function = {}) {
  std::string k;
  k.reserve(owner.size() + app.size() + function.size() + 2);
  k.append(owner).push_back('\x1f');
  k.append(app).push_back('\x1f');
  k.append(function);
  return k;
}

/// One function's duration and memory, and where each came from.
struct fleet_sizing {
  double duration_ms = 100;
  double memory_mb = 128;
  std::string_view duration_source = "default";  ///< "durations" (the file's Average) or "default"
  std::string_view memory_source = "default";    ///< "memory" (the file's pct99, rounded up) or "default"
};

/// The joins of `runwise fleet` (README.md, "The CLI"): durations on (owner, app, function); memory per function when
/// the memory file has HashFunction, else per app. A key given twice in one file, or a function
/// twice in the invocations file, is an error naming both lines; a given file that matches no
/// function is an error at the end (`finish`), since every function would be priced on defaults.
class fleet_join {
 public:
  static constexpr double default_duration_ms = 100;
  static constexpr double default_memory_mb = 128;

  fleet_join(std::string durations, std::string memory)
      : durations_file_(std::move(durations)), memory_file_(std::move(memory)) {
    if (!durations_file_.empty())
      runwise::trace::read_azure_2019_durations(durations_file_, [&](const auto& r) {
        add(durations_, fleet_key(r.owner, r.app, r.function), r.average_ms, r.line, durations_file_,
            "function " + std::string(r.function) + " of app " + std::string(r.app));
      });
    if (!memory_file_.empty()) {
      auto reader = runwise::trace::azure_2019_memory_reader::open(memory_file_);
      memory_per_function_ = reader.per_function();
      runwise::trace::azure_2019_memory_row r;
      while (reader.next(r))
        add(memory_, fleet_key(r.owner, r.app, memory_per_function_ ? r.function : std::string_view{}), r.pct99_mb(),
            r.line, memory_file_,
            memory_per_function_ ? "function " + std::string(r.function) + " of app " + std::string(r.app)
                                 : "app " + std::string(r.app));
    }
  }

  /// The sizing of the function on `line` of the invocations file; throws when the same function
  /// was on an earlier line.
  fleet_sizing find(std::string_view owner, std::string_view app, std::string_view function, std::size_t line,
                    const std::string& invocations) {
    const std::string key = fleet_key(owner, app, function);
    // Functions seen are remembered by a 64-bit hash of their key (16 bytes each, not the key's
    // ~200): two different functions share a hash with probability about n² / 3.7e19.
    const auto [seen, fresh] = seen_.emplace(std::hash<std::string>{}(key), line);
    if (!fresh)
      runwise::fail_input(invocations + ":" + std::to_string(line),
                          "function " + std::string(function) + " of app " + std::string(app) +
                              " is also on line " + std::to_string(seen->second) +
                              "; each function may appear once (merge its counts, or split the file by day)");
    ++functions_;
    fleet_sizing s;
    if (auto it = durations_.find(key); it != durations_.end()) {
      s.duration_ms = it->second.value;
      s.duration_source = "durations";
      ++durations_matched_;
    }
    if (!memory_file_.empty()) {
      const auto it = memory_.find(memory_per_function_ ? key : fleet_key(owner, app));
      if (it != memory_.end()) {
        s.memory_mb = runwise::analyze::fleet_memory_mb(it->second.value);
        s.memory_source = "memory";
        ++memory_matched_;
      }
    }
    return s;
  }

  /// Throws when a given file matched none of the functions read.
  void finish() const {
    if (functions_ == 0) return;
    if (!durations_file_.empty() && durations_matched_ == 0)
      runwise::fail_input(durations_file_, "matches none of the " + std::to_string(functions_) +
                                               " functions of the invocations file (joined on HashOwner, HashApp, "
                                               "HashFunction): is it another day's or another sample's file?");
    if (!memory_file_.empty() && memory_matched_ == 0)
      runwise::fail_input(memory_file_, "matches none of the " + std::to_string(functions_) +
                                            " functions of the invocations file (joined on " +
                                            (memory_per_function_ ? "HashOwner, HashApp, HashFunction"
                                                                  : "HashOwner, HashApp") +
                                            "): is it another day's or another sample's file?");
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

  static void add(table& t, std::string key, double value, std::size_t line, const std::string& file,
                  const std::string& what) {
    const auto [it, fresh] = t.emplace(std::move(key), entry{value, line});
    if (!fresh)
      runwise::fail_input(file + ":" + std::to_string(line), what + " is also on line " +
                                                                 std::to_string(it->second.line) + "; give it once");
  }

  std::string durations_file_, memory_file_;
  table durations_, memory_;
  bool memory_per_function_ = false;
  std::unordered_map<std::size_t, std::size_t> seen_;  // hash of a function's key -> its line
  std::size_t functions_ = 0, durations_matched_ = 0, memory_matched_ = 0;
};

/// The summary's `durations` and `memory` objects: the file (null when none was given), how many
/// functions it sized and how many took the default.
inline void write_join(runwise::report::json_writer& j, const fleet_join& join) {
  auto side = [&](const char* name, const std::string& file, std::size_t matched, const char* default_name,
                  double default_value) {
    j.key(name).begin_object();
    if (file.empty())
      j.member("file", nullptr);
    else
      j.member("file", file);
    j.member("functions_matched", matched)
        .member("functions_defaulted", join.functions() - matched)
        .member(default_name, default_value);
    if (std::string_view(name) == "memory" && !file.empty())
      j.member("joined_per", join.memory_per_function() ? "function" : "app");
    j.end_object();
  };
  side("durations", join.durations_file(), join.durations_matched(), "default_ms", fleet_join::default_duration_ms);
  side("memory", join.memory_file(), join.memory_matched(), "default_mb", fleet_join::default_memory_mb);
}

/// The text summary's lines on the joins: "durations: 9,990 of 10,000 functions from FILE; 10 at
/// the default 100 ms".
inline std::string join_text(const fleet_join& join) {
  using runwise::detail::format_count;
  auto side = [&](const char* name, const std::string& file, std::size_t matched, const std::string& fallback) {
    const std::size_t defaulted = join.functions() - matched;
    if (file.empty())
      return std::string(name) + ": no file given; every function at " + fallback + "\n";
    std::string t = std::string(name) + ": " + format_count(static_cast<double>(matched)) + " of " +
                    format_count(static_cast<double>(join.functions())) + " functions from " + file;
    if (defaulted) t += "; " + format_count(static_cast<double>(defaulted)) + " at the default " + fallback;
    return t + "\n";
  };
  return side("durations", join.durations_file(), join.durations_matched(), "100 ms") +
         side("memory", join.memory_file(), join.memory_matched(), "128 MB");
}

}  // namespace runwise_cli
