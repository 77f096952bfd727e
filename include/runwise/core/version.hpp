// runwise — serverless or containers, priced on the same traffic.
// SPDX-License-Identifier: MIT
#pragma once

// The one place the version lives: CMake parses these three lines.
#define RUNWISE_VERSION_MAJOR 0
#define RUNWISE_VERSION_MINOR 1
#define RUNWISE_VERSION_PATCH 0

#define RUNWISE_VERSION_STRING_(a, b, c) #a "." #b "." #c
#define RUNWISE_VERSION_STRING_X_(a, b, c) RUNWISE_VERSION_STRING_(a, b, c)
#define RUNWISE_VERSION_STRING \
  RUNWISE_VERSION_STRING_X_(RUNWISE_VERSION_MAJOR, RUNWISE_VERSION_MINOR, RUNWISE_VERSION_PATCH)

#include <string_view>

namespace runwise {

/// The library version as "major.minor.patch", e.g. `runwise::version == "0.1.0"`.
inline constexpr std::string_view version = RUNWISE_VERSION_STRING;

}  // namespace runwise
