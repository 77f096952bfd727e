// A custom weighting: a decision policy that weighs cost against scalability (requests served on
// time) with the team's own weights, plugged into the evaluator's decision slot.
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

/// A score rounded to hundredths, shortest form: 0.8333 -> "0.83", 0.6 -> "0.6".
static std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", std::round(score * 100) / 100);
  return buf;
}

// Scores in [0, 1]: cost = cheapest feasible total / this total; scalability = share of requests
// served on time (not overloaded, not throttled). The score is the weighted mean of the two.
template <int CostWeight, int ScalabilityWeight>
struct weighted {
  static runwise::recommendation decide(std::vector<runwise::option_result>& options,
                                        const runwise::decision_context&) {
    double cheapest = -1;
    for (const auto& o : options)
      if (o.feasible && (cheapest < 0 || o.cost.total().value() < cheapest)) cheapest = o.cost.total().value();
    for (auto& o : options) {
      if (!o.feasible) continue;
      const double arrived = o.use.arrived.value();
      const double cost = o.cost.total().value() > 0 ? cheapest / o.cost.total().value() : 1.0;
      const double on_time = arrived > 0 ? 1.0 - (o.use.overloaded.value() + o.use.throttled.value()) / arrived : 1.0;
      o.scores = {{"cost", cost}, {"scalability", on_time}};
      o.score = (CostWeight * cost + ScalabilityWeight * on_time) / (CostWeight + ScalabilityWeight);
    }
    std::stable_sort(options.begin(), options.end(), [](const auto& a, const auto& b) {
      return a.feasible != b.feasible ? a.feasible : a.score > b.score;
    });
    const auto& best = options.front();
    return {best.kind == runwise::platform_kind::serverless ? runwise::choice::serverless : runwise::choice::containers,
            best.platform,
            {"weighted score " + score_text(best.score)}};
  }
};

template <class Decision>
void show(const char* label, const runwise::workload& w) {
  runwise::evaluator<runwise::aws_lambda, runwise::aws_fargate, Decision> ev;
  ev.template config<runwise::aws_fargate>().capacity.policy = runwise::simulate::scaling_policy::fixed;
  ev.template config<runwise::aws_fargate>().capacity.tasks = 1;
  const runwise::evaluation e = ev.evaluate(w);
  std::printf("%-14s -> %s on %s (", label, std::string(runwise::to_string(e.advice.kind)).c_str(),
              e.advice.platform.c_str());
  for (const auto& o : e.options)
    std::printf(" %s %s score %.2f", o.platform.c_str(), runwise::to_string(o.cost.total()).c_str(),
                o.score);
  std::printf(" )\n");
}

int main() {
  using namespace runwise;
  // the CLI's example: 3 M requests a month of 1 s at 512 MB. One 0.25 vCPU Fargate task costs
  // less but serves 60 a minute while 68.5 arrive, so almost every request is late.
  const workload w{.name = "orders-api",
                   .traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60}),
                   .duration = {milliseconds(1000)},
                   .memory = megabytes{512}};
  show<weighted<1, 0>>("cost only", w);
  show<weighted<1, 1>>("equal weights", w);
}
