// SPDX-License-Identifier: MIT
#pragma once

// The request-level discrete-event simulator of a scale-per-request serverless platform, with the
// semantics of SimFaaS (N. Mahmoudi, H. Khazaei, "SimFaaS: A Performance Simulator for Serverless
// Computing Platforms", CLOSER 2021; github.com/pacslab/simfaas, ServerlessSimulator and
// FunctionInstance): a request goes to the most recently created idle instance, else starts a new
// instance (a cold start); an instance expires once it has been idle for the keep-alive time; a
// request that finds `max_concurrency` requests in flight is rejected. docs/simulation.md has the
// model, the exact tie rules and the comparison with SimFaaS's published numbers.
//
// It is built to be fast (docs/simulation.md, bench/README.md): no allocation per request, the
// idle instances of each function in a heap by creation order, the instances waiting to expire in
// a list ordered by the time they went idle (they go idle in time order, so appending keeps it
// sorted), and pending departures in a binary heap.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "../core/choices.hpp"
#include "../core/detail/check.hpp"
#include "../core/detail/indexed_heap.hpp"
#include "../core/detail/random.hpp"
#include "../core/progress.hpp"

namespace runwise::simulate {

/// How service times are drawn.
enum class service_distribution {
  deterministic,  ///< always the mean
  exponential,    ///< memoryless, as in SimFaaS's README example
  empirical,      ///< a uniformly chosen observed time (`service_times::samples_s`)
};
inline constexpr pricing::choice_table<service_distribution, 3> service_distribution_names{
    {{"deterministic", service_distribution::deterministic},
     {"exponential", service_distribution::exponential},
     {"empirical", service_distribution::empirical}}};

/// Service time of a request on a warm instance and on a new (cold) one. A cold request's time
/// is the whole response time including the instance's start, as in SimFaaS. For `empirical`
/// draws, and for trace arrivals (whose own duration is the warm time), a cold start adds
/// `cold_extra_s` to the warm time instead.
///
/// ```cpp
/// runwise::simulate::service_times s{.distribution = runwise::simulate::service_distribution::exponential,
///                                    .warm_s = 1.991, .cold_s = 2.244};
/// ```
struct service_times {
  service_distribution distribution = service_distribution::exponential;
  double warm_s = 1;                ///< mean warm service time (deterministic, exponential)
  double cold_s = 1;                ///< mean cold service time, at least warm_s (deterministic, exponential)
  double cold_extra_s = 0;          ///< added to a warm time for a cold start (empirical, trace arrivals)
  std::vector<double> samples_s{};  ///< observed warm times (empirical)

  /// Throws runwise::error naming `path.<field>`.
  void validate(const std::string& path = "service") const {
    detail::check_range(path + ".cold_extra_s", cold_extra_s, 0, 1e7, " s");
    if (distribution == service_distribution::empirical) {
      if (samples_s.empty()) fail_input(path + ".samples_s", "must list at least one service time");
      for (std::size_t i = 0; i < samples_s.size(); ++i)
        detail::check_range(path + ".samples_s[" + std::to_string(i) + "]", samples_s[i], 0, 1e7, " s");
      return;
    }
    detail::check_range(path + ".warm_s", warm_s, 0, 1e7, " s");
    detail::check_range(path + ".cold_s", cold_s, 0, 1e7, " s");
    if (cold_s < warm_s)
      fail_input(path + ".cold_s", "must be at least warm_s (" + detail::format_number(warm_s) + " s), got " +
                                       detail::format_number(cold_s) + " s");
  }
};

/// The platform and run settings of a simulation (the CLI's `simulate` input).
struct request_simulator_config {
  service_times service{};
  /// Seconds an idle instance lives. 600 s is SimFaaS's default expiration threshold.
  double keep_alive_s = 600;
  /// Most requests in flight at once; more are rejected. 1,000 is SimFaaS's default and Lambda's
  /// default account quota.
  double max_concurrency = 1000;
  double concurrency_per_instance = 1;  ///< requests one instance serves at once
  double horizon_s = 1e6;               ///< simulated time; for a trace, 0 = until its last invocation ends
  std::uint64_t seed = 1;
  /// Told every 2^20 events: simulated seconds done of the horizon's. May throw to stop the run.
  progress_callback progress{};

  /// Throws runwise::error naming the field.
  void validate() const {
    service.validate("service");
    detail::check_range("keep_alive_s", keep_alive_s, 0, 1e9, " s");
    detail::check_range("max_concurrency", max_concurrency, 1, 1e9);
    if (max_concurrency != std::floor(max_concurrency)) fail_input("max_concurrency", "must be a whole number");
    detail::check_range("concurrency_per_instance", concurrency_per_instance, 1, 1e6);
    if (concurrency_per_instance != std::floor(concurrency_per_instance))
      fail_input("concurrency_per_instance", "must be a whole number");
    detail::check_range("horizon_s", horizon_s, 0, 1e12, " s");
  }
};

/// One arrival of a trace: when, which function (0-based), and its own warm service time.
struct trace_arrival {
  double time_s = 0;
  double service_s = 0;
  std::uint32_t function = 0;
};

/// What a simulation measured; the names are the CLI's `simulate` output.
struct request_simulation {
  std::uint64_t requests = 0;         ///< arrivals within the horizon
  std::uint64_t cold_starts = 0;      ///< requests that started a new instance
  double cold_start_probability = 0;  ///< cold_starts / requests (SimFaaS's definition)
  std::uint64_t rejections = 0;       ///< requests rejected at max_concurrency
  double rejection_probability = 0;   ///< rejections / requests
  double mean_instances = 0;          ///< time-averaged live instances (running + idle)
  double mean_running = 0;            ///< time-averaged instances serving at least one request
  double mean_idle = 0;               ///< time-averaged idle instances
  double mean_lifespan_s = 0;         ///< creation to expiry, over instances expired in the horizon (0 if none)
  // Beyond the contract:
  std::uint64_t expired_instances = 0;  ///< instances that expired within the horizon
  double mean_in_flight = 0;            ///< time-averaged requests in service (Little's law: λ·E[S])
  double peak_instances = 0;            ///< most live instances at once
  double horizon_s = 0;                 ///< the simulated time the means are over

  [[nodiscard]] std::uint64_t served() const noexcept { return requests - rejections; }
};

}  // namespace runwise::simulate

namespace runwise::detail {

using simulate::request_simulation;
using simulate::request_simulator_config;
using simulate::service_distribution;
using simulate::service_times;
using simulate::trace_arrival;

struct instance {
  double created = 0;
  double idle_since = 0;
  std::uint64_t order = 0;  ///< creation order: the newest idle instance serves first
  std::uint32_t in_flight = 0;
  std::uint32_t function = 0;
  std::uint32_t heap_position = none;      ///< in its function's heap of instances with a free slot
  std::uint32_t prev = none, next = none;  ///< the expiry list (idle instances by idle_since)
  static constexpr std::uint32_t none = 0xffffffffU;
};

struct newest_first {
  std::vector<instance>* all;
  [[nodiscard]] bool before(std::uint32_t a, std::uint32_t b) const noexcept {
    return (*all)[a].order > (*all)[b].order;
  }
  [[nodiscard]] std::uint32_t& position(std::uint32_t id) const noexcept { return (*all)[id].heap_position; }
};

struct departure {
  double time;
  std::uint32_t id;
  friend bool operator>(const departure& a, const departure& b) noexcept { return a.time > b.time; }
};

/// The event loop shared by Poisson and trace arrivals. `next(arrival&)` yields arrivals in time
/// order; a negative `service_s` asks for a draw from the configured distribution.
class engine {
 public:
  engine(const request_simulator_config& c, std::size_t functions)
      : c_(c), rng_(c.seed), per_instance_(static_cast<std::uint32_t>(c.concurrency_per_instance)) {
    idle_.reserve(functions);
    for (std::size_t f = 0; f < functions; ++f) idle_.emplace_back(newest_first{&all_});
  }

  double draw(bool cold) {
    const service_times& s = c_.service;
    switch (s.distribution) {
      case service_distribution::deterministic:
        return cold ? s.cold_s : s.warm_s;
      case service_distribution::exponential:
        return -(cold ? s.cold_s : s.warm_s) * std::log1p(-rng_.uniform());
      case service_distribution::empirical:
        return s.samples_s[rng_.below(s.samples_s.size())] + (cold ? s.cold_extra_s : 0.0);
    }
    return s.warm_s;
  }
  runwise::detail::splitmix64& rng() noexcept { return rng_; }

  template <class Next>
  request_simulation run(Next&& next, double start, double horizon) {
    constexpr double never = std::numeric_limits<double>::infinity();
    const double keep_alive = c_.keep_alive_s;
    const auto max_in_flight = static_cast<std::uint64_t>(c_.max_concurrency);
    request_simulation r;
    trace_arrival a;
    bool pending = next(a);
    double now = start;
    std::uint32_t events = 0;
    for (;;) {
      if ((++events & 0xFFFFFu) == 0 && c_.progress) [[unlikely]]
        c_.progress(now - start, horizon - start);
      const double t_departure = departures_.empty() ? never : departures_.front().time;
      const double t_expiry = oldest_idle_ == instance::none ? never : all_[oldest_idle_].idle_since + keep_alive;
      const double t_arrival = pending ? a.time_s : never;
      // SimFaaS's order at equal times: an instance's own transition before an arrival.
      const double t = std::min(std::min(t_departure, t_expiry), t_arrival);
      if (!(t < horizon)) break;
      advance(t, now);
      if (t_departure <= t_expiry && t_departure <= t_arrival) {
        const std::uint32_t id = departures_.front().id;
        std::pop_heap(departures_.begin(), departures_.end(), std::greater<>{});
        departures_.pop_back();
        finish_request(id, t);
      } else if (t_expiry <= t_arrival) {
        expire(oldest_idle_, t, r);
      } else {
        arrive(a, t, max_in_flight, r);
        pending = next(a);
      }
    }
    advance(horizon, now);
    const double span = horizon - start;
    r.horizon_s = span;
    r.cold_start_probability = r.requests ? static_cast<double>(r.cold_starts) / static_cast<double>(r.requests) : 0;
    r.rejection_probability = r.requests ? static_cast<double>(r.rejections) / static_cast<double>(r.requests) : 0;
    r.mean_instances = span > 0 ? instance_seconds_ / span : 0;
    r.mean_running = span > 0 ? running_seconds_ / span : 0;
    r.mean_idle = r.mean_instances - r.mean_running;
    r.mean_in_flight = span > 0 ? request_seconds_ / span : 0;
    r.mean_lifespan_s = r.expired_instances ? lifespan_sum_ / static_cast<double>(r.expired_instances) : 0;
    r.peak_instances = static_cast<double>(peak_);
    return r;
  }

 private:
  void advance(double t, double& now) noexcept {
    const double dt = t - now;
    instance_seconds_ += static_cast<double>(live_) * dt;
    running_seconds_ += static_cast<double>(running_) * dt;
    request_seconds_ += static_cast<double>(in_flight_) * dt;
    now = t;
  }

  void arrive(const trace_arrival& a, double t, std::uint64_t max_in_flight, request_simulation& r) {
    ++r.requests;
    if (in_flight_ >= max_in_flight) {
      ++r.rejections;
      return;
    }
    auto& idle = idle_[a.function];
    std::uint32_t id = 0;
    double service = 0;
    if (!idle.empty()) {
      id = idle.top();
      instance& i = all_[id];
      if (i.in_flight == 0) {
        unlink(id);
        ++running_;
      }
      if (++i.in_flight == per_instance_) idle.pop();
      service = a.service_s >= 0 ? a.service_s : draw(false);
    } else {
      id = create(a.function, t);
      ++r.cold_starts;
      if (per_instance_ > 1) idle.push(id);
      service = a.service_s >= 0 ? a.service_s + c_.service.cold_extra_s : draw(true);
    }
    ++in_flight_;
    departures_.push_back({t + service, id});
    std::push_heap(departures_.begin(), departures_.end(), std::greater<>{});
  }

  std::uint32_t create(std::uint32_t function, double t) {
    std::uint32_t id = 0;
    if (!free_.empty()) {
      id = free_.back();
      free_.pop_back();
    } else {
      id = static_cast<std::uint32_t>(all_.size());
      all_.emplace_back();
    }
    instance& i = all_[id];
    i = instance{};
    i.created = t;
    i.order = ++created_;
    i.in_flight = 1;
    i.function = function;
    ++live_;
    ++running_;
    peak_ = std::max(peak_, live_);
    return id;
  }

  void finish_request(std::uint32_t id, double t) {
    instance& i = all_[id];
    --in_flight_;
    if (i.in_flight-- == per_instance_) idle_[i.function].push(id);
    if (i.in_flight > 0) return;
    --running_;
    i.idle_since = t;
    // Instances go idle in time order, so the list stays sorted by idle_since.
    i.prev = newest_idle_;
    i.next = instance::none;
    (newest_idle_ == instance::none ? oldest_idle_ : all_[newest_idle_].next) = id;
    newest_idle_ = id;
  }

  void expire(std::uint32_t id, double t, request_simulation& r) {
    unlink(id);
    idle_[all_[id].function].erase(id);
    lifespan_sum_ += t - all_[id].created;
    ++r.expired_instances;
    --live_;
    free_.push_back(id);
  }

  void unlink(std::uint32_t id) noexcept {
    instance& i = all_[id];
    (i.prev == instance::none ? oldest_idle_ : all_[i.prev].next) = i.next;
    (i.next == instance::none ? newest_idle_ : all_[i.next].prev) = i.prev;
  }

  const request_simulator_config& c_;
  runwise::detail::splitmix64 rng_;
  std::uint32_t per_instance_;
  std::vector<instance> all_;
  std::vector<std::uint32_t> free_;
  std::vector<runwise::detail::indexed_heap<newest_first>> idle_;  ///< per function: instances with a free slot
  std::vector<departure> departures_;
  std::uint32_t oldest_idle_ = instance::none, newest_idle_ = instance::none;
  std::uint64_t created_ = 0, live_ = 0, running_ = 0, in_flight_ = 0, peak_ = 0;
  double instance_seconds_ = 0, running_seconds_ = 0, request_seconds_ = 0, lifespan_sum_ = 0;
};

}  // namespace runwise::detail

namespace runwise::simulate {

/// Simulates Poisson arrivals at `rate_per_s` over `c.horizon_s` (from t = 0, first arrival after
/// one exponential gap, as SimFaaS does). Seeded by `c.seed`: the same inputs give the same result
/// on every platform.
///
/// ```cpp
/// runwise::simulate::request_simulator_config c{.service = {.warm_s = 1.991, .cold_s = 2.244}};
/// auto r = runwise::simulate::simulate_poisson(0.9, c);   // SimFaaS's README case
/// // r.cold_start_probability ≈ 0.0014, r.mean_instances ≈ 7.66 (docs/simulation.md)
/// ```
inline request_simulation simulate_poisson(double rate_per_s, const request_simulator_config& c) {
  detail::check_range("arrival.poisson_rate_per_s", rate_per_s, 1e-12, 1e9, " /s");
  c.validate();
  if (!(c.horizon_s > 0)) fail_input("horizon_s", "must be greater than 0 for Poisson arrivals");
  if (rate_per_s * c.horizon_s > 1e11)
    fail_input("horizon_s", "makes about " + detail::format_number(rate_per_s * c.horizon_s) +
                                " requests; at most 1e11 are simulated");
  // Instances are real objects here: bound the requests in flight (λ × the longest mean service
  // time) so that memory stays small.
  const double in_flight = rate_per_s * std::max(c.service.cold_s, c.service.warm_s) +
                           (c.service.samples_s.empty() ? 0.0 : rate_per_s * c.service.samples_s.front());
  if (std::min(in_flight, c.max_concurrency) > 1e6)
    fail_input("arrival.poisson_rate_per_s",
               "keeps about " + detail::format_number(std::min(in_flight, c.max_concurrency)) +
                   " requests in flight; at most 1e6 are simulated (lower max_concurrency or the rate)");
  runwise::detail::engine e(c, 1);
  const double mean_gap = 1.0 / rate_per_s;
  double t = 0;
  auto next = [&](trace_arrival& a) {
    t += -mean_gap * std::log1p(-e.rng().uniform());
    a = {t, -1.0, 0};
    return true;
  };
  return e.run(next, 0.0, c.horizon_s);
}

/// Simulates the arrivals of a trace, sorted by time, of `functions` functions (each arrival's
/// `function` < functions, each function with its own instances). Each arrival's `service_s` is
/// its warm service time; a cold start adds `c.service.cold_extra_s`. The horizon is `c.horizon_s`
/// from min(0, first arrival), or, when that is 0, until the last invocation ends.
///
/// ```cpp
/// std::vector<runwise::simulate::trace_arrival> calls{{0.0, 0.5, 0}, {30.0, 0.5, 0}};
/// auto r = runwise::simulate::simulate_trace(calls, 1, {.horizon_s = 0});   // r.cold_starts == 1
/// ```
inline request_simulation simulate_trace(std::span<const trace_arrival> arrivals, std::size_t functions,
                                         const request_simulator_config& c) {
  c.validate();
  double start = 0, end = 0;
  for (std::size_t k = 0; k < arrivals.size(); ++k) {
    const trace_arrival& a = arrivals[k];
    if (!detail::is_finite(a.time_s) || !(a.service_s >= 0) || !detail::is_finite(a.service_s))
      fail_input("arrival[" + std::to_string(k) + "]", "needs a finite time and a non-negative service time");
    if (a.function >= functions)
      fail_input("arrival[" + std::to_string(k) + "]",
                 "function " + std::to_string(a.function) + " is not below " + std::to_string(functions));
    if (k > 0 && a.time_s < arrivals[k - 1].time_s)
      fail_input("arrival[" + std::to_string(k) + "]", "arrivals must be sorted by time");
    start = std::min(start, a.time_s);
    end = std::max(end, a.time_s + a.service_s + c.service.cold_extra_s);
  }
  // Without a horizon, run until the last invocation ends (and past the last arrival, so that a
  // zero-length last invocation still counts).
  if (!arrivals.empty() && end <= arrivals.back().time_s) end = std::nextafter(arrivals.back().time_s, 1e300);
  const double horizon = c.horizon_s > 0 ? start + c.horizon_s : end;
  runwise::detail::engine e(c, std::max<std::size_t>(functions, 1));
  std::size_t k = 0;
  auto next = [&](trace_arrival& a) {
    if (k == arrivals.size()) return false;
    a = arrivals[k++];
    return true;
  };
  if (!(horizon > start)) return request_simulation{};
  return e.run(next, start, horizon);
}

}  // namespace runwise::simulate
