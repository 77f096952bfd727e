// Issue 24, item 9: long runs tell their caller how far they have come and can be stopped. The
// counts are derived from the algorithms: an evaluation of P options runs each once at today's
// traffic, then the break-even search at its scan points; a Monte Carlo run of n draws reports n
// times; a callback that throws ends the run with its exception.

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>
#include <runwise/simulator.hpp>
#include <runwise/uncertainty.hpp>

using namespace runwise;

namespace {
workload steady_hour() {
  workload w{.name = "steady",
             .traffic = make_traffic(1, hours(1), seconds{60}),
             .duration = {milliseconds(100)},
             .memory = megabytes{512}};
  return w;
}
struct stop_now : std::runtime_error {
  stop_now() : std::runtime_error("stopped") {}
};
}  // namespace

TEST_CASE("an evaluation reports each option evaluation, in order, against a fixed plan") {
  std::vector<double> done;
  double planned = 0;
  evaluator<aws_lambda, aws_fargate> ev;
  ev.preferences().progress = [&](double d, double p) {
    done.push_back(d);
    planned = p;
  };
  const evaluation e = ev.evaluate(steady_hour());
  // Two options, each planned at today's traffic and the 97 scan points (+1): 2 × 99 = 198.
  CHECK(planned == 2 * (2 + analyze::scan_points));
  REQUIRE(done.size() >= 2);
  for (std::size_t i = 0; i < done.size(); ++i) CHECK(done[i] == static_cast<double>(i + 1));
  CHECK(e.options.size() == 2);
}

TEST_CASE("a progress callback that throws stops the evaluation with its exception") {
  evaluator<aws_lambda, aws_fargate> ev;
  int calls = 0;
  ev.preferences().progress = [&](double d, double) {
    ++calls;
    if (d >= 5) throw stop_now{};
  };
  CHECK_THROWS_AS((void)ev.evaluate(steady_hour()), stop_now);
  CHECK(calls == 5);
}

TEST_CASE("Monte Carlo reports every draw once and stops every thread when the callback throws") {
  const auto platforms = std::vector<selected_platform>{select<aws_lambda>({}), select<aws_fargate>({})};
  analyze::uncertain_inputs in;
  in.traffic = analyze::distribution::uniform(0.5, 2);
  std::atomic<int> told{0};
  analyze::monte_carlo_options opt{.draws = 600, .seed = 3, .threads = 2};
  opt.progress = [&](double, double planned) {
    CHECK(planned == 600);
    ++told;
  };
  (void)analyze::monte_carlo(steady_hour(), platforms, in, {}, opt);
  CHECK(told == 600);

  // Thrown at the 50th draw: each thread ends after the draw it is on, so far fewer than 600 run.
  told = 0;
  opt.progress = [&](double d, double) {
    ++told;
    if (d >= 49) throw stop_now{};
  };
  CHECK_THROWS_AS((void)analyze::monte_carlo(steady_hour(), platforms, in, {}, opt), stop_now);
  CHECK(told < 60);
}

TEST_CASE("the request simulator reports simulated time every 2^20 events") {
  // λ = 100/s for 1e5 s: about 1e7 arrivals and as many departures, so 2e7 / 2^20 ≈ 19 reports,
  // of simulated seconds below the horizon and increasing.
  simulate::request_simulator_config c{.service = {.warm_s = 0.01, .cold_s = 0.02}, .horizon_s = 1e5};
  std::vector<double> seen;
  c.progress = [&](double done, double planned) {
    CHECK(planned == 1e5);
    seen.push_back(done);
  };
  (void)simulate::simulate_poisson(100, c);
  CHECK(seen.size() >= 15);
  CHECK(seen.size() <= 25);
  for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] > seen[i - 1]);
  CHECK(seen.back() < 1e5);
}
