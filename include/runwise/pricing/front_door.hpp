// SPDX-License-Identifier: MIT
#pragma once

#include "choices.hpp"

namespace runwise::pricing {

/// What receives a workload's HTTP requests before the compute. Front doors with a price (API
/// Gateway, ALB) are separate line items; a Lambda function URL costs nothing ("There is no
/// additional charge for using function URLs", AWS Lambda Developer Guide, "Lambda function URLs",
/// seen 2026-11-26).
enum class front_door { none, function_url };

inline constexpr choice_table<front_door, 2> function_front_doors{
    {{"none", front_door::none}, {"function_url", front_door::function_url}}};
inline constexpr choice_table<front_door, 1> container_front_doors{{{"none", front_door::none}}};

}  // namespace runwise::pricing
