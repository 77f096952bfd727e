#include <doctest/doctest.h>

#include <cmath>

#include <runwise/workload/duration.hpp>

using namespace runwise;

namespace {
// E[max(M, ceil(X/g))·g] for X ~ Exp(mean) summed term by term, independently of the closed form.
double brute_force_exponential(double mean, double g, double minimum) {
  double expected = 0;
  for (int k = 1; k < 200000; ++k) {
    const double p = std::exp(-(k - 1) * g / mean) - std::exp(-k * g / mean);  // P(ceil(X/g) = k)
    expected += p * std::max(minimum, k * g);
  }
  return expected;
}
}  // namespace

TEST_CASE("a deterministic duration is rounded up to the billing granularity") {
  const duration_model d{milliseconds(30)};
  // docs/pricing.md: 1 ms rounding since 2020-12-01, 100 ms before.
  CHECK(to_milliseconds(d.expected_billed(milliseconds(1))) == doctest::Approx(30));
  CHECK(to_milliseconds(d.expected_billed(milliseconds(100))) == doctest::Approx(100));
  // Azure Functions: 1 ms rounding with a 100 ms minimum (docs/pricing.md).
  CHECK(to_milliseconds(d.expected_billed(milliseconds(1), milliseconds(100))) == doctest::Approx(100));
  CHECK(to_milliseconds(duration_model{milliseconds(1000)}.expected_billed(milliseconds(100))) ==
        doctest::Approx(1000));
}

TEST_CASE("billing uses E[ceil(d)], not ceil(E[d]), for a varying duration") {
  const duration_model d{milliseconds(50), duration_distribution::exponential};
  const double billed = to_milliseconds(d.expected_billed(milliseconds(100)));
  CHECK(billed == doctest::Approx(brute_force_exponential(50, 100, 0)).epsilon(1e-9));
  CHECK(billed == doctest::Approx(100 / (1 - std::exp(-2.0))));  // 115.65 ms, not 100 ms
  CHECK(billed > to_milliseconds(duration_model{milliseconds(50)}.expected_billed(milliseconds(100))));

  const double with_minimum = to_milliseconds(d.expected_billed(milliseconds(1), milliseconds(100)));
  CHECK(with_minimum == doctest::Approx(brute_force_exponential(50, 1, 100)).epsilon(1e-9));

  // With 1 ms rounding a 1 s exponential function bills about half a millisecond more than its mean.
  const double fine = to_milliseconds(
      duration_model{milliseconds(1000), duration_distribution::exponential}.expected_billed(milliseconds(1)));
  CHECK(fine == doctest::Approx(1000.5).epsilon(1e-6));
}
