// Compile-fail test: two *different* decision policies (so the "same policy twice" check cannot be
// what stops the build). See two_decision_policies.cpp for how these files are built.
#include <runwise/runwise.hpp>
#include <runwise/decide/cheapest.hpp>
#include <runwise/decide/topsis.hpp>
#include <runwise/providers.hpp>

#include <vector>

namespace {
// A second decision policy: whatever decide::cheapest says, in its own type.
struct also_cheapest {
  static runwise::recommendation decide(std::vector<runwise::option_result>& options,
                                        const runwise::decision_context& ctx) {
    return runwise::decide::cheapest::decide(options, ctx);
  }
};
static_assert(runwise::decision_policy<also_cheapest>);
}  // namespace

#ifdef RUNWISE_EXPECT_FAILURE
using tested = runwise::evaluator<runwise::decide::cheapest, runwise::aws_lambda, also_cheapest>;
#else
using tested = runwise::evaluator<runwise::aws_lambda, also_cheapest>;
#endif

static_assert(sizeof(tested) > 0);  // sizeof instantiates the class, and its static_asserts
