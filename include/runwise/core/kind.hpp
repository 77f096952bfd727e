// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace runwise {

/// The article's two families. A recommendation may also be `hybrid` (both kinds in one application).
enum class platform_kind { serverless, containers };

inline constexpr std::string_view to_string(platform_kind k) noexcept {
  return k == platform_kind::serverless ? "serverless" : "containers";
}

}  // namespace runwise
