// Properties that must hold for every platform on thousands of random workloads (issue: never
// wrong, never crashes). Workloads come from a seeded generator so a failure reproduces.
#include <doctest/doctest.h>

#include <cmath>

#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>
#include <runwise/simulator.hpp>

using namespace runwise;

namespace {

/// A random but valid workload: 1–48 hours of minutes, rates over nine orders of magnitude, every
/// traffic pattern, durations from 1 ms to 10 minutes, 128 MB to 10 GB. INIT time is 0: with it a
/// little extra traffic can keep instances warm and save more INIT than it costs (a true effect,
/// not a property).
workload random_workload(detail::splitmix64& rng) {
  const double hours_long = 1 + static_cast<double>(rng.below(48));
  const double rate = std::pow(10.0, -4 + 9 * rng.uniform());  // 1e-4 to 1e5 requests/s
  const auto pattern = static_cast<traffic_pattern>(rng.below(4));
  traffic_shape shape{.pattern = pattern, .seed = rng.next()};
  if (pattern == traffic_pattern::business_hours) shape.peak_to_mean = 1.2;  // reachable over any horizon
  workload w{.name = "random",
             .traffic = make_traffic(rate, hours(hours_long), seconds{60}, shape),
             .duration = {milliseconds(std::pow(10.0, 5.8 * rng.uniform()))},
             .memory = megabytes{128 + std::floor(rng.uniform() * 10'112)},
             .cpu = vcpu{0.25 * static_cast<double>(1 + rng.below(8))},
             .concurrency_per_instance = static_cast<double>(1 + rng.below(4))};
  w.init = seconds{0};
  return w;
}

template <class P>
typename P::config roomy() {
  typename P::config c{};
  if constexpr (requires { c.capacity.concurrency_limit; }) c.capacity.concurrency_limit = 1e7;
  return c;
}

}  // namespace

TEST_CASE_TEMPLATE("line items are non-negative and sum to the total", P, aws_lambda, aws_fargate, aws_ecs_ec2,
                   aws_eks_ec2, aws_eks_fargate) {
  detail::splitmix64 rng(1);
  int cases = 0;
  for (int i = 0; i < 300; ++i) {
    const workload w = random_workload(rng);
    const option_result r = evaluate_option<P>(w, roomy<P>());
    if (!r.feasible) continue;
    ++cases;
    double sum = 0;
    for (const auto& item : r.cost) {
      CHECK(item.amount.value() >= 0);
      sum += item.amount.value();
    }
    CHECK(r.cost.total().value() == doctest::Approx(sum).epsilon(1e-12));
    CHECK(std::isfinite(r.cost.total().value()));
    CHECK(r.use.served.value() <= r.use.arrived.value() * (1 + 1e-12));
    CHECK((r.use.served + r.use.throttled).value() <= r.use.arrived.value() * (1 + 1e-9) + 1e-9);
  }
  CHECK(cases > 100);
}

TEST_CASE_TEMPLATE("cost never decreases when the same traffic grows", P, aws_lambda, aws_fargate, aws_ecs_ec2,
                   aws_eks_ec2, aws_eks_fargate) {
  detail::splitmix64 rng(2);
  for (int i = 0; i < 200; ++i) {
    workload w = random_workload(rng);
    const auto c = roomy<P>();
    const option_result base = evaluate_option<P>(w, c);
    if (!base.feasible) continue;
    for (double k : {1.5, 4.0}) {
      workload more = w;
      more.traffic = w.traffic.scaled(k);
      CAPTURE(k);
      CHECK(evaluate_option<P>(more, c).cost.total().value() >= base.cost.total().value() * (1 - 1e-12));
    }
  }
}

TEST_CASE("Lambda without free tier is linear in requests (below the tier and concurrency bounds)") {
  detail::splitmix64 rng(3);
  int cases = 0;
  for (int i = 0; i < 300; ++i) {
    workload w = random_workload(rng);
    w.traffic = make_traffic(w.traffic.mean_rate(), w.traffic.horizon(), seconds{60});  // steady: no scale-out
    const option_result one = evaluate_option<aws_lambda>(w, roomy<aws_lambda>());
    workload thrice = w;
    thrice.traffic = w.traffic.scaled(3);
    const option_result three = evaluate_option<aws_lambda>(thrice, roomy<aws_lambda>());
    const double months = to_hours(w.traffic.horizon()) / 730;
    const double tier1_dollars = 6e9 * months * 0.0000166667;  // the first x86 duration tier
    if (!one.feasible || three.use.throttled.value() > 0 || three.use.peak_instances > 5000 ||
        three.cost["compute"].value() > tier1_dollars)
      continue;
    ++cases;
    CHECK(three.cost.total().value() == doctest::Approx(3 * one.cost.total().value()).epsilon(1e-9));
  }
  CHECK(cases > 100);
}

TEST_CASE("break-even points are where the two costs cross") {
  detail::splitmix64 rng(4);
  int crossings = 0;
  for (int i = 0; i < 40; ++i) {
    workload w = random_workload(rng);
    evaluator<aws_lambda, aws_fargate, aws_ecs_ec2> ev;
    ev.config<aws_lambda>() = roomy<aws_lambda>();
    evaluation e;
    try {
      e = ev.evaluate(w);
    } catch (const runwise::error&) {
      continue;  // nothing feasible for this random workload
    }
    const double per_month = w.traffic.total().value() / (to_hours(w.traffic.horizon()) / 730);
    for (const auto& b : e.break_even) {
      if (!b.requests_per_month || per_month <= 0) continue;
      ++crossings;
      const double k = *b.requests_per_month / per_month;
      auto cost_at = [&](const std::string& id, double scale) {
        workload x = w;
        x.traffic = w.traffic.scaled(scale);
        if (id == "aws_lambda") return evaluate_option<aws_lambda>(x, roomy<aws_lambda>()).cost.total().value();
        if (id == "aws_fargate") return evaluate_option<aws_fargate>(x, {}).cost.total().value();
        return evaluate_option<aws_ecs_ec2>(x, {}).cost.total().value();
      };
      // Just below and above the point the order of the two costs flips.
      const double below = cost_at(b.serverless, k * 0.999) - cost_at(b.containers, k * 0.999);
      const double above = cost_at(b.serverless, k * 1.001) - cost_at(b.containers, k * 1.001);
      CAPTURE(b.serverless);
      CAPTURE(b.containers);
      CHECK(below * above <= 0);
    }
  }
  CHECK(crossings > 5);
}

TEST_CASE("the request-level simulator conserves requests: served + rejected = arrived") {
  detail::splitmix64 rng(5);
  for (int i = 0; i < 200; ++i) {
    simulate::request_simulator_config c;
    c.service.warm_s = std::pow(10.0, -2 + 3 * rng.uniform());
    c.service.cold_s = c.service.warm_s * (1 + rng.uniform());
    c.keep_alive_s = 600 * rng.uniform();
    c.max_concurrency = static_cast<double>(1 + rng.below(50));
    c.concurrency_per_instance = static_cast<double>(1 + rng.below(4));
    c.horizon_s = 2000;
    c.seed = rng.next();
    const double rate = std::pow(10.0, -1 + 3 * rng.uniform());
    const auto r = simulate::simulate_poisson(rate, c);
    CHECK(r.served() + r.rejections == r.requests);
    CHECK(r.cold_starts <= r.served());
    CHECK(r.mean_instances == doctest::Approx(r.mean_running + r.mean_idle).epsilon(1e-9));
  }
}

TEST_CASE("extreme but valid inputs give finite, sensible results on every platform") {
  struct extreme {
    const char* what;
    double per_month, duration_ms, memory_mb;
  };
  for (const auto& x : {extreme{"no traffic", 0, 100, 128}, extreme{"one request", 1, 100, 128},
                        extreme{"1e15 requests a month", 1e15, 1, 128}, extreme{"1 ms", 1e6, 1, 128},
                        extreme{"15 minutes", 1e3, 15 * 60'000, 1024}, extreme{"10,240 MB", 1e6, 1000, 10'240}}) {
    CAPTURE(x.what);
    const workload w{.traffic = make_traffic(x.per_month / hours(730).value(), hours(730), seconds{60}),
                     .duration = {milliseconds(x.duration_ms)},
                     .memory = megabytes{x.memory_mb}};
    evaluator<aws_lambda, aws_fargate, aws_ecs_ec2, aws_eks_ec2, aws_eks_fargate> ev;
    const evaluation e = ev.evaluate(w);
    for (const auto& o : e.options) {
      CAPTURE(o.platform);
      CHECK(std::isfinite(o.cost.total().value()));
      CHECK(o.cost.total().value() >= 0);
    }
  }
}

TEST_CASE("a month of per-minute steps loses no cents against the closed-form quote") {
  // 3 M requests spread over 43,800 minutes, priced step by step, against the constexpr monthly quote.
  workload w{.traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60}),
             .duration = {milliseconds(1000)},
             .memory = megabytes{512}};
  w.init = seconds{0};
  const auto traced = evaluate_option<aws_lambda>(w, {}).cost.total().value();
  const auto quoted =
      aws_lambda::quote({.requests_per_month = 3e6, .duration = {milliseconds(1000)}, .memory = megabytes{512}}, {})
          .total()
          .value();
  CHECK(traced == doctest::Approx(quoted).epsilon(1e-12));
  CHECK(to_cents(usd{traced}) == 2560);
}

TEST_CASE("the simulator refuses what would not fit in memory instead of crashing") {
  simulate::request_simulator_config c;
  c.service.warm_s = 10;
  c.service.cold_s = 10;
  c.max_concurrency = 1e9;
  c.horizon_s = 10;
  CHECK_THROWS_WITH_AS((void)simulate::simulate_poisson(1e8, c), doctest::Contains("at most 1e6 are simulated"),
                       runwise::error);
}

TEST_CASE("Cloud Run cannot run a request longer than 60 minutes") {
  const workload w{.traffic = make_traffic(30.0 / hours(730).value(), hours(730), seconds{60}),
                   .duration = {seconds{2 * 3600}},
                   .memory = megabytes{512}};
  const option_result r = evaluate_option<gcp_cloud_run>(w, {});
  CHECK_FALSE(r.feasible);
}
