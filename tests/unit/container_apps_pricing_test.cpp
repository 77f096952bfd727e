// Azure Container Apps billing and scaling against docs/pricing.md and Microsoft's documented defaults.
#include <doctest/doctest.h>

#include <vector>

#include <runwise/core/detail/math.hpp>
#include <runwise/evaluate/evaluate_option.hpp>
#include <runwise/providers/azure/container_apps.hpp>
#include <runwise/workload/generators.hpp>

using namespace runwise;
using simulate::http_scaled_replicas;

namespace {
std::int64_t cents(usd x) { return detail::to_cents(x.value()); }
workload api(double per_month) {
  return workload{.traffic = make_traffic(per_month / hours(730).value(), hours(730), seconds{60}),
                  .duration = {milliseconds(1000)},
                  .memory = megabytes{1024},
                  .cpu = vcpu{0.5},
                  .concurrency_per_instance = 10};
}
}  // namespace

TEST_CASE("one 0.5 vCPU / 1 GiB replica all month: $39.42, + 3 M requests $1.20") {
  // 2,628,000 s × (0.5 × $0.000024 + 1 × $0.000003) = $39.42; 3 M × $0.40/M = $1.20.
  const auto r = evaluate_option<azure_container_apps>(api(3e6), {});
  CHECK(cents(r.cost["vcpu"]) == 3154);
  CHECK(cents(r.cost["memory"]) == 788);
  CHECK(cents(r.cost["requests"]) == 120);
  CHECK(cents(r.cost.total()) == 4062);
  CHECK(r.use.overloaded.value() == 0);
  // Free grant: (1,314,000 - 180,000) × $0.000024 = $27.216; (2,628,000 - 360,000) × $0.000003 = $6.804;
  // 1 M × $0.40/M = $0.40.
  azure_container_apps::config free;
  free.billing.free_tier = true;
  CHECK(cents(evaluate_option<azure_container_apps>(api(3e6), free).cost.total()) == 2722 + 680 + 40);
}

TEST_CASE("scaled to zero costs nothing, min replicas that serve nothing bill at the idle rate") {
  CHECK(evaluate_option<azure_container_apps>(api(0), {}).cost.total().value() == 0);
  azure_container_apps::config warm;
  warm.capacity.min_replicas = 1;
  // The idle price is U: it defaults to the active rates, an upper bound ($39.42).
  CHECK(cents(evaluate_option<azure_container_apps>(api(0), warm).cost["idle"]) == 3942);
  warm.billing.prices.idle_per_vcpu_second = {0.000003};
  warm.billing.prices.idle_per_gib_second = {0.000003};
  // 2,628,000 × (0.5 × 0.000003 + 1 × 0.000003) = $11.83 with a user-supplied idle rate.
  CHECK(cents(evaluate_option<azure_container_apps>(api(0), warm).cost["idle"]) == 1183);
}

TEST_CASE("the HTTP rule adds a replica per 10 requests/s and keeps them for the 300 s cooldown") {
  // Observed counts: 25 requests/s for 2 minutes, then nothing for 10. ceil(25 / 10) = 3 replicas
  // for 2 minutes + 5 minutes of cooldown, then zero.
  std::vector<double> counts(12, 0.0);
  counts[0] = counts[1] = 1500;
  workload w = api(0);
  w.traffic = traffic_series(seconds{60}, counts);
  const usage u = http_scaled_replicas::run(w, {.concurrent_requests = 10});  // Microsoft's default rule
  CHECK(u.peak_instances == 3);
  REQUIRE(u.runs.size() == 1);
  CHECK(u.runs[0].tasks == 3);
  CHECK(u.runs[0].length() == seconds{7 * 60});
  CHECK(u.overloaded.value() == 0);  // 3 replicas × 10 at once / 1 s = 30/s > 25/s
  azure_container_apps::config rule_of_10;
  rule_of_10.capacity.concurrent_requests = 10;
  const auto r = evaluate_option<azure_container_apps>(w, rule_of_10);
  CHECK(r.cost["vcpu"].value() == doctest::Approx(3 * 420 * 0.5 * 0.000024));
}

TEST_CASE("demand above the running replicas is overloaded (FIFO backlog)") {
  // max 1 replica of 10 at once / 1 s = 600 a minute; 900 arrive in each of 2 minutes:
  // minute 1 leaves 300 late, minute 2 has 300 + 900 and serves 600: 600 of its arrivals wait.
  workload w = api(0);
  w.traffic = traffic_series(seconds{60}, {900, 900});
  const usage u = http_scaled_replicas::run(w, {.max_replicas = 1});
  CHECK(u.overloaded.value() == doctest::Approx(300 + 600));
  CHECK(u.served.value() == doctest::Approx(1800 - 600));
}

TEST_CASE("sparse traffic: a replica only while a request runs or cools down") {
  // 30 requests a month of 1 s: present 1 - e^(-λ(1 + 300)) of the time, λ = 30 / 2,628,000 s.
  const double presence = 1 - std::exp(-30.0 / 2'628'000 * 301);
  const auto r = evaluate_option<azure_container_apps>(api(30), {});
  CHECK(r.cost["vcpu"].value() == doctest::Approx(2'628'000 * presence * 0.5 * 0.000024).epsilon(1e-3));
}

TEST_CASE("limits: 4 vCPU and 8 GiB per Consumption replica, no GPU price") {
  workload w = api(1e6);
  w.cpu = vcpu{5};
  CHECK_FALSE(evaluate_option<azure_container_apps>(w, {}).feasible);
  w = api(1e6);
  w.needs.gpu = true;
  CHECK_FALSE(evaluate_option<azure_container_apps>(w, {}).feasible);
}

TEST_CASE("by default the HTTP rule fits the workload, so one-at-a-time replicas are not overloaded") {
  // 1 s requests served one at a time: a replica serves 1/s, so the rule targets 0.7/s per replica.
  // Microsoft's own default (10/s) would leave 9 of every 10 requests waiting.
  workload w = api(3e6);
  w.concurrency_per_instance = 1;
  CHECK(http_scaled_replicas::target_rate(1, 1, {}) == doctest::Approx(0.7));
  CHECK(evaluate_option<azure_container_apps>(w, {}).use.overloaded.value() == doctest::Approx(0));
  azure_container_apps::config microsoft;
  microsoft.capacity.concurrent_requests = 10;
  CHECK(evaluate_option<azure_container_apps>(w, microsoft).use.overloaded.value() > 0.5 * 3e6);
}

TEST_CASE("replicas come in Consumption sizes: 0.25 vCPU steps with 2 GiB per vCPU") {
  // A 0.25 vCPU / 2 GiB workload needs 2 GiB, which only a 1 vCPU / 2 GiB replica offers.
  CHECK(azure_container_apps::replica_cpu(0.25, 2048, {}) == 1.0);
  CHECK(azure_container_apps::replica_gib(0.25, 2048, {}) == 2.0);
  CHECK(azure_container_apps::replica_cpu(0.3, 100, {}) == 0.5);
  CHECK(azure_container_apps::replica_gib(0.3, 100, {}) == 1.0);
}

TEST_CASE("minimum replicas bill the idle rate while no request is in flight") {
  // 1,000 requests a month of 1 s: a request is in flight a share 1 - e^(-λ·1 s) of the time,
  // λ = 1,000 / 2,628,000 s; the one minimum replica (0.5 vCPU / 1 GiB) is idle the rest.
  workload w = api(1000);
  w.concurrency_per_instance = 1;
  azure_container_apps::config c;
  c.capacity.min_replicas = 1;
  c.billing.prices.idle_per_vcpu_second = {0.000003};
  c.billing.prices.idle_per_gib_second = {0.000003};
  const double idle_s = 2'628'000 * std::exp(-1000.0 / 2'628'000), active_s = 2'628'000 - idle_s;
  const auto r = evaluate_option<azure_container_apps>(w, c);
  CHECK(r.cost["vcpu"].value() == doctest::Approx(active_s * 0.5 * 0.000024));
  CHECK(r.cost["idle"].value() == doctest::Approx(idle_s * (0.5 * 0.000003 + 1 * 0.000003)));
  CHECK(r.cost.total().value() == doctest::Approx(active_s * (0.5 * 0.000024 + 0.000003) +
                                                  idle_s * (0.5 * 0.000003 + 0.000003) + 1000 * 0.40 / 1e6));
}

TEST_CASE("Container Apps cold starts: scale from zero after the cooldown, and replicas added") {
  // 1 s requests, the default rule (0.7 requests/s per replica), 300 s cooldown (5 minutes). 30 a
  // minute is 0.5/s, under the target: one replica while requests come or within the cooldown.
  std::vector<double> counts{0, 30, 30};
  counts.insert(counts.end(), 10, 0.0);
  counts.push_back(30);
  const workload sparse{.traffic = traffic_series(seconds{60}, counts), .duration = {milliseconds(1000)}};
  // Minute 1 starts from zero (cold), minute 2 finds its replica, minute 13 comes 10 quiet minutes
  // later — after the cooldown: cold again. 2 cold starts.
  CHECK(http_scaled_replicas::run(sparse, {}).cold_starts.value() == 2);

  // 30, then 600 a minute (10/s): ceil(10 / 0.7) = 15 replicas wanted, Container Apps' default
  // maximum of 10 run — 9 more than the one kept: 1 + 9 cold starts.
  const workload burst{.traffic = traffic_series(seconds{60}, {30, 600}), .duration = {milliseconds(1000)}};
  CHECK(http_scaled_replicas::run(burst, {}).cold_starts.value() == 10);
  CHECK(http_scaled_replicas::run(burst, {.max_replicas = 20}).cold_starts.value() == 15);  // 1 + 14
  // A minimum replica waits: no scale from zero, the 9 added still start cold.
  CHECK(http_scaled_replicas::run(burst, {.min_replicas = 1}).cold_starts.value() == 9);
}
