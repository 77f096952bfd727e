// SPDX-License-Identifier: MIT
#pragma once

// Fleet mode's memory rule: what a team would configure for a function whose trace gives its
// allocated memory's 99th percentile.

namespace runwise::trace {

/// A function's configured memory from its 99th-percentile allocated memory: rounded up to a
/// multiple of 128 MB, at least 128 MB (what a team would configure for it).
///
/// ```cpp
/// static_assert(runwise::trace::fleet_memory_mb(200) == 256);
/// ```
constexpr double fleet_memory_mb(double pct99_mb) noexcept {
  if (!(pct99_mb > 128)) return 128;
  const double blocks = static_cast<double>(static_cast<long long>(pct99_mb / 128));
  return (blocks * 128 < pct99_mb ? blocks + 1 : blocks) * 128;
}

}  // namespace runwise::trace
