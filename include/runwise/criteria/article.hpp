// SPDX-License-Identifier: MIT
#pragma once

// The six criteria of the ClearScale article, in its order, as one list for the decision policies.

#include "../core/detail/type_list.hpp"
#include "control.hpp"
#include "cost.hpp"
#include "deployment_time.hpp"
#include "maintenance.hpp"
#include "scalability.hpp"
#include "testing.hpp"

namespace runwise::criteria {

/// Maintenance, cost, control and flexibility, scalability, testing, time of deployment.
///
/// ```cpp
/// static_assert(runwise::criteria::article_criteria::size == 6);
/// ```
using article_criteria = type_list<maintenance, cost, control, scalability, testing, deployment_time>;

static_assert(criterion<maintenance> && criterion<cost> && criterion<control> && criterion<scalability> &&
              criterion<testing> && criterion<deployment_time>);

}  // namespace runwise::criteria
