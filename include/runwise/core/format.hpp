// SPDX-License-Identifier: MIT
#pragma once

// Money as runwise's reports print it, for programs that print their own.

#include <string>

#include "detail/format.hpp"
#include "units.hpp"

namespace runwise {

/// Dollars with two decimals and thousands separators, as every report prints them: $1,234.50.
/// A quadrillion dollars or more (or a value that is not finite) prints in scientific notation.
///
/// ```cpp
/// runwise::to_string(runwise::usd{1234.5});   // "$1,234.50"
/// ```
inline std::string to_string(usd x) { return detail::format_usd(x.value()); }

}  // namespace runwise
