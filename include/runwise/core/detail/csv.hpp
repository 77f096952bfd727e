// SPDX-License-Identifier: MIT
#pragma once

// The plumbing of the trace readers: a line source that streams a file through one reused buffer
// (memory does not grow with the number of rows), comma splitting into reused string_views, and
// number parsing with std::from_chars whose errors name "file:line" and the column. The Azure
// traces are plain CSV without quoting, so quoted fields are not supported.

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "../error.hpp"
#include "math.hpp"

namespace runwise::detail {

/// Lines of a file (read in 256 KiB blocks) or of a text already in memory, without their
/// line ending ("\n" or "\r\n"), counted from 1 for error messages.
class line_source {
 public:
  /// Opens `path`; throws runwise::error(invalid_input, path, "cannot be read").
  static line_source open(const std::string& path) {
    line_source s(path);
    s.file_.reset(std::fopen(path.c_str(), "rb"));
    if (!s.file_) fail_input(path, "cannot be read");
    s.buffer_.resize(256 * 1024);
    return s;
  }
  /// Reads a copy of `text`; `name` stands for the file in messages.
  static line_source from_text(std::string text, std::string name) {
    line_source s(std::move(name));
    s.text_ = std::move(text);
    s.in_memory_ = true;
    return s;
  }

  /// The next line (without its line break, nor a UTF-8 byte-order mark on the first), or false
  /// at the end of the input.
  bool next(std::string_view& line) {
    if (in_memory_) {
      if (at_ >= text_.size()) return false;
      const std::string_view rest = std::string_view(text_).substr(at_);
      const auto nl = rest.find('\n');
      line = rest.substr(0, nl);
      at_ = nl == std::string_view::npos ? text_.size() : at_ + nl + 1;
    } else if (!next_from_file(line)) {
      return false;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // A UTF-8 byte-order mark (Excel's and PowerShell's CSV exports start with one) is not data.
    if (line_ == 0 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    ++line_;
    return true;
  }

  [[nodiscard]] std::size_t line_number() const noexcept { return line_; }
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// "file:line" of the last line returned, the `where` of runwise::error.
  [[nodiscard]] std::string where() const { return name_ + ":" + std::to_string(line_); }

 private:
  struct closer {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
  };
  explicit line_source(std::string name) : name_(std::move(name)) {}

  bool next_from_file(std::string_view& line) {
    for (;;) {
      const char* begin = buffer_.data() + start_;
      if (const void* nl = std::memchr(begin, '\n', end_ - start_)) {
        const auto length = static_cast<std::size_t>(static_cast<const char*>(nl) - begin);
        line = std::string_view(begin, length);
        start_ += length + 1;
        return true;
      }
      if (eof_) {
        if (start_ == end_) return false;
        line = std::string_view(begin, end_ - start_);  // a last line without "\n"
        start_ = end_;
        return true;
      }
      // Keep the partial line, make room (a line longer than the buffer doubles it), read on.
      std::memmove(buffer_.data(), begin, end_ - start_);
      end_ -= start_;
      start_ = 0;
      if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
      const std::size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_.get());
      if (got == 0) {
        if (std::ferror(file_.get())) fail_input(name_ + ":" + std::to_string(line_ + 1), "read error");
        eof_ = true;
      }
      end_ += got;
    }
  }

  std::string name_;
  std::size_t line_ = 0;
  bool in_memory_ = false;
  std::string text_;  // in memory: the text and the offset of the next line (an offset survives a move)
  std::size_t at_ = 0;
  std::unique_ptr<std::FILE, closer> file_;
  std::vector<char> buffer_;
  std::size_t start_ = 0, end_ = 0;
  bool eof_ = false;
};

/// Splits `line` at commas into `fields` (cleared first; its capacity is reused across rows).
/// One pass over the characters: the fields of a trace are short (a count is one to four digits),
/// where a memchr call per field costs more than the scan.
inline void split_fields(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  const char* start = line.data();
  const char* const end = start + line.size();
  for (const char* p = start; p != end; ++p)
    if (*p == ',') {
      fields.emplace_back(start, static_cast<std::size_t>(p - start));
      start = p + 1;
    }
  fields.emplace_back(start, static_cast<std::size_t>(end - start));
}

/// `field` without surrounding spaces and tabs.
constexpr std::string_view trim(std::string_view field) noexcept {
  while (!field.empty() && (field.front() == ' ' || field.front() == '\t')) field.remove_prefix(1);
  while (!field.empty() && (field.back() == ' ' || field.back() == '\t')) field.remove_suffix(1);
  return field;
}

/// The finite number in `field`, parsed with std::from_chars (no locale, no allocation); throws
/// runwise::error at `at.where()` naming `column` when the field is empty, not a number or not finite.
inline double parse_number(std::string_view field, const line_source& at, std::string_view column) {
  const std::string_view f = trim(field);
  double x = 0;
  const char* first = f.data();
  if (!f.empty() && f.front() == '+') ++first;  // from_chars rejects a leading '+'
  const auto [end, ec] = std::from_chars(first, f.data() + f.size(), x);
  if (f.empty() || ec != std::errc{} || end != f.data() + f.size() || !is_finite(x))
    fail_input(at.where(), "column " + std::string(column) + ": expected a number, got \"" + std::string(f) + "\"");
  return x;
}

/// As parse_number, and not negative (a count, a duration, a memory size).
inline double parse_non_negative(std::string_view field, const line_source& at, std::string_view column) {
  const double x = parse_number(field, at, column);
  if (x < 0)
    fail_input(at.where(), "column " + std::string(column) + ": must not be negative, got " + std::string(trim(field)));
  return x;
}

/// Throws unless a row has exactly `expected` fields; `header` describes them in the message.
inline void check_field_count(std::size_t got, std::size_t expected, const line_source& at, std::string_view header) {
  if (got != expected)
    fail_input(at.where(), "expected " + std::to_string(expected) + " columns (" + std::string(header) + "), got " +
                               std::to_string(got));
}

/// Index of the column named `name` in a header row, or `npos`.
inline std::size_t column_index(const std::vector<std::string_view>& header, std::string_view name) noexcept {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (trim(header[i]) == name) return i;
  return static_cast<std::size_t>(-1);
}

/// Index of the column named `name`; throws runwise::error at the header's line when it lacks it.
inline std::size_t require_column(const std::vector<std::string_view>& header, std::string_view name,
                                  const line_source& at) {
  const std::size_t i = column_index(header, name);
  if (i == static_cast<std::size_t>(-1))
    fail_input(at.where(), "missing column " + std::string(name) + " in the header");
  return i;
}

/// Reads the header line of `source` into `header` and finds each of `names` in it; an error names
/// the file's first line when the file is empty or a column is missing. Returns the column indices.
template <std::size_t N>
std::array<std::size_t, N> read_header(line_source& source, const std::array<std::string_view, N>& names,
                                       std::vector<std::string_view>& header) {
  std::string_view line;
  if (!source.next(line)) fail_input(source.name() + ":1", "empty file; expected a header");
  split_fields(line, header);
  std::array<std::size_t, N> index{};
  for (std::size_t i = 0; i < N; ++i) index[i] = require_column(header, names[i], source);
  return index;
}

/// The next non-empty line of `source` split into `fields`, which must number `columns` (the
/// message says what was `expected`); false at the end of the input.
inline bool next_row(line_source& source, std::vector<std::string_view>& fields, std::size_t columns,
                     std::string_view expected) {
  std::string_view line;
  do {
    if (!source.next(line)) return false;
  } while (line.empty());
  split_fields(line, fields);
  check_field_count(fields.size(), columns, source, expected);
  return true;
}

/// Calls `on_row(const Row&)` for every row `reader` yields; returns the number of rows. The one
/// loop behind every `read_azure_*` function.
template <class Row, class Reader, class F>
std::size_t read_rows(Reader&& reader, F&& on_row) {
  Row row;
  std::size_t rows = 0;
  while (reader.next(row)) {
    on_row(std::as_const(row));
    ++rows;
  }
  return rows;
}

}  // namespace runwise::detail
