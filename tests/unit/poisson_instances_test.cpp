// E[ceil(N/C)] for Poisson N against hand computation.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include <runwise/simulate/concurrent_instances.hpp>
#include <runwise/simulate/poisson_instances.hpp>

using namespace runwise;
using simulate::poisson_instance_load;

TEST_CASE("C = 1: every request in flight is an instance, E[N] = a") {
  CHECK(poisson_instance_load(2.0, 1).busy == doctest::Approx(2.0));
  CHECK(poisson_instance_load(0.01, 1).busy == doctest::Approx(0.01));
  CHECK(poisson_instance_load(2.0, 1).starts_per_arrival == doctest::Approx(1.0));  // every arrival
}

TEST_CASE("C = 2 by hand: ceil(N/2) = (N + [N odd]) / 2") {
  // P(N odd) = (1 - e^(-2a)) / 2 for Poisson(a): a = 2 gives (1 - e^-4)/2 = 0.4908422.
  const double odd = (1 - std::exp(-4.0)) / 2;
  const auto l = poisson_instance_load(2.0, 2);
  CHECK(l.busy == doctest::Approx((2.0 + odd) / 2));  // 1.2454211
  // Busy periods start on arrivals that see N even (0, 2, 4, ...): P(N even) = (1 + e^-4)/2.
  CHECK(l.starts_per_arrival == doctest::Approx(1 - odd));
  CHECK(l.idle_probability == doctest::Approx(std::exp(-2.0)));
}

TEST_CASE("large C: one instance whenever anything is in flight, 1 - e^(-a)") {
  // P(N > 80) for a = 2 is below 1e-80: E[ceil(N/80)] = P(N >= 1).
  CHECK(poisson_instance_load(2.0, 80).busy == doctest::Approx(1 - std::exp(-2.0)));
  CHECK(poisson_instance_load(1e-3, 80).busy == doctest::Approx(1 - std::exp(-1e-3)));
  CHECK(poisson_instance_load(0.0, 80).busy == 0);
}

TEST_CASE("many requests per instance: N mod C is uniform, (a + (C - 1)/2) / C") {
  // a = 10,000, C = 10: σ = 100 ≥ 2C, closed form (10,000 + 4.5) / 10 = 1,000.45.
  CHECK(poisson_instance_load(10'000, 10).busy == doctest::Approx(1000.45));
  // Just below the switch (σ = 19.97 < 20) the exact sum gives the same to 1e-9.
  CHECK(poisson_instance_load(399, 10).busy == doctest::Approx((399 + 4.5) / 10).epsilon(1e-9));
  CHECK(poisson_instance_load(399, 10).starts_per_arrival == doctest::Approx(0.1).epsilon(1e-9));
}

TEST_CASE("the constexpr exp and sqrt agree with <cmath>") {
  for (double x : {-700.0, -20.0, -1.0, -1e-9, 0.0, 0.3, 5.0, 100.0})
    CHECK(runwise::detail::exp(x) == doctest::Approx(std::exp(x)).epsilon(1e-12));
  for (double x : {1e-6, 0.5, 2.0, 399.0, 1e10})
    CHECK(runwise::detail::sqrt(x) == doctest::Approx(std::sqrt(x)));
}

TEST_CASE("rounding each busy period up to 100 ms") {
  // C = 1: each request is a busy period; a 50 ms request is billed 100 ms: 120 × 50 ms extra.
  const auto one = poisson_instance_load(0.1, 1);
  CHECK(simulate::rounding_seconds(120, one, 1, {milliseconds(50)}, 0.1) == doctest::Approx(6.0));
  // A 1 s request is a multiple of 100 ms: nothing to add.
  CHECK(simulate::rounding_seconds(120, one, 1, {milliseconds(1000)}, 0.1) == doctest::Approx(0.0));
  // C = 80, sparse: nearly every request is alone on its instance and rounds like it does.
  const auto sparse = poisson_instance_load(1.0 / 60 * 0.05, 80);
  CHECK(simulate::rounding_seconds(1, sparse, 80, {milliseconds(50)}, 0.1) == doctest::Approx(0.05).epsilon(1e-3));
}

TEST_CASE("poisson_quantile above e^(-a)'s underflow: the median of Poisson(800) is 800") {
  // The median m of Poisson(a) lies in [a - ln 2, a + 1/3) (Choi, Proc. AMS 1994): for a = 800 the
  // smallest k with P(N <= k) >= 1/2 is 800. Summing the pmf from e^(-800) = 0 never reached 1/2.
  CHECK(simulate::poisson_quantile(800, 0.5) == 800);
  CHECK(simulate::poisson_quantile(100, 0.5) == 100);  // the summed branch, same bound
  // 0.99: a + 2.326·√a ≈ 865.8 by the normal approximation, far below the 8,100 it used to return.
  CHECK(simulate::poisson_quantile(800, 0.99) == doctest::Approx(866).epsilon(0.002));
}

TEST_CASE("the walk remembers per-step sums: same as computing every step directly") {
  // More distinct counts than the walk's table has entries (512), repeated out of order, so that
  // entries are both reused and overwritten. Every step's busy instances and 100 ms rounding must
  // equal poisson_instance_load and rounding_seconds called for that step alone (bit for bit: the
  // same functions, the same order of additions).
  std::vector<double> counts;
  for (int i = 0; i < 4000; ++i) counts.push_back(static_cast<double>((i * 7919) % 1500 / (i % 3 + 1)));
  workload w{.traffic = traffic_series(seconds{60}, counts), .duration = {milliseconds(350)}};
  w.concurrency_per_instance = 4;
  const simulate::concurrent_instances::config c{};
  const double d = w.duration.mean.value();
  double busy = 0, rounding = 0;
  for (double n : counts) {
    const auto load = poisson_instance_load(n * (d / 60), 4);
    busy += 60 * load.busy;
    rounding += simulate::rounding_seconds(n, load, 4, w.duration, 0.1);
  }
  const auto t =
      simulate::concurrent_instances::walk(w, c, 0.1, [](std::size_t, double, double, double, double, double) {});
  CHECK(t.busy_s == busy);
  CHECK(t.rounding_s == rounding);
  // The billing-only pass that Cloud Run's price uses: the same sums, bit for bit.
  const auto b = simulate::concurrent_instances::busy_time(w, c, 0.1);
  CHECK(b.busy_s == busy);
  CHECK(b.rounding_s == rounding);
}

TEST_CASE("the billing-only pass equals the walk under throttling, and its alive time is run()'s") {
  // Counts up to 20,000 a minute at 2 s and concurrency 1 put up to 667 requests in flight, above
  // max_instances 100: those steps serve 100 / a of their requests, and both passes must agree on
  // the served share, the busy seconds (at most 100 instances) and their 100 ms rounding.
  std::vector<double> counts;
  for (int i = 0; i < 3000; ++i) counts.push_back(i % 50 == 0 ? 20'000.0 : static_cast<double>((i * 37) % 400));
  const workload w{.traffic = traffic_series(seconds{60}, counts), .duration = {milliseconds(2000)}};
  const simulate::concurrent_instances::config c{};
  const auto t =
      simulate::concurrent_instances::walk(w, c, 0.1, [](std::size_t, double, double, double, double, double) {});
  const auto b = simulate::concurrent_instances::busy_time(w, c, 0.1);
  CHECK(b.busy_s == t.busy_s);
  CHECK(b.rounding_s == t.rounding_s);
  CHECK(t.busy_s <= 100.0 * 60 * 3000);
  const usage u = simulate::concurrent_instances::run(w, c);
  CHECK(u.throttled.value() > 0);
  CHECK(u.mean_instances * u.horizon.value() == doctest::Approx(t.alive_s).epsilon(1e-14));
}

TEST_CASE("the normal quantile behind large Poisson quantiles matches the standard normal table") {
  // Standard normal quantiles (any statistics table, e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.1):
  // z(0.975) = 1.959964, z(0.5) = 0, z(0.99) = 2.326348.
  CHECK(simulate::normal_quantile(0.975) == doctest::Approx(1.959964).epsilon(1e-6));
  CHECK(simulate::normal_quantile(0.5) == doctest::Approx(0.0).epsilon(1e-12));
  CHECK(simulate::normal_quantile(0.99) == doctest::Approx(2.326348).epsilon(1e-6));
  // Above a = 700 the quantile is ceil(a + z·sqrt(a) - 0.5): a = 900, p = 0.975 gives
  // 900 + 1.959964 × 30 - 0.5 = 958.30 → 959, with z given or found.
  CHECK(simulate::poisson_quantile(900, 0.975) == 959);
  CHECK(simulate::poisson_quantile(900, 0.975, simulate::normal_quantile(0.975)) == 959);
}

TEST_CASE("the residue form of the instance load agrees with the sum over the pmf") {
  using runwise::detail::load_by_residues;
  using runwise::detail::load_by_sum;
  // By hand, C = 2: ceil(N/2) = (N + [N odd]) / 2 and P(N odd) = (1 − e^(−2a)) / 2, so at a = 2
  // busy = (2 + (1 − e^−4)/2) / 2, and P(N even) = (1 + e^−4) / 2 of arrivals start a busy period.
  const double hand = (2 + (1 - std::exp(-4.0)) / 2) / 2;
  CHECK(load_by_sum(2, 2, 0).busy == doctest::Approx(hand).epsilon(1e-14));
  CHECK(load_by_residues(2, 2, 0).busy == doctest::Approx(hand).epsilon(1e-14));
  CHECK(load_by_residues(2, 2, 0).starts_per_arrival == doctest::Approx((1 + std::exp(-4.0)) / 2).epsilon(1e-14));
  // Everywhere the run-time path may take it (a >= 200 below the closed form's 4C²), and below.
  for (double c : {2.0, 3.0, 7.0, 10.0, 80.0, 250.0, 1000.0})
    for (double a : {0.5, 3.0, 30.0, 150.0, 200.0, 999.5, 5'000.0, 40'000.0, 200'000.0}) {
      if (a >= 4 * c * c) continue;
      CAPTURE(a);
      CAPTURE(c);
      const auto sum = load_by_sum(a, c, 0), residues = load_by_residues(a, c, 0);
      CHECK(residues.busy == doctest::Approx(sum.busy).epsilon(1e-12));
      CHECK(residues.starts_per_arrival == doctest::Approx(sum.starts_per_arrival).epsilon(1e-10));
      CHECK(poisson_instance_load(a, c).busy == doctest::Approx(sum.busy).epsilon(1e-12));
    }
}

TEST_CASE("few requests against many per instance: 1 - e^-a busy, as the sum over the pmf says") {
  // C = 80, a up to 81 / (4e) = 7.45: the run-time shortcut; C = 20 (below 30) takes the sum.
  for (double c : {30.0, 80.0, 1000.0})
    for (double a : {1e-9, 1e-6, 0.01, 0.5, 3.0, (c + 1) / (4 * 2.718281828459045)}) {
      CAPTURE(a);
      CAPTURE(c);
      const auto sum = runwise::detail::load_by_sum(a, c, 0);
      const auto fast = poisson_instance_load(a, c);
      CHECK(fast.busy == doctest::Approx(sum.busy).epsilon(1e-12));
      CHECK(fast.starts_per_arrival == doctest::Approx(sum.starts_per_arrival).epsilon(1e-12));
      CHECK(fast.idle_probability == doctest::Approx(std::exp(-a)).epsilon(1e-12));
    }
}
