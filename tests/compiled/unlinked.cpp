// Compiled with RUNWISE_SEPARATE_COMPILATION but linked to runwise::runwise only, not to the
// library: the build must fail at link time, naming the missing instantiation, rather than
// instantiate it silently (ctest "compiled mode: a forgotten library is a link error").
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

int main() {
  using namespace runwise;
  const workload w{.traffic = make_traffic(1, hours(730), seconds{60}), .duration = {milliseconds(100)}};
  return evaluator<aws_lambda>{}.evaluate(w).options.size() == 1 ? 0 : 1;
}
