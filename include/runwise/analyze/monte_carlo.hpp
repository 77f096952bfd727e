// SPDX-License-Identifier: MIT
#pragma once

// Monte Carlo over uncertain inputs: each draw samples traffic, duration, memory and prices, and
// evaluates every selected platform; the result is each option's cost percentiles and how often it
// is the cheapest and the recommended one. Not in runwise.hpp: it needs <thread>, which the core path
// leaves out (issue #8's compile-time target); include <runwise/analyze/monte_carlo.hpp>.

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "../core/detail/check.hpp"
#include "../core/detail/random.hpp"
#include "../core/progress.hpp"
#include "../decide/concepts.hpp"
#include "../decide/weighted_sum.hpp"
#include "distribution.hpp"
#include "scenario.hpp"
#include "uncertainty_report.hpp"

namespace runwise::analyze {

/// What is uncertain about a workload. Traffic and prices are factors on the workload's series and
/// on a platform's price sheet (1 = as given); duration and memory are values (ms, MB) that replace
/// the workload's. Inputs left out stay at the workload's values.
///
/// ```cpp
/// runwise::analyze::uncertain_inputs in;
/// in.traffic = runwise::analyze::distribution::triangular(0.5, 1, 3);
/// in.prices = {{"aws_lambda", runwise::analyze::distribution::uniform(0.8, 1.0)}};   // a negotiated discount
/// ```
struct uncertain_inputs {
  distribution traffic = distribution::fixed(1);
  std::optional<distribution> duration_ms;
  std::optional<distribution> memory_mb;
  std::vector<std::pair<std::string, distribution>> prices;  ///< platform id → factor on its prices

  /// Throws runwise::error naming `path.<input>` for a bad distribution or an unknown platform id.
  void validate(const std::vector<selected_platform>& platforms, const std::string& path = "uncertainty.inputs") const {
    traffic.validate(path + ".traffic", 0, 1e6);
    if (duration_ms) duration_ms->validate(path + ".duration_ms", 1e-3, 8.64e7);
    if (memory_mb) memory_mb->validate(path + ".memory_mb", 1, 1e7);
    for (const auto& entry : prices) {
      const std::string& id = entry.first;  // (a named reference: lambdas cannot capture bindings in C++20)
      if (std::none_of(platforms.begin(), platforms.end(), [&](const auto& p) { return p.id == id; }))
        fail_input(path + ".prices." + id, "names no selected platform");
      entry.second.validate(path + ".prices." + id, 0, 1e3);
    }
  }
};

/// The inputs `runwise evaluate --monte-carlo` assumes when a spec gives none: traffic a factor
/// triangular from ×0.5 to ×2, most likely ×1 (a forecast off by up to half or double, today's
/// figure the likeliest; triangular, runwise's default kind, keeps the tails heavier than PERT and
/// its CDF checkable by hand), and each selected platform's prices a factor uniform on ×0.9 to ×1.1
/// (±10%: list-price changes and discounts nobody has quoted yet, no value likelier than another).
/// Each platform's prices move on their own. `described` receives one sentence per input.
///
/// ```cpp
/// std::vector<std::string> what;
/// auto in = runwise::analyze::default_uncertain_inputs(platforms, &what);   // what[0]: "traffic: ..."
/// ```
inline uncertain_inputs default_uncertain_inputs(const std::vector<selected_platform>& platforms,
                                                 std::vector<std::string>* described = nullptr) {
  uncertain_inputs in;
  in.traffic = distribution::triangular(0.5, 1, 2);
  for (const auto& p : platforms) in.prices.emplace_back(p.id, distribution::uniform(0.9, 1.1));
  if (described) {
    described->push_back("traffic: a factor triangular from x0.5 to x2, most likely x1");
    described->push_back("prices: each platform's a factor uniform from x0.9 to x1.1 (+/-10%), independently");
  }
  return in;
}

/// How many draws, from which seed, on how many threads.
struct monte_carlo_options {
  std::size_t draws = 1000;
  std::uint64_t seed = 1;
  /// Worker threads; 0: one per hardware thread when there are at least 256 draws per thread.
  /// The results do not depend on it.
  unsigned threads = 0;
  /// Told after each draw: draws done of `draws` (serialised across the threads). When it throws,
  /// every thread stops after its current draw and the exception leaves monte_carlo().
  progress_callback progress{};

  void validate(const std::string& path = "uncertainty") const {
    runwise::detail::check_range(path + ".draws", static_cast<double>(draws), 1, 1e7);
    runwise::detail::check_range(path + ".threads", threads, 0, 256);
  }
};

}  // namespace runwise::analyze

namespace runwise::detail {
/// The seed of input `input`'s generator in draw `draw`: a hash of (seed, draw, input) by chained
/// SplitMix64 steps, so draws are independent of the order and thread they run in, and adding an
/// uncertain input leaves the samples of the others unchanged.
inline std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t draw, std::uint64_t input) noexcept {
  std::uint64_t h = runwise::detail::splitmix64(seed).next();
  h = runwise::detail::splitmix64(h ^ draw).next();
  return runwise::detail::splitmix64(h ^ (input * 0xd1b54a32d192ed03ULL)).next();
}

/// The q-quantile of sorted `x` by linear interpolation between order statistics (R's type 7,
/// NumPy's default: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", 1996).
inline double quantile_sorted(const std::vector<double>& x, double q) {
  if (x.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double h = (static_cast<double>(x.size()) - 1) * q;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}
}  // namespace runwise::detail

namespace runwise::analyze {

/// The scenario of draw `draw` (inputs sampled in a fixed order, each from its own stream).
inline scenario draw_scenario(const uncertain_inputs& in, const std::vector<selected_platform>& platforms,
                              std::uint64_t seed, std::uint64_t draw) {
  auto sample = [&](const distribution& d, std::uint64_t input) {
    runwise::detail::splitmix64 rng(detail::stream_seed(seed, draw, input));
    return d.sample(rng);
  };
  scenario s;
  s.traffic = sample(in.traffic, 0);
  if (in.duration_ms) s.duration_s = sample(*in.duration_ms, 1) / 1000.0;
  if (in.memory_mb) s.memory_mb = sample(*in.memory_mb, 2);
  s.price_factors.assign(platforms.size(), 1.0);
  for (std::size_t i = 0; i < platforms.size(); ++i)
    for (const auto& [id, d] : in.prices)
      if (id == platforms[i].id) s.price_factors[i] = sample(d, 3 + i);
  return s;
}

/// Evaluates `w` on `platforms` in `opt.draws` draws of `in` and summarises each option's cost and
/// wins. Deterministic for a given seed whatever the thread count: draw d's inputs come from
/// stream_seed(seed, d, input), and each draw's outcome is stored at its index before the summary.
/// Costs are summarised over the draws in which the option is feasible; "cheapest" is the lowest
/// total among the feasible options of a draw; "recommended" is decision policy `D`'s choice.
///
/// ```cpp
/// auto r = runwise::analyze::monte_carlo(w, platforms, in, {}, {.draws = 2000, .seed = 7});
/// r.options[0].p50_usd;      // median cost of the first selected platform
/// r.options[0].p_cheapest;   // e.g. 0.62
/// ```
template <decision_policy D = decide::weighted_sum>
uncertainty_report monte_carlo(const workload& w, const std::vector<selected_platform>& platforms,
                               const uncertain_inputs& in, const preferences& prefs = {},
                               const monte_carlo_options& opt = {}) {
  opt.validate();
  in.validate(platforms);
  const std::size_t n = opt.draws, k = platforms.size();
  unsigned threads = opt.threads;
  if (threads == 0) {
    threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n / 256)));
  }
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));

  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<double> cost(n * k, std::numeric_limits<double>::quiet_NaN());  // draw-major
  std::vector<std::size_t> winner(n, none), cheapest(n, none);
  std::mutex told;                // serialises opt.progress
  std::atomic<bool> stop{false};  // a thread failed (or the callback threw): the others end early
  std::size_t drawn = 0;
  auto work = [&](std::size_t first, std::size_t last) {
    scenario_runner<D> runner(w, platforms, prefs);
    for (std::size_t d = first; d < last && !stop.load(std::memory_order_relaxed); ++d) {
      if (opt.progress) {
        std::lock_guard lock(told);
        opt.progress(static_cast<double>(drawn++), static_cast<double>(n));
      }
      const evaluation& e = runner.run(draw_scenario(in, platforms, opt.seed, d));
      double best = std::numeric_limits<double>::infinity();
      for (const auto& o : e.options) {
        std::size_t i = 0;
        while (i < k && platforms[i].id != o.platform) ++i;
        if (i == k) continue;
        if (o.platform == e.advice.platform) winner[d] = i;
        if (!o.feasible) continue;
        const double total = o.cost.total().value();
        cost[d * k + i] = total;
        if (total < best || (total == best && i < cheapest[d])) {
          best = total;
          cheapest[d] = i;
        }
      }
    }
  };
  if (threads <= 1) {
    work(0, n);
  } else {
    std::vector<std::thread> pool;
    std::vector<std::exception_ptr> failed(threads);
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        try {
          work(n * t / threads, n * (t + 1) / threads);
        } catch (...) {
          failed[t] = std::current_exception();
          stop = true;
        }
      });
    for (auto& th : pool) th.join();
    for (auto& f : failed)
      if (f) std::rethrow_exception(f);
  }

  uncertainty_report r;
  r.draws = n;
  r.seed = opt.seed;
  r.threads = threads;
  std::vector<double> x;
  x.reserve(n);
  for (std::size_t i = 0; i < k; ++i) {
    option_uncertainty o;
    o.platform = platforms[i].id;
    o.kind = platforms[i].kind;
    x.clear();
    double sum = 0;
    for (std::size_t d = 0; d < n; ++d)
      if (!std::isnan(cost[d * k + i])) {
        x.push_back(cost[d * k + i]);
        sum += cost[d * k + i];
      }
    std::sort(x.begin(), x.end());
    const double dn = static_cast<double>(n);
    o.p_feasible = static_cast<double>(x.size()) / dn;
    if (!x.empty()) {
      o.p5_usd = detail::quantile_sorted(x, 0.05);
      o.p50_usd = detail::quantile_sorted(x, 0.50);
      o.p95_usd = detail::quantile_sorted(x, 0.95);
      o.mean_usd = sum / static_cast<double>(x.size());
      o.min_usd = x.front();
      o.max_usd = x.back();
    }
    o.p_cheapest = static_cast<double>(std::count(cheapest.begin(), cheapest.end(), i)) / dn;
    o.p_recommended = static_cast<double>(std::count(winner.begin(), winner.end(), i)) / dn;
    r.options.push_back(std::move(o));
  }
  r.p_no_option = static_cast<double>(std::count(cheapest.begin(), cheapest.end(), none)) / static_cast<double>(n);
  return r;
}

}  // namespace runwise::analyze
