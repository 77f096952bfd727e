// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace runwise::detail {

/// A byte that is a control character (C0, or DEL), which a name must not carry raw into a text
/// report: ESC would restyle the terminal, BEL ring it, NUL cut the line for C readers.
constexpr bool is_control(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f;
}

/// `c` as the escape a reader can see: "\x1b".
inline std::string escaped_control(char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(c)));
  return buf;
}

/// `s` with every control character (line breaks too) written as "\xNN": a user's name as a text
/// report prints it. UTF-8 passes through unchanged.
///
/// ```cpp
/// runwise::detail::printable("a\x1b[31m");   // "a\\x1b[31m"
/// ```
inline std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out += is_control(c) ? escaped_control(c) : std::string(1, c);
  return out;
}

/// A number as a short human string for messages ("0.25", "1e+15", "nan").
inline std::string format_number(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

/// Groups the digits of a whole number in thousands: "3000000" → "3,000,000".
inline std::string group_thousands(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

/// Dollars with two decimals and thousands separators: 1234.5 → "$1,234.50". Amounts of a
/// quadrillion dollars or more (or not finite) print in scientific notation: "$1.2e+18".
inline std::string format_usd(double x) {
  const double magnitude = x < 0 ? -x : x;
  const char* sign = x < 0 ? "-$" : "$";
  char buf[64];
  if (!(magnitude < 1e15)) {
    std::snprintf(buf, sizeof buf, "%.3g", magnitude);
    return sign + std::string(buf);
  }
  std::snprintf(buf, sizeof buf, "%.2f", magnitude);
  const std::string digits = buf;
  const auto dot = digits.find('.');
  return sign + group_thousands(digits.substr(0, dot)) + digits.substr(dot);
}

/// `digits` ("1234.5000") with its thousands grouped and no trailing zeros after the point beyond
/// `keep` decimals: "1,234.50" for keep 2, "1,234.5" for keep 0.
inline std::string trim_decimals(std::string digits, std::size_t keep) {
  const auto dot = digits.find('.');
  if (dot == std::string::npos) return group_thousands(digits);
  std::size_t end = digits.size();
  while (end > dot + 1 + keep && digits[end - 1] == '0') --end;
  if (end == dot + 1) --end;
  return group_thousands(digits.substr(0, dot)) + digits.substr(dot, end - dot);
}

/// `x` to `decimals` decimals, thousands grouped, trailing zeros trimmed to `keep`; from 1e15 (or
/// not finite) in scientific notation.
inline std::string format_grouped(double x, int decimals, std::size_t keep) {
  const double magnitude = x < 0 ? -x : x;
  char buf[64];
  if (!(magnitude < 1e15)) {
    std::snprintf(buf, sizeof buf, "%.3g", x);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.*f", decimals, magnitude);
  return (x < 0 ? "-" : "") + trim_decimals(buf, keep);
}

/// A count rounded to a whole number with thousands separators: 3e6 → "3,000,000"; from 1e15 (or
/// not finite) in scientific notation.
inline std::string format_count(double x) { return format_grouped(x, 0, 0); }

/// A bill line's quantity: whole from 10,000 up ("1,500,000"), else to two decimals ("912.5"),
/// four significant digits below 1 ("0.0417"); from 1e15 (or not finite) in scientific notation.
inline std::string format_quantity(double x) {
  const double magnitude = x < 0 ? -x : x;
  const int decimals = magnitude >= 1e4                     ? 0
                       : magnitude >= 1 || !(magnitude > 0) ? 2
                                                            : 3 - static_cast<int>(std::floor(std::log10(magnitude)));
  return format_grouped(x, decimals, 0);
}

/// A unit price to six significant digits, at least two decimals: 0.0000166667 → "$0.0000166667",
/// 0.000024 → "$0.000024", 0.1 → "$0.10".
inline std::string format_unit_price(double x) {
  const double magnitude = x < 0 ? -x : x;
  char buf[64];
  if (!(magnitude < 1e15) || (magnitude > 0 && magnitude < 1e-12)) {
    std::snprintf(buf, sizeof buf, "%.6g", magnitude);
    return (x < 0 ? "-$" : "$") + std::string(buf);
  }
  const int lead = magnitude > 0 ? static_cast<int>(std::ceil(-std::log10(magnitude))) : 0;
  const int decimals = lead + 5 > 2 ? lead + 5 : 2;
  std::snprintf(buf, sizeof buf, "%.*f", decimals, magnitude);
  return (x < 0 ? "-$" : "$") + trim_decimals(buf, 2);
}

/// A score with exactly two decimals, so that a column of them lines up: 0.6 → "0.60".
inline std::string format_score(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

}  // namespace runwise::detail
