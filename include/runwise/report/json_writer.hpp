// SPDX-License-Identifier: MIT
#pragma once

// A streaming JSON writer with no dependency: what the library's JSON reports are written with.

#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../core/detail/math.hpp"
#include "../core/error.hpp"

namespace runwise::report {

/// Writes one JSON document into a string, member by member, indented like the usual pretty
/// printers (two spaces by default; 0 for one line). Strings are escaped (quotes, backslashes and
/// control characters; UTF-8 passes through); numbers are the shortest text that reads back as the
/// same double, in plain decimals from 1e-9 to 1e15 ("18.74", "730", "0.0000002") so that scripts
/// and spreadsheets read costs without exponents; a NaN or infinity, which JSON cannot hold, is
/// written as null. Misuse (a value where a key is due, an unbalanced end) throws an internal
/// runwise::error rather than writing invalid JSON.
///
/// ```cpp
/// runwise::report::json_writer j;
/// j.begin_object().key("platform").value("aws_lambda").key("total_usd").value(18.74).end_object();
/// std::string text = std::move(j).str();   // {\n  "platform": "aws_lambda",\n  "total_usd": 18.74\n}
/// ```
class json_writer {
 public:
  explicit json_writer(int indent = 2) : indent_(indent < 0 ? 0 : indent) {}

  json_writer& begin_object() { return open('{', true); }
  json_writer& end_object() { return close('}', true); }
  json_writer& begin_array() { return open('[', false); }
  json_writer& end_array() { return close(']', false); }

  /// The name of the next member of the current object.
  json_writer& key(std::string_view name) {
    if (stack_.empty() || !stack_.back().object || key_pending_) misuse("a key outside an object or twice in a row");
    separate();
    quote(name);
    out_ += indent_ ? "\": " : "\":";
    key_pending_ = true;
    return *this;
  }

  json_writer& value(std::string_view text) {
    before_value();
    quote(text);
    out_ += '"';
    return *this;
  }
  json_writer& value(const char* text) { return value(std::string_view(text)); }
  json_writer& value(const std::string& text) { return value(std::string_view(text)); }
  json_writer& value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
  }
  json_writer& value(std::nullptr_t) {
    before_value();
    out_ += "null";
    return *this;
  }
  json_writer& value(double x) {
    before_value();
    write_number(x);
    return *this;
  }
  /// A whole number, written exactly.
  template <class I>
  requires(std::is_integral_v<I> && !std::is_same_v<I, bool>) json_writer& value(I x) {
    before_value();
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, x).ptr);
    return *this;
  }
  /// A number, or null when there is none.
  json_writer& value(const std::optional<double>& x) { return x ? value(*x) : value(nullptr); }

  /// `key(name).value(v)` in one call.
  template <class T>
  json_writer& member(std::string_view name, const T& v) {
    return key(name).value(v);
  }

  /// An array of strings.
  json_writer& strings(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list) value(s);
    return end_array();
  }

  /// The document; the writer must have closed everything it opened.
  [[nodiscard]] std::string str() && {
    if (!stack_.empty() || out_.empty()) misuse("an unfinished document");
    out_ += '\n';
    return std::move(out_);
  }

 private:
  struct level {
    bool object = false;
    bool empty = true;
  };

  [[noreturn]] static void misuse(const char* what) {
    throw error(errc::internal, "report::json_writer", std::string("writes ") + what);
  }

  json_writer& open(char bracket, bool object) {
    before_value();
    out_ += bracket;
    stack_.push_back({object, true});
    return *this;
  }

  json_writer& close(char bracket, bool object) {
    if (stack_.empty() || stack_.back().object != object || key_pending_) misuse("an unbalanced end");
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline();
    out_ += bracket;
    return *this;
  }

  // Before a value: inside an object a key must precede it; inside an array it is the next element.
  void before_value() {
    if (stack_.empty()) {
      if (!out_.empty()) misuse("a second top-level value");
      return;
    }
    if (stack_.back().object) {
      if (!key_pending_) misuse("a value without a key");
      key_pending_ = false;
      return;
    }
    separate();
  }

  void separate() {
    if (!stack_.back().empty) out_ += ',';
    stack_.back().empty = false;
    newline();
  }

  void newline() {
    if (indent_ == 0) return;
    out_ += '\n';
    out_.append(stack_.size() * static_cast<std::size_t>(indent_), ' ');
  }

  // Writes the opening quote and the escaped text (the caller closes it).
  void quote(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out_ += '"';
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default:
          if (c < 0x20) {
            out_ += "\\u00";
            out_ += hex[c >> 4];
            out_ += hex[c & 15];
          } else {
            out_ += ch;
          }
      }
    }
  }

  void write_number(double x) {
    if (!runwise::detail::is_finite(x)) {
      out_ += "null";
      return;
    }
    if (x == 0) {  // also -0: JSON readers disagree on "-0"
      out_ += '0';
      return;
    }
    char buf[400];  // enough for any double in fixed notation below 1e15
    const double magnitude = x < 0 ? -x : x;
    const auto format = magnitude >= 1e-9 && magnitude < 1e15 ? std::chars_format::fixed : std::chars_format::general;
    const auto r = std::to_chars(buf, buf + sizeof buf, x, format);
    if (r.ec != std::errc{}) misuse("a number that does not fit its buffer");
    out_.append(buf, r.ptr);
  }

  std::string out_;
  std::vector<level> stack_;
  bool key_pending_ = false;
  int indent_ = 2;
};

}  // namespace runwise::report
