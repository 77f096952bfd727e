// SPDX-License-Identifier: MIT
#pragma once

// A whole fleet, streamed: functions come from a reader one at a time, worker threads evaluate
// them in batches, and the caller's sink receives the rows in input order on the calling thread.
// At most a few batches are in flight, so memory does not grow with the number of functions.

#include <algorithm>
#include <condition_variable>
#include <concepts>
#include <cstddef>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "fleet.hpp"

namespace runwise::analyze {

/// One function of a fleet: its ids and the workload to evaluate. Derive from it to carry what
/// your rows need besides (the CLI carries where each function's duration and memory came from).
struct fleet_function {
  std::string function, app, trigger;
  workload work;
};

/// How evaluate_fleet spreads the work.
struct fleet_options {
  std::size_t threads = 0;      ///< worker threads; 0: one per core; 1: no threads, all on the caller's
  std::size_t batch_size = 64;  ///< functions handed to a worker at a time
};

/// Evaluates every function `read` gives (it returns the next one, or nullopt at the end) on
/// `platforms`, lets decision policy `D` choose for each (evaluate_function), and calls
/// `sink(function, row)` for each in input order, on the calling thread. Returns the fleet's summary.
/// An exception from `read`, `sink` or an evaluation stops the work and is rethrown here.
///
/// ```cpp
/// auto summary = runwise::analyze::evaluate_fleet(
///     [&]() -> std::optional<runwise::analyze::fleet_function> { ... },      // nullopt at the end
///     platforms, [](const auto& f, const runwise::analyze::fleet_row& r) { ... }, {.threads = 2});
/// ```
template <decision_policy D = decide::cheapest, class Read, class Sink>
fleet_summary evaluate_fleet(Read&& read, const std::vector<selected_platform>& platforms, Sink&& sink,
                             const fleet_options& options = {}) {
  using item = typename std::remove_cvref_t<std::invoke_result_t<Read&>>::value_type;
  static_assert(std::derived_from<item, fleet_function>,
                "runwise: evaluate_fleet's reader returns std::optional of fleet_function or a type derived from it");
  using batch = std::vector<std::pair<item, fleet_row>>;

  fleet_summary summary(platform_ids(platforms));
  auto evaluate = [&](batch& b) {
    for (auto& [f, row] : b) {
      row = evaluate_function<D>(f.work, platforms);
      row.function = f.function;
      row.app = f.app;
      row.trigger = f.trigger;
    }
  };
  auto deliver = [&](batch& b) {
    for (auto& [f, row] : b) {
      summary.add(row);
      sink(std::as_const(f), std::as_const(row));
    }
  };
  const std::size_t size = std::max<std::size_t>(1, options.batch_size);
  auto next_batch = [&] {
    batch b;
    while (b.size() < size) {
      std::optional<item> f = read();
      if (!f) break;
      b.emplace_back(std::move(*f), fleet_row{});
    }
    return b;
  };

  const std::size_t workers = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  if (workers == 1) {
    for (batch b = next_batch(); !b.empty(); b = next_batch()) {
      evaluate(b);
      deliver(b);
    }
    return summary;
  }

  // Batches are numbered in input order; finished ones wait in `done` until they are next.
  std::mutex m;
  std::condition_variable work_ready, result_ready;
  std::deque<std::pair<std::size_t, batch>> queue;
  std::map<std::size_t, batch> done;
  bool no_more = false;
  std::exception_ptr failure;
  auto work = [&] {
    for (;;) {
      std::pair<std::size_t, batch> job;
      {
        std::unique_lock lock(m);
        work_ready.wait(lock, [&] { return !queue.empty() || no_more || failure; });
        if (failure || queue.empty()) return;
        job = std::move(queue.front());
        queue.pop_front();
      }
      try {
        evaluate(job.second);
      } catch (...) {
        std::lock_guard lock(m);
        if (!failure) failure = std::current_exception();
        work_ready.notify_all();
        result_ready.notify_all();
        return;
      }
      std::lock_guard lock(m);
      done.emplace(job.first, std::move(job.second));
      result_ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  auto stop = [&] {
    {
      std::lock_guard lock(m);
      no_more = true;
    }
    work_ready.notify_all();
    for (auto& t : pool) t.join();
  };

  const std::size_t max_in_flight = 2 * workers + 2;
  std::size_t submitted = 0, delivered = 0;
  // Delivers every finished batch that is next in order; with `wait`, waits for at least one.
  auto drain = [&](bool wait) {
    for (;;) {
      batch b;
      {
        std::unique_lock lock(m);
        if (wait) result_ready.wait(lock, [&] { return done.count(delivered) || failure; });
        if (failure) std::rethrow_exception(failure);
        auto it = done.find(delivered);
        if (it == done.end()) return;
        b = std::move(it->second);
        done.erase(it);
      }
      deliver(b);
      ++delivered;
      wait = false;
    }
  };
  try {
    for (std::size_t i = 0; i < workers; ++i) pool.emplace_back(work);
    for (batch b = next_batch(); !b.empty(); b = next_batch()) {
      {
        std::lock_guard lock(m);
        queue.emplace_back(submitted++, std::move(b));
      }
      work_ready.notify_one();
      while (submitted - delivered >= max_in_flight) drain(true);
      drain(false);
    }
    while (delivered < submitted) drain(true);
  } catch (...) {
    {
      std::lock_guard lock(m);
      if (!failure) failure = std::current_exception();
    }
    stop();
    throw;
  }
  stop();
  return summary;
}

}  // namespace runwise::analyze
