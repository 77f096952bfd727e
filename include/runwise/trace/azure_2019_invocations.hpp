// SPDX-License-Identifier: MIT
#pragma once

// Reader for the per-minute invocation counts of the Azure Functions Trace 2019
// (invocations_per_function_md.anon.dNN.csv): `HashOwner,HashApp,HashFunction,Trigger,1,...,1440`.
// Source: M. Shahrad et al., "Serverless in the Wild: Characterizing and Optimizing the Serverless
// Workload at a Large Cloud Provider", USENIX ATC 2020; dataset by Microsoft, CC BY 4.0.
// Published samples keep fewer minute columns (e.g. 480..959), so any number of consecutive minute
// columns is accepted: a partial day is valid.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../core/detail/csv.hpp"
#include "../workload/traffic.hpp"

namespace runwise::trace {

/// One function's row: its ids, its trigger and its invocations per minute. The views point into
/// the reader's buffers and are valid until the reader's next call.
struct azure_2019_function_minutes {
  std::string_view owner;          ///< HashOwner
  std::string_view app;            ///< HashApp
  std::string_view function;       ///< HashFunction
  std::string_view trigger;        ///< http, timer, queue, event, storage, orchestration, others
  std::span<const double> counts;  ///< invocations in each minute column, in file order
  std::size_t first_minute = 1;    ///< the label of the first minute column (1 in the full day)
  std::size_t line = 0;            ///< line in the file, for messages
};

/// Streams the rows of a 2019 per-minute invocations file, one at a time, reusing its buffers
/// (memory does not grow with the number of rows). Malformed input throws runwise::error with
/// `file:line` and the column: a header that is not `HashOwner,HashApp,HashFunction,Trigger`
/// followed by consecutive minute numbers, a row with another number of columns, a count that is
/// not a number or is negative.
///
/// ```cpp
/// auto reader = runwise::trace::azure_2019_invocations_reader::open("invocations.csv");
/// runwise::trace::azure_2019_function_minutes row;
/// while (reader.next(row)) total += runwise::trace::to_traffic_series(row).total().value();
/// ```
class azure_2019_invocations_reader {
 public:
  explicit azure_2019_invocations_reader(detail::line_source source) : source_(std::move(source)) { read_header(); }
  static azure_2019_invocations_reader open(const std::string& path) {
    return azure_2019_invocations_reader(detail::line_source::open(path));
  }

  /// Number of minute columns (1,440 for a full day).
  [[nodiscard]] std::size_t minutes() const noexcept { return counts_.size(); }
  /// Label of the first minute column.
  [[nodiscard]] std::size_t first_minute() const noexcept { return first_minute_; }

  /// The next row, or false at the end of the file.
  bool next(azure_2019_function_minutes& row) {
    std::string_view line;
    do {
      if (!source_.next(line)) return false;
    } while (line.empty());
    if (!read_plain(line)) read_any(line);
    row = {ids_[0], ids_[1], ids_[2], ids_[3], counts_, first_minute_, source_.line_number()};
    return true;
  }

  /// Passes over the next row without reading its fields (another reader of the same file reads
  /// it: a fleet split over threads); false at the end of the file.
  bool skip() {
    std::string_view line;
    do {
      if (!source_.next(line)) return false;
    } while (line.empty());
    return true;
  }

 private:
  // The common row in one pass: four ids, then counts of one to nine plain digits, each after one
  // comma. False, with nothing to rely on, for anything else (spaces, signs, decimals, another
  // number of columns), which read_any reads or reports.
  bool read_plain(std::string_view line) {
    const char* p = line.data();
    const char* const end = p + line.size();
    for (std::string_view& id : ids_) {
      const void* comma = std::memchr(p, ',', static_cast<std::size_t>(end - p));
      if (comma == nullptr) return false;
      id = std::string_view(p, static_cast<std::size_t>(static_cast<const char*>(comma) - p));
      p = static_cast<const char*>(comma) + 1;
    }
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      if (i > 0) {
        if (p == end || *p != ',') return false;  // a column missing, or not a plain count
        ++p;
      }
      const char* const first = p;
      std::uint32_t x = 0;  // nine digits fit, and integer steps are shorter than double ones
      for (unsigned digit = 0; p != end && (digit = static_cast<unsigned char>(*p) - unsigned{'0'}) <= 9; ++p)
        x = x * 10 + digit;
      if (p == first || p - first > 9) return false;
      counts_[i] = static_cast<double>(x);
    }
    return p == end;  // (a comma or anything else after the last count: more columns)
  }

  // Any row: split at commas, the column count checked, counts that are not plain digits parsed
  // by from_chars (detail::parse_non_negative names the column of a bad one).
  void read_any(std::string_view line) {
    detail::split_fields(line, fields_);
    if (fields_.size() != 4 + counts_.size())
      fail_input(source_.where(), "expected " + std::to_string(4 + counts_.size()) +
                                      " columns (HashOwner,HashApp,HashFunction,Trigger and " +
                                      std::to_string(counts_.size()) + " minutes), got " +
                                      std::to_string(fields_.size()));
    for (std::size_t i = 0; i < counts_.size(); ++i)
      counts_[i] = detail::parse_non_negative(fields_[4 + i], source_, std::to_string(first_minute_ + i));
    for (std::size_t k = 0; k < 4; ++k) ids_[k] = fields_[k];
  }

  void read_header() {
    std::string_view line;
    if (!source_.next(line)) fail_input(source_.name() + ":1", "empty file; expected a header");
    std::vector<std::string_view> header;
    detail::split_fields(line, header);
    const std::string where = source_.where();  // the header is read once
    constexpr std::string_view names[] = {"HashOwner", "HashApp", "HashFunction", "Trigger"};
    for (std::size_t i = 0; i < 4; ++i)
      if (header.size() <= i || detail::trim(header[i]) != names[i])
        fail_input(where, "column " + std::to_string(i + 1) + ": expected " + std::string(names[i]) +
                              " (header HashOwner,HashApp,HashFunction,Trigger,<minutes>)");
    if (header.size() < 5) fail_input(where, "no minute columns after Trigger");
    for (std::size_t i = 4; i < header.size(); ++i) {
      const double label = detail::parse_non_negative(header[i], source_, "header " + std::to_string(i + 1));
      // Minutes are whole numbers; a day has 1,440, and no trace is longer than a year of them.
      if (label != std::floor(label) || label > 525'600)
        fail_input(where, "column " + std::to_string(i + 1) + ": a minute must be a whole number up to 525600, got " +
                              std::string(detail::trim(header[i])));
      if (i == 4) first_minute_ = static_cast<std::size_t>(label);
      if (label != static_cast<double>(first_minute_ + (i - 4)))
        fail_input(where, "column " + std::to_string(i + 1) + ": expected minute " +
                              std::to_string(first_minute_ + (i - 4)) + ", got " +
                              std::string(detail::trim(header[i])) + " (minute columns must be consecutive)");
    }
    counts_.assign(header.size() - 4, 0.0);
    fields_.reserve(header.size());
  }

  detail::line_source source_;
  std::vector<std::string_view> fields_;
  std::string_view ids_[4];  // HashOwner, HashApp, HashFunction, Trigger of the last row
  std::vector<double> counts_;
  std::size_t first_minute_ = 1;
};

/// Calls `on_row(const azure_2019_function_minutes&)` for every row of the file at `path`;
/// returns the number of rows.
///
/// ```cpp
/// runwise::trace::read_azure_2019_invocations("invocations.csv", [&](const auto& row) { ... });
/// ```
template <class F>
std::size_t read_azure_2019_invocations(const std::string& path, F&& on_row) {
  return detail::read_rows<azure_2019_function_minutes>(azure_2019_invocations_reader::open(path), on_row);
}

/// A function's minutes as traffic: 60-second steps, one per minute column (a partial day gives a
/// shorter horizon). Allocates the series; the row itself stays a view.
///
/// ```cpp
/// runwise::traffic_series t = runwise::trace::to_traffic_series(row);   // t.step() == seconds{60}
/// ```
inline traffic_series to_traffic_series(const azure_2019_function_minutes& row) {
  return traffic_series{seconds{60}, std::vector<double>(row.counts.begin(), row.counts.end()), "azure_2019"};
}

}  // namespace runwise::trace
