// Container Apps' optimised walk (runwise::detail::walk_trace for traces: blocks instead of
// a queue for the cooldown's maximum, a reciprocal instead of two divisions, the idle window from
// the last step with requests, runs from a change log; the price from the usage's runs) against the
// HTTP scale rule written out plainly from http_scaled_replicas' documentation: every step's wanted
// replicas kept, the cooldown window scanned, its requests summed again, no shortcut.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include <runwise/providers/azure/container_apps.hpp>

using namespace runwise;
using simulate::http_scaled_replicas;

namespace {
struct plain_result {
  double served = 0, late = 0, cold = 0, peak = 0, active_s = 0, idle_s = 0;
  std::vector<double> replicas;  // per step
};

// The documented rule, step by step.
plain_result plain_model(const workload& w, const http_scaled_replicas::config& c) {
  const auto& n = w.traffic.counts();
  const bool observed = w.traffic.observed();
  const double step = w.traffic.step().value(), d = w.duration.mean.value();
  const double per_replica_step = w.concurrency_per_instance / d * step;
  const double target =
      c.concurrent_requests > 0 ? c.concurrent_requests : c.target_utilization * w.concurrency_per_instance / d;
  const auto W = static_cast<std::size_t>(std::ceil(c.cooldown_s / step - 1e-9));
  const double minimum = std::floor(c.min_replicas), maximum = std::floor(c.max_replicas);
  std::vector<double> wanted(n.size(), 0.0);
  plain_result r;
  double backlog = 0;
  for (std::size_t i = 0; i < n.size(); ++i) {
    double warm = 0, before = 0;  // most replicas wanted, and requests, in the W steps before i
    for (std::size_t j = i >= W ? i - W : 0; j < i; ++j) {
      warm = std::max(warm, wanted[j]);
      before += n[j];
    }
    const double rate = (n[i] + backlog) / step;
    double want = 0;
    if (rate > 0) {
      const double presence = observed ? 1.0 : 1 - std::exp(-rate * (d + c.cooldown_s));
      want = rate / target <= 1 ? presence : std::ceil(rate / target - 1e-9);
    }
    wanted[i] = std::min(maximum, std::max(minimum, want));
    const double replicas = std::max(wanted[i], warm);
    r.replicas.push_back(replicas);
    const double whole = std::ceil(replicas - 1e-9);
    const double left = std::max(0.0, backlog + n[i] - whole * per_replica_step);
    r.late += std::min(n[i], left);
    backlog = left;
    const double busy = n[i] / step * d;
    const double idle_share = backlog > 0 ? 0.0 : observed ? std::max(0.0, 1 - busy) : std::exp(-busy);
    const double idle = std::min(replicas, minimum) * idle_share;
    r.idle_s += idle * step;
    r.active_s += (replicas - idle) * step;
    if (n[i] > 0 && minimum < 1) {
      if (observed)
        r.cold += before < 1e-9 ? std::min(1.0, n[i]) : 0.0;
      else
        r.cold += simulate::expected_gap_cold_starts(n[i], before, static_cast<double>(W) * step, step, c.cooldown_s);
    }
    r.cold += std::max(0.0, whole - std::max(1.0, std::ceil(warm - 1e-9)));
    r.peak = std::max(r.peak, replicas);
  }
  r.served = std::max(0.0, w.traffic.total().value() - backlog);
  r.cold = std::min(r.cold, r.served);
  return r;
}

bool close(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

// A day of minutes with what trips a scale rule: idle hours, a slow ramp, noise, bursts far above
// the maximum replicas (overload, a backlog carried over), isolated requests after the cooldown
// (scale from zero), and with `fraction` added to every count (a scaled trace: not whole numbers).
// With `ratio_boundaries`, two counts of the idle hour sit where the reciprocal cannot decide.
std::vector<double> rugged_day(double fraction, bool ratio_boundaries = false) {
  std::vector<double> n(1440, 0.0);
  unsigned state = 7;
  auto next = [&] { return (state = state * 1103515245u + 12345u) % 1000 / 1000.0; };
  for (std::size_t m = 0; m < n.size(); ++m) {
    const std::size_t hour = m / 60;
    // Sparse hours: requests exactly a cooldown apart (5 steps of 300 s, 2 of 90 s), one more, and far apart.
    const std::size_t every = hour == 14 ? 5 : hour == 15 ? 6 : hour == 16 ? 2 : 17;
    if (hour < 2 || hour == 9) continue;  // idle hours
    if (hour < 6)
      n[m] = std::floor(10.0 * static_cast<double>(m - 120) / 240.0);  // ramp
    else if (hour < 9)
      n[m] = std::floor(200 * next());  // noise
    else if (hour < 14)
      n[m] = next() < 0.05 ? 5000 : 0;  // bursts
    else if (hour < 18)
      n[m] = m % every == 0 ? 1 : 0;
    else
      n[m] = std::floor(40 + 30 * std::sin(static_cast<double>(m) / 30));  // waves
    if (n[m] > 0) n[m] += fraction;
  }
  // In the idle hour, counts exactly where the rule's ratio meets 3 + 1e-9 and 4 + 1e-9 at the
  // default target (1 s requests, 0.7 × 1 / 1 s per replica, 60 s steps: 42 requests per
  // replica): there x × (1 / (60 × 0.7)) − 1e-9 rounds below the integer and x / 60 / 0.7 − 1e-9
  // above it, so the reciprocal alone would want one replica fewer. The division decides.
  if (ratio_boundaries) n[560] = 126 + 42e-9;
  if (ratio_boundaries) n[580] = 168 + 42e-9;
  return n;
}

void check_against_plain(const workload& w, const azure_container_apps::config& c) {
  CAPTURE(c.capacity.min_replicas);
  CAPTURE(c.capacity.max_replicas);
  CAPTURE(c.capacity.cooldown_s);
  CAPTURE(c.capacity.concurrent_requests);
  CAPTURE(w.traffic.observed());
  const plain_result p = plain_model(w, c.capacity);
  const usage u = http_scaled_replicas::run(w, c.capacity);
  CHECK(close(u.served.value(), p.served));
  CHECK(close(u.overloaded.value(), p.late));
  CHECK(close(u.cold_starts.value(), p.cold));
  CHECK(u.peak_instances == p.peak);
  CHECK(close(u.mean_instances, (p.active_s + p.idle_s) / w.traffic.horizon().value()));
  // The runs are the steps' replicas, equal neighbours joined.
  std::vector<double> from_runs(p.replicas.size(), 0.0);
  const double step = w.traffic.step().value();
  for (const task_run& r : u.runs)
    for (auto i = static_cast<std::size_t>(std::lround(r.start.value() / step));
         i < static_cast<std::size_t>(std::lround(r.stop.value() / step)); ++i)
      from_runs[i] = r.tasks;
  // (Poisson presences are fractional, from runwise::detail::exp here and std::exp above.)
  CHECK(std::equal(from_runs.begin(), from_runs.end(), p.replicas.begin(), p.replicas.end(), close));
  for (std::size_t k = 1; k < u.runs.size(); ++k)
    CHECK((u.runs[k].tasks != u.runs[k - 1].tasks || u.runs[k].start != u.runs[k - 1].stop));
  // The bill: replica time at the active and the idle rate, from the plain walk.
  const cost_breakdown bill = azure_container_apps::price(w, u, c);
  const double cpu = azure_container_apps::replica_cpu(w.cpu.value(), w.memory.value(), c);
  const double gib = azure_container_apps::replica_gib(w.cpu.value(), w.memory.value(), c);
  const cost_breakdown plain_bill =
      azure_container_apps::billing_policy::bill(c.billing, {.active = seconds{p.active_s},
                                                             .idle = seconds{p.idle_s},
                                                             .cpu = vcpu{cpu},
                                                             .memory = gigabytes{gib},
                                                             .served = requests{p.served},
                                                             .horizon = w.traffic.horizon()});
  CHECK(close(bill.total().value(), plain_bill.total().value()));
  CHECK(close(bill["vcpu"].value(), plain_bill["vcpu"].value()));
  CHECK(close(bill["idle"].value(), plain_bill["idle"].value()));
}
}  // namespace

TEST_CASE("Container Apps' fast walk and price match the plain rule on rugged traces, to 1e-12") {
  // Whole counts, a scaled trace, and the two counts at a ratio's boundary.
  for (const auto& counts : {rugged_day(0), rugged_day(0.37), rugged_day(0, true)}) {
    for (const bool observed : {true, false}) {
      workload w{.traffic = traffic_series(seconds{60}, counts, "traffic", observed), .duration = {milliseconds(1000)}};
      for (const double min_replicas : {0.0, 0.5, 1.0, 2.0})
        for (const double cooldown_s : {0.0, 90.0, 300.0, 7200.0})
          for (const double max_replicas : {3.0, 10.0, 1000.0}) {
            azure_container_apps::config c;
            c.capacity.min_replicas = min_replicas;
            c.capacity.max_replicas = max_replicas;
            c.capacity.cooldown_s = cooldown_s;
            check_against_plain(w, c);
          }
      // Microsoft's default rule (10 requests/s per replica), replicas serving 4 at once, 0.3 s.
      azure_container_apps::config microsoft;
      microsoft.capacity.concurrent_requests = 10;
      w.concurrency_per_instance = 4;
      w.duration.mean = milliseconds(300);
      check_against_plain(w, microsoft);
    }
  }
}

TEST_CASE("Container Apps' fast walk: steps of a second and of an hour, and an empty trace") {
  workload seconds_trace{.traffic = traffic_series(seconds{1}, rugged_day(0)), .duration = {milliseconds(250)}};
  check_against_plain(seconds_trace, {});  // the 300 s cooldown spans 300 steps
  workload hours{.traffic = traffic_series(seconds{3600}, rugged_day(0)), .duration = {milliseconds(2000)}};
  check_against_plain(hours, {});  // shorter than a step: a one-step window
  workload empty{.traffic = traffic_series(seconds{60}, {}), .duration = {milliseconds(100)}};
  const usage u = http_scaled_replicas::run(empty, {});
  CHECK(u.runs.empty());
  CHECK(u.mean_instances == 0);
  CHECK(azure_container_apps::price(empty, u, {}).total().value() == 0);
}

TEST_CASE("Container Apps' fast walk on sparse traces: stretch by stretch, back to back, and a queue that stays") {
  // A call now and then (as half the functions of the Azure trace), walked stretch by stretch:
  // requests at minutes 100 and 106 (5-step cooldown: the second stretch starts where the first
  // ends), 300 and 302 (one stretch), and one every ~50 minutes after; scaled by 0.37 too.
  std::vector<double> counts(1440, 0.0);
  for (std::size_t m : {100, 106, 300, 302}) counts[m] = 3;
  for (std::size_t m = 400; m < 1440; m += 47 + m % 5) counts[m] = static_cast<double>(1 + m % 4);
  std::vector<double> scaled = counts;
  for (double& x : scaled) x *= 0.37;
  // A burst above 2 replicas' service (2 × 60 requests a minute): the queue outlasts its stretch.
  std::vector<double> queued = counts;
  queued[700] = 5000;
  // A burst of 130 with 2 replicas: 10 wait one minute, so the replicas stay wanted a minute past
  // the stretch that the requests alone would end a cooldown after minute 700.
  std::vector<double> drained = counts;
  drained[700] = 130;
  for (const auto& trace : {counts, scaled, queued, drained}) {
    const workload w{.traffic = traffic_series(seconds{60}, trace), .duration = {milliseconds(1000)}};
    REQUIRE(detail::sparse_enough(w.traffic.busy_steps(), 5, trace.size()));
    for (const double max_replicas : {2.0, 10.0}) {
      azure_container_apps::config c;
      c.capacity.max_replicas = max_replicas;
      check_against_plain(w, c);
      c.capacity.cooldown_s = 60;  // a one-step window
      check_against_plain(w, c);
    }
  }
}
