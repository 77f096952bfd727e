// A sparse day for the fast-path tests: 1,440 minutes with a request in about 2% of them and a
// burst (hundreds of requests) in about 0.5%, as half the functions of the Azure trace are called
// now and then. Deterministic per seed (a linear congruential sequence).
#pragma once

#include <cstdint>
#include <vector>

inline std::vector<double> sparse_day(std::uint32_t seed) {
  std::vector<double> counts(1440, 0.0);
  std::uint32_t state = seed;
  for (double& x : counts) {
    state = state * 1103515245u + 12345u;
    const std::uint32_t r = (state >> 16) % 1000;
    x = r < 20 ? 1.0 : r < 25 ? static_cast<double>(r) * 40 : 0.0;
  }
  return counts;
}
