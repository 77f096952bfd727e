// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assumptions.hpp"
#include "cost.hpp"
#include "kind.hpp"
#include "progress.hpp"
#include "traits.hpp"
#include "usage.hpp"

namespace runwise {

/// One platform's answer for one workload: can it run it, what does it cost, how did it behave.
struct option_result {
  std::string platform;  ///< platform id, e.g. "aws_lambda"
  platform_kind kind = platform_kind::serverless;
  platform_traits traits = default_traits(platform_kind::serverless);  ///< what the criteria read
  bool feasible = true;
  std::vector<std::string> infeasible_reasons;                     ///< why not, one sentence each
  cost_breakdown cost;                                             ///< over the horizon; empty when infeasible
  usage use;                                                       ///< what the capacity policy measured
  std::vector<std::pair<std::string_view, double>> scores;         ///< per criterion, in [0, 1]
  std::vector<std::pair<std::string_view, std::string>> evidence;  ///< per criterion: why that score
  double score = 0;                                                ///< the decision policy's aggregate, in [0, 1]
};

/// The article's three answers.
enum class choice { serverless, containers, hybrid };

inline constexpr std::string_view to_string(choice c) noexcept {
  switch (c) {
    case choice::serverless:
      return "serverless";
    case choice::containers:
      return "containers";
    case choice::hybrid:
      return "hybrid";
  }
  return "serverless";
}

/// The article's follow-up questions among container options: EC2 instances or Fargate-like managed
/// hosting, ECS or Kubernetes; answered on the same criteria as the main choice.
///
/// ```cpp
/// if (e.hosting && e.hosting->runs_on == runwise::hosting::instances) { /* EC2 over Fargate */ }
/// ```
struct hosting_advice {
  std::string platform;                           ///< the best container option
  hosting runs_on = hosting::managed_containers;  ///< its hosting
  orchestration orchestrator = orchestration::none;
  std::vector<std::string> reasons;  ///< one sentence per comparison made
};

/// What to do, where, and why (the evidence sentences, strongest first).
struct recommendation {
  choice kind = choice::serverless;
  std::string platform;
  std::vector<std::string> reasons;
};

/// The monthly request count at which a serverless and a container option cost the same.
struct break_even_point {
  std::string serverless;
  std::string containers;
  std::optional<double> requests_per_month;  ///< nullopt: the costs never cross in the searched range
  /// Share of the time one function instance must be busy to cost what one always-on container
  /// unit (task or pod) of this evaluation costs (analyze::duty_cycle_break_even), from the
  /// function's busy instance time (usage::mean_busy_instances); nullopt when either side ran
  /// nothing. Above 1: one always-on unit costs more than a function instance busy all the time.
  std::optional<double> duty_cycle;
  /// Why there is no break-even (empty when there is one): the costs never cross while both keep
  /// up, with the figures that say why, or the limit (which option stops keeping up, and how).
  std::string reason;
  /// Where the search ended because one option stops keeping up above it (monthly requests).
  std::optional<double> limit_requests_per_month;
};

/// Everything runwise concluded about one workload.
struct evaluation {
  std::string workload;
  seconds horizon{};
  std::vector<option_result> options;  ///< ranked: best first, infeasible last
  recommendation advice;
  /// Among the container options: EC2 instances or managed hosts, ECS or Kubernetes, on the
  /// decision's criteria; nullopt when no container option is feasible.
  std::optional<hosting_advice> hosting;
  std::vector<break_even_point> break_even;
  /// How the inputs were read (workload::notes) and the defaults the spec did not set that decide
  /// the answer, each with the answer at the usual setting (see detail::note_defaults).
  std::vector<std::string> notes;
};

/// How the caller weighs the criteria and the effort assumptions behind them (run-time data).
///
/// ```cpp
/// runwise::preferences p;
/// p.weights = {{"cost", 3}, {"maintenance", 1}};   // criteria not named weigh 0
/// ```
struct preferences {
  /// Criterion name → weight (>= 0). Empty: decide::default_weights derives them from the workload
  /// with the article's rule of thumb. Given: criteria not named weigh 0.
  std::vector<std::pair<std::string, double>> weights;
  criteria::assumptions assumptions{};
  /// Told after each option evaluation (today's traffic and each scale the break-even search
  /// tries): done evaluations of about planned. Empty: nothing is told.
  progress_callback progress{};
};

struct workload;

/// What a decision policy may look at besides the options.
struct decision_context {
  seconds horizon{};
  const workload* subject = nullptr;  ///< the workload decided on (null: requirements at their defaults)
  preferences prefs{};
  /// False when only the choice is read (fleet mode: a row per function): a policy may then leave
  /// the recommendation's reasons empty instead of writing out its ranking.
  bool explain = true;
};

}  // namespace runwise
