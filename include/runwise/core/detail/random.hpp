// SPDX-License-Identifier: MIT
#pragma once

// A small seeded generator and Poisson sampler, so that the core does not need <random>
// (a heavy header; see the compile-time target in bench/). Results are identical on every
// platform and compiler for a given seed, which <random>'s distributions do not promise.

#include <cmath>
#include <cstdint>

namespace runwise::detail {

/// SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
class splitmix64 {
 public:
  explicit constexpr splitmix64(std::uint64_t seed) noexcept : state_(seed) {}
  constexpr std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, 1) with 53 random bits.
  constexpr double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform integer in [0, n) (n > 0); the modulo bias is below 2^-40 for n < 2^24.
  constexpr std::uint64_t below(std::uint64_t n) noexcept { return next() % n; }

 private:
  std::uint64_t state_;
};

/// A Poisson(lambda) sample. Multiplication method for small lambda; for lambda >= 10 the
/// transformed rejection method PTRS (W. Hörmann, "The transformed rejection method for generating
/// Poisson random variables", Insurance: Mathematics and Economics 12, 1993).
inline double poisson(splitmix64& rng, double lambda) {
  if (lambda <= 0) return 0;
  if (lambda < 10) {
    const double limit = std::exp(-lambda);
    double product = rng.uniform();
    double k = 0;
    while (product > limit) {
      product *= rng.uniform();
      k += 1;
    }
    return k;
  }
  const double slam = std::sqrt(lambda);
  const double loglam = std::log(lambda);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double u = rng.uniform() - 0.5;
    const double v = rng.uniform();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * a / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <= -lambda + k * loglam - std::lgamma(k + 1))
      return k;
  }
}

}  // namespace runwise::detail
