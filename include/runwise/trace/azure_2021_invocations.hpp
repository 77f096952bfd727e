// SPDX-License-Identifier: MIT
#pragma once

// Reader for the Azure Functions Invocation Trace 2021 (AzureFunctionsInvocationTrace2021):
// one row per invocation, `app,func,end_timestamp,duration`, times in seconds from the start of
// the trace; an invocation started at end_timestamp − duration.
// Source: Y. Zhang et al., "Faster and Cheaper Serverless Computing on Harvested Resources",
// SOSP 2021; dataset by Microsoft, CC BY 4.0.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../core/detail/csv.hpp"

namespace runwise::trace {

/// One invocation. Views are valid until the reader's next call.
struct azure_2021_invocation {
  std::string_view app, function;  ///< app, func (hashed ids)
  double end_s = 0;                ///< end_timestamp
  double duration_s = 0;           ///< duration
  std::size_t line = 0;

  /// When the invocation started: end_timestamp − duration.
  [[nodiscard]] constexpr double start_s() const noexcept { return end_s - duration_s; }
};

/// Streams a 2021 invocation file. Columns are found by name; a missing column, a row with
/// another number of columns, a timestamp that is not a number, or a negative duration throws
/// runwise::error naming `file:line` and the column.
///
/// ```cpp
/// auto reader = runwise::trace::azure_2021_reader::open("Azure2021_200.csv");
/// runwise::trace::azure_2021_invocation call;
/// while (reader.next(call)) busy_s += call.duration_s;
/// ```
class azure_2021_reader {
 public:
  explicit azure_2021_reader(detail::line_source source) : source_(std::move(source)) {
    std::vector<std::string_view> header;
    index_ = detail::read_header(source_, names, header);
    columns_ = header.size();
  }
  static azure_2021_reader open(const std::string& path) { return azure_2021_reader(detail::line_source::open(path)); }

  bool next(azure_2021_invocation& call) {
    if (!detail::next_row(source_, fields_, columns_, "app,func,end_timestamp,duration")) return false;
    call.app = fields_[index_[0]];
    call.function = fields_[index_[1]];
    call.end_s = detail::parse_number(fields_[index_[2]], source_, names[2]);
    call.duration_s = detail::parse_non_negative(fields_[index_[3]], source_, names[3]);
    call.line = source_.line_number();
    return true;
  }

  static constexpr std::array<std::string_view, 4> names{"app", "func", "end_timestamp", "duration"};

 private:
  detail::line_source source_;
  std::size_t columns_ = 0;
  std::vector<std::string_view> fields_;
  std::array<std::size_t, 4> index_{};
};

/// Calls `on_call(const azure_2021_invocation&)` for every row of the file at `path`; returns the
/// number of invocations.
///
/// ```cpp
/// runwise::trace::read_azure_2021("Azure2021_200.csv", [&](const auto& call) { ... });
/// ```
template <class F>
std::size_t read_azure_2021(const std::string& path, F&& on_call) {
  return detail::read_rows<azure_2021_invocation>(azure_2021_reader::open(path), on_call);
}

}  // namespace runwise::trace
