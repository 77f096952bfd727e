// SPDX-License-Identifier: MIT
#pragma once

// Reader for the allocated-memory percentiles of the Azure Functions Trace 2019
// (app_memory_percentiles.anon.dNN.csv). The original file is per *app*:
// `HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,_pct5,_pct25,_pct50,_pct75,_pct95,_pct99,_pct100`.
// Some published samples (e.g. vhive-serverless/invitro's 500-function sample) are per *function*,
// with an extra `HashFunction` column; the reader detects which by the header.
// Source: M. Shahrad et al., USENIX ATC 2020; dataset by Microsoft, CC BY 4.0.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../core/detail/csv.hpp"

namespace runwise::trace {

/// One app's (or function's) allocated memory. Views are valid until the reader's next call.
struct azure_2019_memory_row {
  /// The percentile of each entry of `percentile_mb`.
  static constexpr std::array<double, 8> levels{1, 5, 25, 50, 75, 95, 99, 100};

  std::string_view owner, app;            ///< HashOwner, HashApp
  std::string_view function;              ///< HashFunction; empty in a per-app file
  double sample_count = 0;                ///< SampleCount
  double average_mb = 0;                  ///< AverageAllocatedMb
  std::array<double, 8> percentile_mb{};  ///< AverageAllocatedMb_pct{1,5,25,50,75,95,99,100}
  std::size_t line = 0;

  /// AverageAllocatedMb_pct99: the figure the CLI's `fleet` sizes memory from.
  [[nodiscard]] double pct99_mb() const noexcept { return percentile_mb[6]; }
};

/// Streams a 2019 memory file, per app or per function (`per_function()`, from the header).
/// Columns are found by name; a missing column, a row with another number of columns, or a value
/// that is not a non-negative number throws runwise::error naming `file:line` and the column.
///
/// ```cpp
/// auto reader = runwise::trace::azure_2019_memory_reader::open("memory.csv");
/// runwise::trace::azure_2019_memory_row row;
/// while (reader.next(row)) use(reader.per_function() ? row.function : row.app, row.pct99_mb());
/// ```
class azure_2019_memory_reader {
 public:
  explicit azure_2019_memory_reader(detail::line_source source) : source_(std::move(source)) {
    std::vector<std::string_view> header;
    index_ = detail::read_header(source_, names, header);
    columns_ = header.size();
    function_index_ = detail::column_index(header, "HashFunction");
  }
  static azure_2019_memory_reader open(const std::string& path) {
    return azure_2019_memory_reader(detail::line_source::open(path));
  }

  /// True when the file has a HashFunction column (memory per function, not per app).
  [[nodiscard]] bool per_function() const noexcept { return function_index_ != static_cast<std::size_t>(-1); }

  bool next(azure_2019_memory_row& row) {
    if (!detail::next_row(source_, fields_, columns_, "as in the header")) return false;
    auto number = [&](std::size_t k) { return detail::parse_non_negative(fields_[index_[k]], source_, names[k]); };
    row.owner = fields_[index_[0]];
    row.app = fields_[index_[1]];
    row.function = per_function() ? fields_[function_index_] : std::string_view{};
    row.sample_count = number(2);
    row.average_mb = number(3);
    for (std::size_t p = 0; p < row.percentile_mb.size(); ++p) row.percentile_mb[p] = number(4 + p);
    row.line = source_.line_number();
    return true;
  }

  /// The columns every memory file has (HashFunction is optional).
  static constexpr std::array<std::string_view, 12> names{"HashOwner",
                                                          "HashApp",
                                                          "SampleCount",
                                                          "AverageAllocatedMb",
                                                          "AverageAllocatedMb_pct1",
                                                          "AverageAllocatedMb_pct5",
                                                          "AverageAllocatedMb_pct25",
                                                          "AverageAllocatedMb_pct50",
                                                          "AverageAllocatedMb_pct75",
                                                          "AverageAllocatedMb_pct95",
                                                          "AverageAllocatedMb_pct99",
                                                          "AverageAllocatedMb_pct100"};

 private:
  detail::line_source source_;
  std::size_t columns_ = 0;
  std::vector<std::string_view> fields_;
  std::array<std::size_t, 12> index_{};
  std::size_t function_index_ = static_cast<std::size_t>(-1);
};

/// Calls `on_row(const azure_2019_memory_row&)` for every row of the file at `path`; returns the
/// number of rows.
///
/// ```cpp
/// runwise::trace::read_azure_2019_memory("memory.csv", [&](const auto& row) { ... });
/// ```
template <class F>
std::size_t read_azure_2019_memory(const std::string& path, F&& on_row) {
  return detail::read_rows<azure_2019_memory_row>(azure_2019_memory_reader::open(path), on_row);
}

}  // namespace runwise::trace
