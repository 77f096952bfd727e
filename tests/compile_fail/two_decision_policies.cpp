// Compile-fail test: evaluator<...> takes at most one decision policy. With RUNWISE_EXPECT_FAILURE
// (tests/compile_fail/CMakeLists.txt) the build must stop with runwise's static_assert message;
// without it the same file is part of the normal build, to show that nothing else is wrong with it.
#include <runwise/runwise.hpp>
#include <runwise/decide/cheapest.hpp>
#include <runwise/decide/topsis.hpp>
#include <runwise/providers.hpp>

#ifdef RUNWISE_EXPECT_FAILURE
using tested = runwise::evaluator<runwise::aws_lambda, runwise::decide::cheapest, runwise::decide::cheapest>;
#else
using tested = runwise::evaluator<runwise::aws_lambda, runwise::decide::cheapest>;
#endif

static_assert(sizeof(tested) > 0);  // sizeof instantiates the class, and its static_asserts
