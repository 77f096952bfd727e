// SPDX-License-Identifier: MIT
#pragma once

// What the request-level simulator takes and gives (simulate/request_simulator.hpp): the service
// times, the platform and run settings, a trace's arrivals, and what a simulation measured.

#include <cstdint>
#include <string>
#include <vector>

#include "../core/choices.hpp"
#include "../core/detail/check.hpp"
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
