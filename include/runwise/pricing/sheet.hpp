// SPDX-License-Identifier: MIT
#pragma once

// What every price sheet shares: where a number comes from, and how old the sheet is.

#include <string_view>

namespace runwise::pricing {

/// Where a published number was read, and how sure we are of it (docs/pricing.md's scale):
/// 'O' seen on the provider's own page, 'S' secondary sources citing the provider, 'U' unconfirmed.
struct source {
  std::string_view url;
  char confidence = 'O';
};

/// A date as "YYYY-MM-DD" → days since 0000-03-01 (proleptic Gregorian), for sheet ages.
/// Returns -1 for a malformed date.
constexpr long days_from_iso(std::string_view d) noexcept {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return -1;
  auto num = [&](std::size_t at, std::size_t len) {
    long v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1L;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  long y = num(0, 4), m = num(5, 2), day = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || day < 1 || day > 31) return -1;
  if (m <= 2) {
    y -= 1;
    m += 12;
  }
  return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + day - 1;
}

/// A sheet older than a year is flagged.
constexpr bool is_stale(std::string_view as_of, std::string_view today) noexcept {
  const long a = days_from_iso(as_of), t = days_from_iso(today);
  return a < 0 || t < 0 || t - a > 365;
}

}  // namespace runwise::pricing
