// Google Cloud Run billing against docs/pricing.md (Cloud Run pricing page; O and S as marked there).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include <runwise/simulate/concurrent_instances.hpp>

#include <runwise/core/detail/math.hpp>
#include <runwise/core/error.hpp>
#include <runwise/evaluate/evaluate_option.hpp>
#include <runwise/providers/azure/container_apps.hpp>
#include <runwise/providers/gcp/cloud_run.hpp>
#include <runwise/workload/generators.hpp>

using namespace runwise;
using pricing::gcp::cloud_run_billing_mode;

namespace {
std::int64_t cents(usd x) { return detail::to_cents(x.value()); }
/// Instance-seconds billed, from the vCPU line at 1 vCPU: $ / $0.000024 (request-based).
double instance_seconds(const cost_breakdown& b) { return b["vcpu"].value() / 0.000024; }
workload steady(double per_s, double ms, double concurrency) {
  return workload{.traffic = make_traffic(per_s, hours(730), seconds{60}),
                  .duration = {milliseconds(ms)},
                  .memory = megabytes{512},
                  .cpu = vcpu{1},
                  .concurrency_per_instance = concurrency};
}
}  // namespace

TEST_CASE("concurrency 80 bills less instance time than concurrency 1 for the same traffic") {
  // 10 requests/s of 1 s: a = 10 in flight. C = 1: 10 instances all month = 26,280,000 s.
  // C = 80: one instance while anything is in flight, 1 - e^-10 of the time = 2,627,880.7 s, plus the
  // 100 ms rounding of its busy periods: 26.28 M × e^-10 arrivals start one, nearly all of them
  // with company, so each ends at a uniform point of 100 ms: + 50 ms × 1,193 = 59.7 s.
  const auto one = evaluate_option<gcp_cloud_run>(steady(10, 1000, 1), {});
  const auto eighty = evaluate_option<gcp_cloud_run>(steady(10, 1000, 80), {});
  CHECK(instance_seconds(one.cost) == doctest::Approx(26'280'000));
  CHECK(instance_seconds(eighty.cost) ==
        doctest::Approx(2'628'000 * (1 - std::exp(-10.0)) + 26'280'000 * std::exp(-10.0) * (1 - std::exp(-10.0)) * 0.05)
            .epsilon(1e-9));
  CHECK(eighty.cost.total() < one.cost.total());
  // Requests are billed alike: 26.28 M × $0.40/M = $10.51.
  CHECK(cents(one.cost["requests"]) == 1051);
  CHECK(cents(eighty.cost["requests"]) == 1051);
}

TEST_CASE("billable time is rounded up to 100 ms") {
  // One 50 ms request a minute: each bills 100 ms. 43,800 requests × 0.1 s = 4,380 instance-s.
  CHECK(instance_seconds(evaluate_option<gcp_cloud_run>(steady(1.0 / 60, 50, 1), {}).cost) == doctest::Approx(4380));
  // With concurrency 80 they almost never overlap (a = 0.00083): still ≈ 100 ms each.
  CHECK(instance_seconds(evaluate_option<gcp_cloud_run>(steady(1.0 / 60, 50, 80), {}).cost) ==
        doctest::Approx(4380).epsilon(1e-3));
  // 2 requests/s of 50 ms, C = 1: 5,256,000 × 0.1 s = 525,600 s, not 262,800.
  CHECK(instance_seconds(evaluate_option<gcp_cloud_run>(steady(2, 50, 1), {}).cost) == doctest::Approx(525'600));
}

TEST_CASE("request-based: $0.000024 per vCPU-s, $0.0000025 per GiB-s, $0.40 per million, free tier") {
  // 1 request/s of 1 s, 1 vCPU, 512 MiB: 2,628,000 s × (0.000024 + 0.5 × 0.0000025) = $66.357;
  // 2.628 M requests × $0.40/M = $1.0512.
  const auto r = evaluate_option<gcp_cloud_run>(steady(1, 1000, 1), {});
  CHECK(cents(r.cost.total()) == 6741);
  // Free tier: (2,628,000 - 180,000) × $0.000024 = $58.752; (1,314,000 - 360,000) × $0.0000025 = $2.385;
  // (2.628 M - 2 M) × $0.40/M = $0.2512.
  gcp_cloud_run::config free;
  free.billing.free_tier = true;
  const auto f = evaluate_option<gcp_cloud_run>(steady(1, 1000, 1), free);
  CHECK(f.cost["vcpu"].value() == doctest::Approx(58.752));
  CHECK(f.cost["memory"].value() == doctest::Approx(2.385));
  CHECK(f.cost["requests"].value() == doctest::Approx(0.2512));
}

TEST_CASE("instance-based billing: whole instance life at $0.000018 per vCPU-s and $0.000002 per GiB-s") {
  gcp_cloud_run::config c;
  c.billing.billing = cloud_run_billing_mode::instance_based;
  c.capacity.min_instances = 1;
  // One minimum instance all month, nearly idle: 2,628,000 s × (0.000018 + 0.5 × 0.000002) = $49.93, no request fee.
  const auto r = evaluate_option<gcp_cloud_run>(steady(1.0 / 3600, 100, 1), c);
  CHECK(cents(r.cost.total()) == 4993);
  CHECK(r.cost["requests"].value() == 0);
}

TEST_CASE("invalid settings name their field") {
  gcp_cloud_run::config min_on_request;
  min_on_request.capacity.min_instances = 1;  // request-based idle price is not in docs/pricing.md
  CHECK_THROWS_WITH_AS(min_on_request.validate("platforms[0]"),
                       doctest::Contains("platforms[0].min_instances: needs \"billing\": \"instance\""), error);
  gcp_cloud_run::config small;
  small.billing.cpu = 0.5;
  // Below 1 vCPU concurrency must be 1 (docs/pricing.md, O).
  CHECK_THROWS_WITH_AS(evaluate_option<gcp_cloud_run>(steady(1, 100, 80), small),
                       doctest::Contains("workload.concurrency_per_instance: must be 1"), error);
  small.billing.cpu = 3;
  CHECK_THROWS_AS(small.validate("p"), error);
}

TEST_CASE("instance size: the smallest Cloud Run accepts") {
  const gcp_cloud_run::config c;
  CHECK(gcp_cloud_run::instance_cpu(0.25, 512, 1, c) == 0.25);
  CHECK(gcp_cloud_run::instance_cpu(0.25, 512, 80, c) == 1);    // concurrency > 1 needs 1 vCPU
  CHECK(gcp_cloud_run::instance_cpu(0.25, 768, 1, c) == 0.5);   // > 512 MiB needs 0.5 vCPU
  CHECK(gcp_cloud_run::instance_cpu(1.5, 1024, 1, c) == 2);     // above 1: 2, 4, 6 or 8
  CHECK(gcp_cloud_run::instance_cpu(1, 10 * 1024, 1, c) == 4);  // 10 GiB needs 4 vCPU
  CHECK(gcp_cloud_run::instance_cpu(9, 1024, 1, c) == 0);       // nothing fits
  workload w = steady(1, 100, 1);
  w.memory = megabytes{33 * 1024};
  CHECK_FALSE(evaluate_option<gcp_cloud_run>(w, {}).feasible);
  w = steady(1, 100, 1);
  w.needs.gpu = true;  // L4 price is U in docs/pricing.md
  CHECK_FALSE(evaluate_option<gcp_cloud_run>(w, {}).feasible);
}

TEST_CASE("instance-based: instances live until idle for the timeout, so the bill follows the peaks") {
  // One 1 s request a second, one at a time, 900 s idle timeout: in flight N ~ Poisson(1). Over a
  // timeout window there are about 900 independent looks at N, so the instances alive are the
  // quantile 1 - 1/900 = 0.99889: P(N <= 4) = 0.99634 < 0.99889 <= P(N <= 5) = 0.99941 → 5, not
  // the mean 1. 5 × 2,628,000 s × (1 × $0.000018 + 0.5 × $0.000002) = $249.66.
  CHECK(simulate::poisson_quantile(1.0, 1 - 1.0 / 900) == 5);
  CHECK(simulate::poisson_quantile(1.0, 0.99) == 4);  // P(N <= 3) = 0.981, P(N <= 4) = 0.996
  CHECK(simulate::poisson_quantile(0.0, 0.99) == 0);
  gcp_cloud_run::config c;
  c.billing.billing = cloud_run_billing_mode::instance_based;
  const auto r = evaluate_option<gcp_cloud_run>(steady(1, 1000, 1), c);
  CHECK(r.cost.total().value() == doctest::Approx(5 * 2'628'000 * (0.000018 + 0.5 * 0.000002)).epsilon(1e-3));
  CHECK(r.use.peak_instances == 5);
}

TEST_CASE("Cloud Run cold starts on expected counts: the first request after an idle gap, not every one") {
  // 100 expected requests in the first minute after idling (Poisson): only the first is cold,
  // 100 × (1 − e^(−100)) / 100 ≈ 1 (before: all 100 counted cold). Steady 1 a minute with a 900 s
  // idle timeout: x = 0, so e^(−15) of each step's one request; a 30 s keep-alive inside a 60 s step:
  // 10 × e^(−10/60 × 30).
  CHECK(simulate::expected_gap_cold_starts(100, 0, 900, 60, 900) == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(simulate::expected_gap_cold_starts(1, 15, 900, 60, 900) == doctest::Approx(std::exp(-15.0)).epsilon(1e-12));
  CHECK(simulate::expected_gap_cold_starts(10, 5, 60, 60, 30) == doctest::Approx(10 * std::exp(-5.0)).epsilon(1e-12));
  // The same after an empty window: at least the first arrival is cold, 1 − e^(−10) > 10 × e^(−5).
  CHECK(simulate::expected_gap_cold_starts(10, 0, 60, 60, 30) == doctest::Approx(-std::expm1(-10.0)).epsilon(1e-12));

  // The capacity model: one minute of 100 expected 200 ms requests (a = 1/3 in flight, one instance)
  // then silence: 1 cold start from the gap, none from growth beyond the first instance.
  std::vector<double> counts(30, 0.0);
  counts[0] = 100;
  const workload w{.traffic = traffic_series(seconds{60}, counts, "traffic", false), .duration = {milliseconds(200)}};
  CHECK(simulate::concurrent_instances::run(w, {}).cold_starts.value() == doctest::Approx(1.0).epsilon(1e-9));
}

// Issue 23, item 3: pricing never walks the traffic again. The capacity model's usage carries the
// split a bill needs (busy time and busy periods for Cloud Run's 100 ms rounding; active and idle
// replica-seconds for Container Apps' minimum replicas): pricing the same usage against a workload
// whose trace was replaced by another gives the same bill, and that bill equals the reference
// walk of the trace (busy_time) the split replaces.
TEST_CASE("Cloud Run and Container Apps price from the usage alone: another trace, the same bill") {
  // A day of minutes, diurnal, with bursts: C = 80 shares instances, so busy periods are both lone
  // requests and overlapping ones; throttling at max_instances 3 exercises the capped load.
  workload w{.traffic = make_traffic(20, hours(24), seconds{60}, {.pattern = traffic_pattern::diurnal, .peak_to_mean = 4}),
             .duration = {milliseconds(350)},
             .memory = megabytes{512},
             .cpu = vcpu{1},
             .concurrency_per_instance = 80};
  workload other = w;
  other.traffic = make_traffic(1, hours(24), seconds{60});  // a flat trace, a twentieth of the requests
  for (const double most : {100.0, 3.0}) {
    gcp_cloud_run::config c;
    c.capacity.max_instances = most;
    const usage u = gcp_cloud_run::simulate(w, c);
    const cost_breakdown bill = gcp_cloud_run::price(w, u, c);
    CHECK(gcp_cloud_run::price(other, u, c).total() == bill.total());
    // The reference: the trace walked again for busy time and its rounding to 100 ms.
    const auto time = simulate::concurrent_instances::busy_time(w, c.capacity, 0.1);
    CHECK(bill.find("vcpu")->quantity == doctest::Approx(time.busy_s + time.rounding_s).epsilon(1e-12));
  }
  azure_container_apps::config a;
  a.capacity.min_replicas = 1;
  const usage u = azure_container_apps::simulate(w, a);
  const cost_breakdown bill = azure_container_apps::price(w, u, a);
  CHECK(azure_container_apps::price(other, u, a).total() == bill.total());
  usage scratch;
  const auto time = simulate::http_scaled_replicas::walk(w, a.capacity, scratch);
  REQUIRE(time.idle_s > 0);  // the minimum replica idles in the quiet hours
  CHECK(u.split.active_s == time.active_s);
  CHECK(u.split.idle_s == time.idle_s);
}
