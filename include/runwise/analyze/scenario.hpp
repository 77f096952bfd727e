// SPDX-License-Identifier: MIT
#pragma once

// One workload evaluated under many what-ifs (traffic, duration, memory, prices): the engine of the
// sensitivity and Monte Carlo analyses. It ranks the options without the break-even search and the
// hosting advice, reuses its storage from one scenario to the next, and prices the last usage again
// when only prices changed.

#include <cstddef>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "../decide/concepts.hpp"
#include "../decide/weighted_sum.hpp"
#include "../evaluate/conclude.hpp"
#include "../evaluate/registry.hpp"
#include "../workload/workload.hpp"

namespace runwise::analyze {

/// One what-if on a base workload: its traffic scaled (same shape), its mean duration and memory
/// replaced, and each selected platform's prices multiplied (scale_prices).
struct scenario {
  double traffic = 1;                 ///< factor on every count of the traffic series
  double duration_s = 0;              ///< mean duration per request in seconds (0: the workload's)
  double memory_mb = 0;               ///< configured memory (0: the workload's)
  std::vector<double> price_factors;  ///< one per selected platform, in selection order (empty: all 1)
};

/// Evaluates one workload on run-time selected platforms under scenario after scenario, ranking the
/// options with decision policy `D` (as evaluate_selected would, minus break-even points and hosting
/// advice). Results are exactly those of evaluating the changed workload from scratch; the runner
/// only avoids work: the scaled traffic is rebuilt in place, and when a scenario differs from the
/// previous one only in prices, each option's usage is priced again instead of simulated.
/// The platforms must come from runwise::select (they need `run_priced`); the runner keeps
/// references to `base` and `platforms`, which must outlive it. Not thread-safe: one runner per thread.
///
/// ```cpp
/// runwise::analyze::scenario_runner<> runner(w, platforms);
/// const runwise::evaluation& e = runner.run({.traffic = 2});   // twice the traffic
/// e.advice.platform;                                          // "" when no option is feasible
/// ```
template <decision_policy D = decide::weighted_sum>
class scenario_runner {
 public:
  scenario_runner(const workload& base, const std::vector<selected_platform>& platforms, preferences prefs = {})
      : base_(base), platforms_(platforms), prefs_(std::move(prefs)), scratch_(base), simulated_(platforms.size()) {
    base.validate();
    prefs_.assumptions.validate("assumptions");
    for (const auto& p : platforms_)
      if (!p.run_priced)
        throw error(errc::internal, p.id, "the analyses need platforms made by runwise::select (run_priced is empty)");
  }

  /// The ranked options and the advice under `s`; `advice.platform` is empty when no option can run
  /// the workload (the decision policies throw then; the runner reports it as no verdict).
  const evaluation& run(const scenario& s) {
    const double duration = s.duration_s > 0 ? s.duration_s : base_.duration.mean.value();
    const double memory = s.memory_mb > 0 ? s.memory_mb : base_.memory.value();
    const bool same_usage = primed_ && s.traffic == traffic_ && duration == duration_ && memory == memory_;
    if (!primed_ || s.traffic != traffic_) scratch_.traffic.assign_scaled(base_.traffic, s.traffic);
    scratch_.duration.mean = seconds{duration};
    scratch_.memory = megabytes{memory};
    traffic_ = s.traffic;
    duration_ = duration;
    memory_ = memory;
    primed_ = true;

    result_.workload = base_.name;
    result_.horizon = scratch_.traffic.horizon();
    result_.options.clear();
    for (std::size_t i = 0; i < platforms_.size(); ++i) {
      const double factor = i < s.price_factors.size() ? s.price_factors[i] : 1.0;
      option_result o = platforms_[i].run_priced(scratch_, factor, same_usage ? &simulated_[i] : nullptr);
      if (!same_usage) simulated_[i] = o;
      add_operations(o, scratch_, prefs_.assumptions);
      result_.options.push_back(std::move(o));
    }
    try {
      result_.advice = D::decide(result_.options, decision_context{result_.horizon, &scratch_, prefs_});
    } catch (const error& e) {
      if (e.code() != errc::infeasible) throw;
      result_.advice = {};
    }
    return result_;
  }

  /// The workload as the last scenario changed it.
  [[nodiscard]] const workload& current() const noexcept { return scratch_; }

 private:
  const workload& base_;
  const std::vector<selected_platform>& platforms_;
  preferences prefs_;
  workload scratch_;
  std::vector<option_result> simulated_;  ///< per platform: the last simulation, for price-only changes
  evaluation result_;
  bool primed_ = false;
  double traffic_ = 0, duration_ = 0, memory_ = 0;
};

}  // namespace runwise::analyze
