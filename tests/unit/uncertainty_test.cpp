#include <doctest/doctest.h>

#include <cmath>

#include <runwise/uncertainty.hpp>

using namespace runwise;
using analyze::distribution;

namespace {
// Sample mean and variance of `n` draws of `d` from `seed`.
std::pair<double, double> moments(const distribution& d, int n, std::uint64_t seed) {
  detail::splitmix64 rng(seed);
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = d.sample(rng);
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / n;
  return {mean, (sum2 - n * mean * mean) / (n - 1)};
}

// A steady month of `per_month` requests of 1 s at 512 MB with no INIT time, so that Lambda's bill
// is exactly requests × $0.20/M + GB-s × $0.0000166667 (docs/pricing.md, x86 first tier, no free tier).
workload steady_month(double per_month) {
  workload w{.name = "steady",
             .traffic = make_traffic(per_month / hours(730).value(), hours(730), seconds{60}),
             .duration = {milliseconds(1000)},
             .memory = megabytes{512}};
  w.init = seconds{0};
  return w;
}

// Lambda (defaults: no free tier) and one fixed Fargate task of 0.25 vCPU / 0.5 GB, which costs
// 730 h × (0.25 × $0.04048 + 0.5 × $0.004445) = $9.010025 whatever the traffic (docs/pricing.md).
std::vector<selected_platform> lambda_and_one_task() {
  aws_fargate::config f;
  f.billing.task = {0.25, 0.5};
  f.capacity.tasks = 1;
  return {select<aws_lambda>({}), select<aws_fargate>(f)};
}
constexpr double fargate_month = 730 * (0.25 * 0.04048 + 0.5 * 0.004445);  // $9.010025
// Lambda per million requests of 1 s at 0.5 GB: $0.20 + 500,000 GB-s × $0.0000166667 = $8.53335.
constexpr double lambda_per_million = 1e6 * 0.2e-6 + 1e6 * 1.0 * 0.5 * 0.0000166667;

const analyze::option_uncertainty& find(const analyze::uncertainty_report& r, std::string_view id) {
  for (const auto& o : r.options)
    if (o.platform == id) return o;
  throw std::runtime_error("no option " + std::string(id));
}
}  // namespace

TEST_CASE("triangular and PERT: closed-form moments, and samples that match them") {
  // Triangular(0, 1, 4): mean (0 + 1 + 4)/3 = 5/3, variance (0 + 16 + 1 − 0 − 0 − 4)/18 = 13/18
  // (Evans, Hastings, Peacock, Statistical Distributions, ch. 40).
  const auto tri = distribution::triangular(0, 1, 4);
  CHECK(tri.mean() == doctest::Approx(5.0 / 3).epsilon(1e-15));
  CHECK(tri.variance() == doctest::Approx(13.0 / 18).epsilon(1e-15));
  // PERT(0, 1, 4): mean (0 + 4 + 4)/6 = 4/3, variance (4/3)(8/3)/7 = 32/63 (Vose, Risk Analysis, §III.7.2).
  const auto pert = distribution::pert(0, 1, 4);
  CHECK(pert.mean() == doctest::Approx(4.0 / 3).epsilon(1e-15));
  CHECK(pert.variance() == doctest::Approx(32.0 / 63).epsilon(1e-15));
  // Uniform(2, 5): mean 3.5, variance 9/12.
  const auto uni = distribution::uniform(2, 5);
  CHECK(uni.variance() == doctest::Approx(0.75).epsilon(1e-15));

  // 200,000 samples: the sample mean lies within 5 standard errors σ/√n of the true mean; the
  // sample variance within 3% (its standard error is below 0.4% for these bounded shapes).
  constexpr int n = 200'000;
  for (const auto& d : {tri, pert, uni}) {
    const auto [mean, var] = moments(d, n, 42);
    CHECK(std::fabs(mean - d.mean()) < 5 * std::sqrt(d.variance() / n));
    CHECK(var == doctest::Approx(d.variance()).epsilon(0.03));
  }
}

TEST_CASE("lognormal from p50 and p90: the samples' median and 90th percentile") {
  const auto d = distribution::lognormal(100, 250);
  CHECK(d.cdf(100) == doctest::Approx(0.5).epsilon(1e-12));
  CHECK(d.cdf(250) == doctest::Approx(0.9).epsilon(1e-12));
  detail::splitmix64 rng(3);
  int below_p50 = 0, below_p90 = 0;
  constexpr int n = 100'000;
  for (int i = 0; i < n; ++i) {
    const double x = d.sample(rng);
    below_p50 += x <= 100;
    below_p90 += x <= 250;
  }
  // Binomial standard errors: √(0.25/n) = 0.0016 and √(0.09/n) = 0.00095; allow 5 of them.
  CHECK(std::fabs(below_p50 / double(n) - 0.5) < 0.008);
  CHECK(std::fabs(below_p90 / double(n) - 0.9) < 0.005);
}

TEST_CASE("distribution validation names the field") {
  CHECK_THROWS_WITH(distribution::triangular(2, 1, 3).validate("uncertainty.inputs.traffic", 0, 1e6),
                    doctest::Contains("uncertainty.inputs.traffic: needs low <= expected <= high"));
  CHECK_THROWS_WITH(distribution::lognormal(2, 1).validate("x", 0, 1e6), doctest::Contains("x.p90: must be above p50"));
  CHECK_THROWS_WITH(distribution::uniform(-1, 1).validate("x", 0, 1e6), doctest::Contains("x.low"));
}

TEST_CASE("Monte Carlo: Lambda's cost is linear in its price factor, so its percentiles are the factor's") {
  const workload w = steady_month(3e6);
  const auto platforms = lambda_and_one_task();
  const double base = 3 * lambda_per_million;  // 3 × $8.53335 = $25.60005 (the CLI's $25.60)
  analyze::uncertain_inputs in;
  in.prices = {{"aws_lambda", distribution::uniform(0.8, 1.2)}};
  constexpr std::size_t n = 2000;
  const auto r = analyze::monte_carlo<decide::cheapest>(w, platforms, in, {}, {.draws = n, .seed = 11});
  const auto& lambda = find(r, "aws_lambda");
  // The q-quantile of a uniform factor on [0.8, 1.2] is 0.8 + 0.4q. A sample quantile's standard
  // error is √(q(1−q)/n) / f with density f = 2.5: 0.0045 at the median, 0.0019 at p5/p95; allow 4.
  CHECK(lambda.p50_usd / base == doctest::Approx(1.0).epsilon(4 * 0.0045));
  CHECK(lambda.p5_usd / base == doctest::Approx(0.82).epsilon(4 * 0.0019 / 0.82));
  CHECK(lambda.p95_usd / base == doctest::Approx(1.18).epsilon(4 * 0.0019 / 1.18));
  CHECK(lambda.min_usd >= 0.8 * base * (1 - 1e-12));
  CHECK(lambda.max_usd <= 1.2 * base * (1 + 1e-12));
  // Fargate's prices are certain: every draw costs $9.010025.
  const auto& fargate = find(r, "aws_fargate");
  CHECK(fargate.p5_usd == doctest::Approx(fargate_month).epsilon(1e-12));
  CHECK(fargate.p95_usd == doctest::Approx(fargate_month).epsilon(1e-12));
  CHECK(fargate.p_cheapest == 1.0);
  CHECK(lambda.p_feasible == 1.0);
}

TEST_CASE("Monte Carlo: P(cheapest) is the probability that traffic stays below the break-even factor") {
  // 1 M requests a month: Lambda costs k × $8.53335 at k times the traffic, the fixed task $9.010025,
  // so Lambda is cheaper exactly when k < 9.010025 / 8.53335 = 1.055860. With k triangular(0.5, 1, 1.5),
  // P(k < k*) = 1 − (1.5 − k*)² / ((1.5 − 0.5)(1.5 − 1)) = 0.60548 (the triangular CDF above the mode).
  const workload w = steady_month(1e6);
  const double k_star = fargate_month / lambda_per_million;
  const double expected = 1 - (1.5 - k_star) * (1.5 - k_star) / (1.0 * 0.5);
  CHECK(expected == doctest::Approx(0.60548).epsilon(1e-4));
  analyze::uncertain_inputs in;
  in.traffic = distribution::triangular(0.5, 1, 1.5);
  CHECK(in.traffic.cdf(k_star) == doctest::Approx(expected).epsilon(1e-12));
  constexpr std::size_t n = 4000;
  const auto r = analyze::monte_carlo<decide::cheapest>(w, lambda_and_one_task(), in, {}, {.draws = n, .seed = 5});
  // Binomial standard error √(p(1−p)/n) = 0.0075; allow 4 of them.
  CHECK(std::fabs(find(r, "aws_lambda").p_cheapest - expected) < 4 * std::sqrt(expected * (1 - expected) / n));
  CHECK(find(r, "aws_lambda").p_cheapest + find(r, "aws_fargate").p_cheapest == doctest::Approx(1.0));
  // decide::cheapest recommends the cheapest here (both keep up with the traffic).
  CHECK(find(r, "aws_lambda").p_recommended == find(r, "aws_lambda").p_cheapest);
}

TEST_CASE("Monte Carlo: one thread or two give the same numbers for a seed and another seed gives others") {
  const workload w = steady_month(1e6);
  const auto platforms = lambda_and_one_task();
  analyze::uncertain_inputs in;
  in.traffic = distribution::triangular(0.5, 1, 1.5);
  in.duration_ms = distribution::pert(800, 1000, 1500);
  in.memory_mb = distribution::lognormal(512, 700);
  in.prices = {{"aws_fargate", distribution::uniform(0.7, 1.0)}};
  auto run = [&](unsigned threads, std::uint64_t seed) {
    return analyze::monte_carlo(w, platforms, in, {}, {.draws = 300, .seed = seed, .threads = threads});
  };
  const auto one = run(1, 9), two = run(2, 9), again = run(2, 9), other = run(1, 10);
  CHECK(two.threads == 2);
  for (std::size_t i = 0; i < one.options.size(); ++i) {
    const auto &a = one.options[i], &b = two.options[i], &c = again.options[i], &d = other.options[i];
    CHECK(a.p50_usd == b.p50_usd);
    CHECK(a.p5_usd == b.p5_usd);
    CHECK(a.p95_usd == b.p95_usd);
    CHECK(a.mean_usd == b.mean_usd);
    CHECK(a.p_cheapest == b.p_cheapest);
    CHECK(a.p_recommended == b.p_recommended);
    CHECK(b.mean_usd == c.mean_usd);
    CHECK(a.mean_usd != d.mean_usd);
  }
}

TEST_CASE("sensitivity: the verdict flips where Lambda's and the fixed task's costs meet") {
  // 1 M requests a month: Lambda $8.53335, the task $9.010025 (see above), so decide::cheapest picks
  // Lambda. It flips to the task when traffic or Lambda's prices rise by 9.010025 / 8.53335 − 1 =
  // +5.586%, or when the task's prices fall by 1 − 8.53335 / 9.010025 = −5.290% — the smallest change.
  const workload w = steady_month(1e6);
  const double lambda_month = lambda_per_million;
  const auto r = analyze::sensitivity<decide::cheapest>(w, lambda_and_one_task(), {}, {.change = 0.25});
  CHECK(r.verdict == "aws_lambda");
  REQUIRE(r.rows.size() == 5);  // traffic, duration, memory, two price sheets
  CHECK(r.rows[0].input == "prices.aws_fargate");
  REQUIRE(r.rows[0].flips_at);
  CHECK(*r.rows[0].flips_at == doctest::Approx(lambda_month / fargate_month - 1).epsilon(2e-3));
  CHECK(r.rows[0].flips_to == "aws_fargate");
  CHECK(r.rows[0].verdict_low == "aws_fargate");
  CHECK(r.rows[0].verdict_high == "aws_lambda");
  for (const auto& row : r.rows) {
    if (row.input != "traffic" && row.input != "prices.aws_lambda") continue;
    REQUIRE(row.flips_at);
    CHECK(*row.flips_at == doctest::Approx(fargate_month / lambda_month - 1).epsilon(2e-3));
    CHECK(row.verdict_low == "aws_lambda");
    CHECK(row.verdict_high == "aws_fargate");
    // Lambda's cost at ±25%: linear in both inputs.
    CHECK(*row.costs[0].low_usd == doctest::Approx(0.75 * lambda_month).epsilon(1e-9));
    CHECK(*row.costs[0].high_usd == doctest::Approx(1.25 * lambda_month).epsilon(1e-9));
  }
  // The traffic sweep leaves the fixed task's bill where it is: no swing.
  for (const auto& row : r.rows)
    if (row.input == "traffic") CHECK(row.costs[1].swing() == doctest::Approx(0).epsilon(1e-12));
}

TEST_CASE("scenario runner: a price-only change prices the usage again, with the same result as a fresh run") {
  const workload w = steady_month(3e6);
  const auto platforms = lambda_and_one_task();
  analyze::scenario_runner<decide::cheapest> runner(w, platforms);
  runner.run({.traffic = 1.3, .price_factors = {}});
  const double repriced =
      runner.run({.traffic = 1.3, .price_factors = {0.9, 1.1}}).options.front().cost.total().value();
  analyze::scenario_runner<decide::cheapest> fresh(w, platforms);
  const double direct = fresh.run({.traffic = 1.3, .price_factors = {0.9, 1.1}}).options.front().cost.total().value();
  CHECK(repriced == direct);
}

TEST_CASE("scale_prices multiplies the USD fields and leaves allowances, tiers and granularity alone") {
  aws_lambda::config c;
  scale_prices(c, 0.8);
  // docs/pricing.md: $0.20 per million requests, $0.0000166667 per GB-s, 1 M free requests, 1 ms rounding.
  CHECK(c.billing.prices.per_request.usd_per_unit == doctest::Approx(0.8 * 0.2e-6).epsilon(1e-12));
  CHECK(c.billing.prices.per_gb_second.usd_per_unit == doctest::Approx(0.8 * 0.0000166667).epsilon(1e-12));
  CHECK(c.billing.prices.free_requests == 1e6);
  CHECK(c.billing.prices.billing_granularity_ms == 1);
  CHECK(c.billing.prices.tier1_gb_seconds == 6e9);
  // EC2 instance prices are priced fields too: m5.large $0.096 an hour (docs/pricing.md).
  aws_ecs_ec2::config e;
  scale_prices(e, 0.5);
  for (const auto& i : e.billing.prices.instances)
    if (i.name == "m5.large") CHECK(i.per_hour == doctest::Approx(0.048).epsilon(1e-12));
  CHECK(e.billing.prices.minimum_billed_s == 60);
}
