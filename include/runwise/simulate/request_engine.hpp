// SPDX-License-Identifier: MIT
#pragma once

// The request-level simulator's event loop (simulate/request_simulator.hpp has the model): no
// allocation per request, the idle instances of each function in a heap by creation order, the
// instances waiting to expire in a list ordered by the time they went idle (they go idle in time
// order, so appending keeps it sorted), and pending departures in a binary heap.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "../core/detail/indexed_heap.hpp"
#include "../core/detail/random.hpp"

#include "request_model.hpp"

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
