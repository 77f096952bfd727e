// Log-normal durations: the fit against textbook normal quantiles, the billed expectation against
// brute-force sampling and its exact limits.
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include <runwise/core/detail/random.hpp>
#include <runwise/trace/azure_2019_durations.hpp>
#include <runwise/workload/duration_fit.hpp>

using namespace runwise;

namespace {
struct sampled {
  double mean, standard_error;
};

/// E[max(m, ceil(d/g)·g)] by drawing 1e6 log-normal durations (Box–Muller on SplitMix64).
sampled brute_force(const lognormal_duration& d, double g, double m) {
  detail::splitmix64 rng(42);
  constexpr int n = 1'000'000;
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    const double u1 = 1 - rng.uniform(), u2 = rng.uniform();
    const double z = std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
    const double x = std::exp(d.mu + d.sigma * z);
    const double billed = std::max(m, g > 0 ? std::ceil(x / g) * g : x);
    sum += billed;
    sum_sq += billed * billed;
  }
  const double mean = sum / n;
  return {mean, std::sqrt(std::max(0.0, sum_sq / n - mean * mean) / n)};
}
}  // namespace

TEST_CASE("normal quantiles match the tables") {
  // Standard normal table values (e.g. Abramowitz & Stegun, Table 26.5).
  CHECK(detail::normal_quantile(0.5) == doctest::Approx(0).epsilon(1e-15));
  CHECK(detail::normal_quantile(0.75) == doctest::Approx(0.6744897501960817).epsilon(1e-13));
  CHECK(detail::normal_quantile(0.99) == doctest::Approx(2.3263478740408408).epsilon(1e-13));
  CHECK(detail::normal_quantile(0.01) == doctest::Approx(-2.3263478740408408).epsilon(1e-13));
  CHECK(detail::normal_quantile(0.975) == doctest::Approx(1.959963984540054).epsilon(1e-13));
}

TEST_CASE("a log-normal is recovered from its own percentiles") {
  // ln d ~ N(ln 0.2, 0.7²): the p-th percentile is 0.2·e^(0.7·z_p) with z from the normal table.
  const double z25 = -0.6744897501960817, z75 = 0.6744897501960817, z99 = 2.3263478740408408;
  const duration_percentile p[] = {{25, seconds{0.2 * std::exp(0.7 * z25)}},
                                   {50, seconds{0.2}},
                                   {75, seconds{0.2 * std::exp(0.7 * z75)}},
                                   {99, seconds{0.2 * std::exp(0.7 * z99)}}};
  const lognormal_duration d = fit_lognormal(p);
  CHECK(d.mu == doctest::Approx(std::log(0.2)).epsilon(1e-12));
  CHECK(d.sigma == doctest::Approx(0.7).epsilon(1e-12));
  CHECK(d.mean().value() == doctest::Approx(0.2 * std::exp(0.245)));  // e^(mu + sigma²/2)

  const duration_percentile flat[] = {{25, milliseconds(5)}, {75, milliseconds(5)}};
  CHECK(fit_lognormal(flat).sigma == 0);
  const duration_percentile one[] = {{0, milliseconds(1)}, {50, milliseconds(5)}, {100, milliseconds(9)}};
  CHECK_THROWS_AS(fit_lognormal(one), runwise::error);
}

TEST_CASE("billed log-normal durations match brute-force sampling") {
  struct billing_case {
    double median_s, sigma, granularity_s, minimum_s;
  };
  const billing_case cases[] = {
      {0.05, 1.0, 0.1, 0.0},    // Lambda before December 2020: 100 ms rounding
      {1.2, 0.8, 0.001, 0.0},   // Lambda today: 1 ms rounding (the tail approximation is used)
      {0.02, 0.3, 0.001, 0.1},  // Azure Functions: 1 ms rounding, 100 ms minimum
      {0.5, 2.36, 0.1, 0.1},    // a heavy tail
  };
  for (const auto& c : cases) {
    CAPTURE(c.median_s);
    const lognormal_duration d{std::log(c.median_s), c.sigma};
    const sampled s = brute_force(d, c.granularity_s, c.minimum_s);
    const double exact = d.expected_billed(seconds{c.granularity_s}, seconds{c.minimum_s}).value();
    CHECK(std::fabs(exact - s.mean) <= 4 * s.standard_error + 1e-9);
  }
}

TEST_CASE("billed log-normal durations: exact limits") {
  const lognormal_duration d{std::log(0.05), 1.0};
  // No rounding and no minimum: the mean itself.
  CHECK(d.expected_billed(seconds{0}).value() == doctest::Approx(d.mean().value()).epsilon(1e-12));
  // Rounding each invocation up bills more than rounding the mean: E[ceil] > ceil(E).
  CHECK(d.expected_billed(milliseconds(100)).value() > 0.1);
  // sigma = 0 is a fixed duration, rounded as duration_model rounds it.
  CHECK(lognormal_duration{std::log(0.03), 0}.expected_billed(milliseconds(100)).value() == doctest::Approx(0.1));
  // A minimum far above every duration bills the minimum.
  CHECK(lognormal_duration{std::log(0.001), 0.1}.expected_billed(milliseconds(1), seconds{1}).value() ==
        doctest::Approx(1.0));
}

TEST_CASE("a 2019 durations row fits a log-normal through its interior percentiles") {
  // First row of tests/data/azure2019_durations_10.csv: percentiles 1/25/50/75/99 = 430, 963, 2037,
  // 4420, 6311 ms. The fitted median lies between the 25th and 75th percentiles.
  trace::azure_2019_duration_row row;
  row.percentile_ms = {237, 430, 963, 2037, 4420, 6311, 7325};
  const lognormal_duration d = trace::fit_lognormal(row);
  CHECK(d.median().value() > 0.963);
  CHECK(d.median().value() < 4.420);
  CHECK(d.sigma > 0);
  row.percentile_ms = {0, 0, 0, 0, 0, 3, 7};
  CHECK_THROWS_AS(trace::fit_lognormal(row), runwise::error);
}
