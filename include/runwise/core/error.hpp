// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace runwise {

/// What kind of failure an error is; the CLI maps it to its exit code.
enum class errc {
  invalid_input = 2,  ///< bad value, unknown field, malformed file: the caller's data is wrong
  internal = 1,       ///< a bug or an unexpected failure
  infeasible = 3,     ///< valid input, but no selected option can run the workload (CLI exit code 1)
  io = 4,             ///< an output could not be written (CLI exit code 1)
};

/// The CLI's exit code for an error: 2 for invalid input, 1 for anything else (README.md, "The CLI").
constexpr int exit_code(errc code) noexcept { return code == errc::invalid_input ? 2 : 1; }

/// The one exception type of runwise. It names *where* the bad input is — a JSON-like
/// path (`workload.memory_mb`) or `file:line` — so that a message can point at it.
///
/// ```cpp
/// try { w.validate(); }
/// catch (const runwise::error& e) { std::cerr << "error: " << e.what() << '\n'; }
/// // error: workload.memory_mb: must be at least 1 MB, got -5
/// ```
class error : public std::runtime_error {
 public:
  error(errc code, std::string where, const std::string& message)
      : std::runtime_error(where.empty() ? message : where + ": " + message), code_(code), where_(std::move(where)) {}

  [[nodiscard]] errc code() const noexcept { return code_; }
  /// The path or `file:line` the error is about (may be empty).
  [[nodiscard]] const std::string& where() const noexcept { return where_; }

 private:
  errc code_;
  std::string where_;
};

/// Throws `error(errc::invalid_input, where, message)`.
[[noreturn]] inline void fail_input(std::string where, const std::string& message) {
  throw error(errc::invalid_input, std::move(where), message);
}

}  // namespace runwise
