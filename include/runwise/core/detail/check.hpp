// SPDX-License-Identifier: MIT
#pragma once

// Range checks that name the field: every validation in runwise goes through these, so every
// message has the same shape ("<path>: must be ..., got ...").

#include <string>

#include "../error.hpp"
#include "format.hpp"
#include "math.hpp"

namespace runwise::detail {

inline void check_finite(const std::string& path, double x) {
  if (!is_finite(x)) fail_input(path, "must be a finite number, got " + format_number(x));
}

/// lo <= x <= hi.
inline void check_range(const std::string& path, double x, double lo, double hi, const char* unit = "") {
  check_finite(path, x);
  if (x < lo || x > hi)
    fail_input(path, "must be between " + format_number(lo) + unit + " and " + format_number(hi) + unit + ", got " +
                         format_number(x) + unit);
}

/// x > 0.
inline void check_positive(const std::string& path, double x) {
  check_finite(path, x);
  if (!(x > 0)) fail_input(path, "must be greater than 0, got " + format_number(x));
}

/// x >= 0.
inline void check_non_negative(const std::string& path, double x) {
  check_finite(path, x);
  if (x < 0) fail_input(path, "must not be negative, got " + format_number(x));
}

}  // namespace runwise::detail
