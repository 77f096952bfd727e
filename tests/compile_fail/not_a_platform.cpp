// Compile-fail test: a type that is neither a platform nor a decision policy. See
// two_decision_policies.cpp for how these files are built.
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

#ifdef RUNWISE_EXPECT_FAILURE
using tested = runwise::evaluator<int>;
#else
using tested = runwise::evaluator<runwise::aws_fargate>;
#endif

static_assert(sizeof(tested) > 0);  // sizeof instantiates the class, and its static_asserts
