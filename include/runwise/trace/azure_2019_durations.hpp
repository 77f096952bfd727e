// SPDX-License-Identifier: MIT
#pragma once

// Reader for the execution-time percentiles of the Azure Functions Trace 2019
// (function_durations_percentiles.anon.dNN.csv): per function and day,
// `HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,_1,_25,_50,_75,_99,_100`,
// in milliseconds. The percentiles are of 30-second averages, not of single invocations
// (AzureFunctionsDataset2019.md), so they understate the spread of individual durations.
// Source: M. Shahrad et al., USENIX ATC 2020; dataset by Microsoft, CC BY 4.0.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../core/detail/csv.hpp"
#include "../workload/duration_fit.hpp"

namespace runwise::trace {

/// One function's durations of one day. Views are valid until the reader's next call.
struct azure_2019_duration_row {
  /// The percentile of each entry of `percentile_ms`.
  static constexpr std::array<double, 7> levels{0, 1, 25, 50, 75, 99, 100};

  std::string_view owner, app, function;  ///< HashOwner, HashApp, HashFunction
  double average_ms = 0;                  ///< Average
  double count = 0;                       ///< Count: invocations that day
  double minimum_ms = 0, maximum_ms = 0;  ///< Minimum, Maximum
  std::array<double, 7> percentile_ms{};  ///< percentile_Average_{0,1,25,50,75,99,100}
  std::size_t line = 0;
};

/// Streams a 2019 durations file. Columns are found by their header names (any order; extra
/// columns are ignored); a missing column, a row with another number of columns, or a value that
/// is not a non-negative number throws runwise::error naming `file:line` and the column.
///
/// ```cpp
/// auto reader = runwise::trace::azure_2019_durations_reader::open("durations.csv");
/// runwise::trace::azure_2019_duration_row row;
/// while (reader.next(row)) use(row.function, row.average_ms);
/// ```
class azure_2019_durations_reader {
 public:
  explicit azure_2019_durations_reader(detail::line_source source) : source_(std::move(source)) {
    std::vector<std::string_view> header;
    index_ = detail::read_header(source_, names, header);
    columns_ = header.size();
  }
  static azure_2019_durations_reader open(const std::string& path) {
    return azure_2019_durations_reader(detail::line_source::open(path));
  }

  bool next(azure_2019_duration_row& row) {
    if (!detail::next_row(source_, fields_, columns_, "as in the header")) return false;
    auto number = [&](std::size_t k) { return detail::parse_non_negative(fields_[index_[k]], source_, names[k]); };
    row.owner = fields_[index_[0]];
    row.app = fields_[index_[1]];
    row.function = fields_[index_[2]];
    row.average_ms = number(3);
    row.count = number(4);
    row.minimum_ms = number(5);
    row.maximum_ms = number(6);
    for (std::size_t p = 0; p < row.percentile_ms.size(); ++p) row.percentile_ms[p] = number(7 + p);
    row.line = source_.line_number();
    return true;
  }

  /// The columns this reader needs, in the order of the original files.
  static constexpr std::array<std::string_view, 14> names{"HashOwner",
                                                          "HashApp",
                                                          "HashFunction",
                                                          "Average",
                                                          "Count",
                                                          "Minimum",
                                                          "Maximum",
                                                          "percentile_Average_0",
                                                          "percentile_Average_1",
                                                          "percentile_Average_25",
                                                          "percentile_Average_50",
                                                          "percentile_Average_75",
                                                          "percentile_Average_99",
                                                          "percentile_Average_100"};

 private:
  detail::line_source source_;
  std::size_t columns_ = 0;
  std::vector<std::string_view> fields_;
  std::array<std::size_t, 14> index_{};
};

/// Calls `on_row(const azure_2019_duration_row&)` for every row of the file at `path`; returns
/// the number of rows.
///
/// ```cpp
/// runwise::trace::read_azure_2019_durations("durations.csv", [&](const auto& row) { ... });
/// ```
template <class F>
std::size_t read_azure_2019_durations(const std::string& path, F&& on_row) {
  return detail::read_rows<azure_2019_duration_row>(azure_2019_durations_reader::open(path), on_row);
}

/// A log-normal fitted to a row's interior percentiles (1, 25, 50, 75, 99; zeros are skipped, as a
/// log-normal has none). The trace's percentiles are of 30-second averages, so the fit is narrower
/// than single invocations are. Throws runwise::error naming `where` when fewer than two usable
/// percentiles remain; use `average_ms` with a duration_model then.
///
/// ```cpp
/// runwise::lognormal_duration d = runwise::trace::fit_lognormal(row);
/// runwise::seconds billed = d.expected_billed(runwise::milliseconds(1), runwise::milliseconds(100));
/// ```
inline lognormal_duration fit_lognormal(const azure_2019_duration_row& row, const std::string& where = "durations") {
  std::array<duration_percentile, 5> points{};
  for (std::size_t i = 1; i < 6; ++i)
    points[i - 1] = {azure_2019_duration_row::levels[i], milliseconds(row.percentile_ms[i])};
  return runwise::fit_lognormal(points, where);
}

}  // namespace runwise::trace
