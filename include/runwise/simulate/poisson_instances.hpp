// SPDX-License-Identifier: MIT
#pragma once

// How many instances are busy when each serves up to C requests at once and the requests in flight
// are Poisson: the M/G/∞ occupancy of a step with arrival rate λ and mean duration E[d] is Poisson
// with mean a = λ·E[d] (for any duration distribution), and perfectly packed instances number
// ceil(N / C). Shared by the platforms whose instances take several requests at once (Cloud Run).
// Everything but poisson_quantile is constexpr (no <cmath>), so closed-form quotes can use it in
// static_assert.

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "../core/detail/math.hpp"

namespace runwise::detail {
/// e^x for constant expressions: halve x until |x| <= 1/2, a 14-term Taylor series, square back.
/// Relative error below 1e-12 for |x| < 700; 0 below -745 (where double underflows).
constexpr double exp(double x) noexcept {
  if (x < -745) return 0.0;
  int halvings = 0;
  while (x > 0.5 || x < -0.5) {
    x /= 2;
    ++halvings;
  }
  double term = 1, sum = 1;
  for (int k = 1; k <= 14; ++k) {
    term *= x / k;
    sum += term;
  }
  while (halvings-- > 0) sum *= sum;
  return sum;
}

/// √x for constant expressions (Newton's method from a power-of-two start), x >= 0.
constexpr double sqrt(double x) noexcept {
  if (x <= 0) return 0.0;
  double r = 1;
  while (r * r < x) r *= 2;
  for (int i = 0; i < 200; ++i) {
    const double next = 0.5 * (r + x / r);
    if (next >= r) break;  // monotone from above: stop when it no longer decreases
    r = next;
  }
  return r;
}
}  // namespace runwise::detail

namespace runwise::simulate {

/// What instances that take up to C requests at once see when the requests in flight N are Poisson
/// with mean a.
struct instance_load {
  double busy = 0;  ///< E[ceil(N / C)]: instances with at least one request in flight
  /// Σ_k P(N = kC): the share of arrivals that start a busy period of some instance. By PASTA an
  /// arrival sees N = kC with probability P(N = kC), and it then takes instance k + 1 from idle to busy.
  double starts_per_arrival = 0;
  double idle_probability = 0;  ///< P(N = 0) = e^(-a)
};

}  // namespace runwise::simulate

namespace runwise::detail {
/// instance_load by the sum over the pmf in the window mode ± (10σ + 10) (the mass outside is
/// below 1e-20): the weights are built from the mode outwards by p(n±1)/p(n) and normalised by
/// their sum, so no factorial or lgamma is needed. About 20σ terms.
constexpr simulate::instance_load load_by_sum(double a, double c, double idle) noexcept {
  const double sigma = sqrt(a);
  const double mode = detail::floor(a);
  const double reach = detail::ceil(10 * sigma + 10);
  const double lo = detail::max(0.0, mode - reach), hi = mode + reach;
  double mass = 0, busy = 0, starts = 0;
  auto add = [&](double n, double w) {
    const double q = n / c;
    const double whole = detail::floor(q);
    mass += w;
    busy += w * (q == whole ? whole : whole + 1);
    if (q == whole) starts += w;
  };
  double w = 1;  // unnormalised weight of the mode
  add(mode, w);
  for (double n = mode; n < hi; ++n) {
    w *= a / (n + 1);
    add(n + 1, w);
  }
  w = 1;
  for (double n = mode; n > lo; --n) {
    w *= n / a;
    add(n - 1, w);
  }
  return {busy / mass, starts / mass, idle};
}

/// instance_load by the residues of N mod C (run time only: it needs std::cos). With
/// ω = e^(2πi/C) and φ_j = E[ω^(jN)] = exp(a(ω^j − 1)), P(N ≡ r) = (1/C) Σ_j ω^(−jr) φ_j, so
///   E[(C − N mod C) mod C] = (C − 1)/2 − Σ_{j=1}^{C−1} φ_j / (1 − ω^j)  and  P(N ≡ 0) = (1/C) Σ_j φ_j,
/// where 1/(1 − e^(iθ)) = 1/2 + (i/2)·cot(θ/2), and busy = (a + E[(C − N mod C) mod C]) / C.
/// |φ_j| = e^(−a(1 − cos θ_j)): at a in flight only the j with a(1 − cos θ_j) < 41.5 (|φ_j| > 1e-18)
/// count, a handful once a is in the hundreds, where the sum over the pmf needs thousands of terms.
/// Pairs j, C − j are conjugate and add twice the real part.
inline simulate::instance_load load_by_residues(double a, double c, double idle) noexcept {
  const double pi = 3.14159265358979323846;
  double spread = (c - 1) / 2, zero = 1;  // E[(C − N mod C) mod C] and C·P(N ≡ 0), from j = 0
  const auto half = static_cast<long long>(c) / 2;
  for (long long j = 1; j <= half; ++j) {
    const double theta = 2 * pi * static_cast<double>(j) / c;
    const double decay = a * (1 - std::cos(theta));
    if (decay > 41.5) break;  // 1 − cos θ grows with j up to θ = π
    const double m = std::exp(-decay), phase = a * std::sin(theta);
    const double re = m * std::cos(phase), im = m * std::sin(phase);
    if (2 * j == static_cast<long long>(c)) {  // θ = π: its own conjugate, φ real
      spread -= re / 2;
      zero += re;
    } else {
      spread -= re - im / std::tan(theta / 2);  // 2·Re(φ_j (1/2 + (i/2) cot(θ/2)))
      zero += 2 * re;
    }
  }
  return {(a + spread) / c, zero / c, idle};
}
}  // namespace runwise::detail

namespace runwise::simulate {

/// E[ceil(N / C)] and friends for N ~ Poisson(a), C = floor(per_instance) >= 1.
///
/// Exact: by the sum over the pmf (runwise::detail::load_by_sum) in constant expressions and, at run
/// time, for moderate loads; by the residues of N mod C (runwise::detail::load_by_residues, a few
/// terms instead of 20√a) at run time from a = 200; and for a <= (C + 1)/(4e) with C >= 30, where
/// the chance of C or more requests at once is below 1e-18 of that of one, as 1 − e^(-a) busy and
/// e^(-a) of arrivals starting a busy period. Each agrees with the sum to 1e-12
/// (tests/unit/poisson_instances_test.cpp).
/// When σ = √a >= 2C, N mod C is uniform to within e^(-a(1 - cos 2π/C)) <= e^(-32), and
/// ceil(N/C) = (N + (C - N mod C) mod C) / C gives the closed form (a + (C - 1)/2) / C, with 1/C
/// of arrivals starting a busy period. C = 1 gives busy = a; a large C gives 1 - e^(-a).
///
/// ```cpp
/// constexpr auto one = runwise::simulate::poisson_instance_load(2.0, 1);    // busy == 2
/// constexpr auto many = runwise::simulate::poisson_instance_load(2.0, 80);  // busy == 1 - e^-2 = 0.8647
/// ```
constexpr instance_load poisson_instance_load(double a, double per_instance) noexcept {
  if (!(a > 0)) return {0.0, 1.0, 1.0};
  const double c = detail::max(1.0, detail::floor(per_instance));
  const double idle = runwise::detail::exp(-a);
  if (c == 1) return {a, 1.0, idle};  // one request per instance: E[N] = a, every arrival starts one
  if (a >= 4 * c * c) return {(a + (c - 1) / 2) / c, 1 / c, idle};  // σ = √a >= 2C, without the √
  if (!std::is_constant_evaluated()) {
    // Few requests against a large C (Cloud Run's 80): with m = C + 1 >= 31 and a <= m / (4e),
    // P(N >= m) <= e^(-a) (ea/m)^m <= 4^(-m) (Chernoff), below 1e-18 of P(N >= 1): one instance is
    // busy whenever any request is in flight, and only N = 0 of the multiples of C is likely.
    if (c >= 30 && a <= (c + 1) / (4 * 2.718281828459045)) {
      const double none = std::exp(-a);
      return {-std::expm1(-a), none, none};
    }
    if (a >= 200) return runwise::detail::load_by_residues(a, c, idle);
  }
  return runwise::detail::load_by_sum(a, c, idle);
}

/// The z with P(Z <= z) = p for a standard normal Z, by bisection on erfc (100 halvings of
/// [-10, 10]): the normal approximation of poisson_quantile above a = 700.
inline double normal_quantile(double p) {
  double lo = -10, hi = 10;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
  }
  return hi;
}

/// The smallest k with P(N <= k) >= p for N ~ Poisson(a): by summing the pmf up to a = 700, by
/// the normal approximation with continuity correction above (its error there is below one request),
/// raised to the summed quantile at a = 700 so that the result never decreases as a grows (the
/// approximation leaves out the skew and falls a few requests short just above 700; a capacity
/// model takes a window's peak as the quantile of its largest load, which needs the monotony).
/// (Above 708, e^(-a) underflows to 0 and the sum would never reach p.) `z` is normal_quantile(p),
/// which a walk that asks for one p at many loads finds once; it is read only above a = 700, and so
/// is `at_700`, the summed quantile at 700 (negative: computed here).
///
/// ```cpp
/// runwise::simulate::poisson_quantile(1.0, 0.99);   // 4: P(N <= 3) = 0.981, P(N <= 4) = 0.996
/// ```
inline double poisson_quantile(double a, double p, double z, double at_700 = -1) {
  if (!(a > 0)) return 0;
  if (a > 700) {
    if (at_700 < 0) at_700 = poisson_quantile(700, p, z);
    return std::max(at_700, std::ceil(a + z * std::sqrt(a) - 0.5));
  }
  double pmf = std::exp(-a), cdf = pmf, k = 0;
  while (cdf < p && k < 10 * a + 100) {
    k += 1;
    pmf *= a / k;
    cdf += pmf;
  }
  return k;
}

inline double poisson_quantile(double a, double p) {
  return poisson_quantile(a, p, a > 700 ? normal_quantile(p) : 0.0);
}

/// The most requests in flight at once over `window_s` seconds with a mean of `a` in flight, each
/// lasting `duration_s` (M/G/∞): about window / E[d] independent looks at N ~ Poisson(a), whose
/// largest is near the quantile p = 1 - E[d] / window (at least the median), and never below
/// ceil(a). A whole number; 0 when a is 0. What a busiest step's concurrency needs at once.
///
/// ```cpp
/// runwise::simulate::peak_in_flight(3.45, 1.0, 60.0);   // 8: quantile 0.983 of Poisson(3.45)
/// ```
inline double peak_in_flight(double a, double duration_s, double window_s) {
  if (!(a > 0)) return 0.0;
  const double p = 1 - std::min(0.5, duration_s / std::max(window_s, duration_s));
  return std::max(std::ceil(a - 1e-9), poisson_quantile(a, p));
}

}  // namespace runwise::simulate
