// SPDX-License-Identifier: MIT
#pragma once

#include <cstdio>
#include <string>

namespace runwise::detail {

/// A number as a short human string for messages ("0.25", "1e+15", "nan").
inline std::string format_number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

/// Dollars with two decimals and thousands separators: 1234.5 → "$1,234.50".
inline std::string format_usd(double x) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2f", x < 0 ? -x : x);
  std::string digits = buf;
  const auto dot = digits.find('.');
  std::string out;
  for (std::size_t i = 0; i < dot; ++i) {
    if (i > 0 && (dot - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (x < 0 ? "-$" : "$") + out + digits.substr(dot);
}

/// A count rounded to a whole number with thousands separators: 3e6 → "3,000,000".
inline std::string format_count(double x) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.0f", x < 0 ? -x : x);
  std::string digits = buf, out;
  if (digits.find_first_not_of("0123456789") != std::string::npos) return digits;  // inf, nan
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (x < 0 ? "-" : "") + out;
}

}  // namespace runwise::detail
