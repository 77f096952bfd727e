#include <runwise/all.hpp>

#include <cstdio>

double first_quote();

int main() {
  const double second = runwise::aws_lambda::quote({.requests_per_month = 3e6}, {}).total().value();
  std::printf("%s\n", first_quote() == second ? "same quote in both units" : "different quotes");
  return first_quote() == second ? 0 : 1;
}
