// SPDX-License-Identifier: MIT
#pragma once

// Container capacity with a scaling policy: the article's fixed number of containers, or an
// autoscaler (AWS target tracking, the Kubernetes HPA, AWS step scaling) that reacts to a metric it
// sees late, with tasks that bill from launch but serve only once started. Demand above the ready
// tasks' capacity waits in a FIFO queue and counts as overloaded. docs/simulation.md has the model.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "../core/detail/check.hpp"
#include "../core/detail/function_ref.hpp"
#include "../core/detail/math.hpp"
#include "../core/usage.hpp"
#include "../workload/workload.hpp"
#include "fifo_queue.hpp"
#include "scaling/autoscaler.hpp"
#include "scaling/hpa.hpp"
#include "scaling/policy.hpp"
#include "scaling/step.hpp"
#include "scaling/target_tracking.hpp"

namespace runwise::simulate {

/// Capacity policy for a fleet of container tasks under a scaling policy (`scaling.policy`).
///
/// One task serves `concurrency_per_instance` requests at once, k / E[d] requests per second. The
/// *load* of a step is the tasks its arrivals keep busy, n / step × E[d] / k (Little's law).
/// - `fixed`: `tasks` for the whole horizon, or (`tasks` = 0) enough for the busiest step at
///   `target_utilization`: ceil(peak load / target_utilization), at least 1.
/// - `target_tracking`: ceil(current × metric / target) = ceil(load / u*), where u* is `target` as a
///   utilisation (`target_utilization` when `target` = 0); a scale-in waits `scale_in_cooldown_s`
///   after any scaling. During the scale-out cooldown only a larger scale-out than the one in
///   effect proceeds — and since the desired count already includes the tasks that scale-out added,
///   any desired count above the current one is larger: AWS "won't increase the desired capacity
///   again unless either a larger scale out is triggered or the cooldown period ends" (Application
///   Auto Scaling API reference, TargetTrackingScalingPolicyConfiguration, ScaleOutCooldown, seen
///   2026-11-26). `scale_out_cooldown_s` therefore holds back only step scaling.
/// - `hpa`: the same proportion with the HPA's `tolerance` (no change within it), evaluated every
///   `sync_period_s`; `scale_in_cooldown_s` is its scale-down stabilisation window (the highest
///   recommendation of the window is used); a scale-up adds at most the larger of
///   `scale_up_percent` % and `scale_up_pods` pods per `scale_up_period_s` (compounded over the
///   periods between two decisions).
/// - `step`: the adjustments of scaling::step_adjustments on metric / target, with the cooldowns.
///
/// Every autoscaler sees a step's metric `observation_delay_s` after the step ends, keeps between
/// `min_tasks` and `max_tasks`, and starts at the count it wants for the first step (the service ran
/// before the horizon). Launched tasks bill at once and serve after `startup_s`; scale-in stops the
/// newest tasks first, those still starting before running ones (as a ReplicaSet does).
///
/// Each autoscaler is a policy type of simulate/scaling/ (target_tracking_scaler, hpa_scaler,
/// step_scaler); `run` picks one by `policy`, `run_with` runs any scaling::autoscaler, yours too.
///
/// ```cpp
/// runwise::simulate::container_fleet::config c{.policy = runwise::simulate::scaling_policy::hpa, .startup_s = 30};
/// runwise::usage u = runwise::simulate::container_fleet::run(w, c);   // u.runs: every task's launch and stop
/// ```
struct container_fleet {
  struct config {
    scaling_policy policy = scaling_policy::fixed;
    double tasks = 0;                 ///< fixed: 0 = size for the peak
    double target_utilization = 0.7;  ///< fixed sizing headroom; the autoscalers' target when `target` = 0
    scaling_metric metric = scaling_metric::utilization;
    double target = 0;  ///< autoscalers: the metric's target per task (0 = target_utilization)
    double min_tasks = 1;
    double max_tasks = 10'000;
    /// Seconds after a step ends until the autoscaler sees its metric. Default: one 60 s period of
    /// standard-resolution CloudWatch metrics (Amazon CloudWatch User Guide, "Metrics concepts");
    /// an assumption for Kubernetes metrics pipelines too — set what you observe.
    double observation_delay_s = 60;
    /// Seconds from launch (billing starts: Fargate bills from image pull) until a task serves.
    /// An assumption: image size and health checks decide it; measure yours.
    double startup_s = 60;
    /// ECS services' default cooldowns under Application Auto Scaling: 300 s each (AWS CDK
    /// BaseTargetTrackingProps, scaleInCooldown / scaleOutCooldown defaults for ECS services).
    /// For `hpa`, `scale_in_cooldown_s` is the scale-down stabilisation window: 300 s by default
    /// (Kubernetes HPA `behavior.scaleDown.stabilizationWindowSeconds`).
    double scale_out_cooldown_s = 300;
    double scale_in_cooldown_s = 300;
    /// The HPA's control loop period: kube-controller-manager `--horizontal-pod-autoscaler-sync-period`,
    /// 15 s by default. Decisions never come more often than once per traffic step.
    double sync_period_s = 15;
    double tolerance = scaling::hpa_default_tolerance;  ///< hpa only
    /// hpa only: the default scale-up policies — 100% or 4 pods (whichever is more) per 15 s, no
    /// stabilisation (Kubernetes documentation, "Horizontal Pod Autoscaling", section "Default
    /// Behavior", https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/, seen
    /// 2026-11-26; the API reference's text says "per 60 seconds", the documented default spec and
    /// the controller use 15).
    double scale_up_percent = 100;
    double scale_up_pods = 4;
    double scale_up_period_s = 15;
    scaling::step_adjustments steps{};  ///< step only

    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.object("scaling", [&](auto& s) {
        s.choice("policy", c.policy, scaling_policy_names);
        s.number("tasks", c.tasks, 0, 1e6);
        s.number("target_utilization", c.target_utilization, 0.01, 1);
        s.choice("metric", c.metric, scaling_metric_names);
        s.number("target", c.target, 0, 1e9);
        s.number("min_tasks", c.min_tasks, 0, 1e6);
        s.number("max_tasks", c.max_tasks, 1, 1e6);
        s.number("observation_delay_s", c.observation_delay_s, 0, 86'400, " s");
        s.number("startup_s", c.startup_s, 0, 3'600, " s");
        s.number("scale_out_cooldown_s", c.scale_out_cooldown_s, 0, 86'400, " s");
        s.number("scale_in_cooldown_s", c.scale_in_cooldown_s, 0, 86'400, " s");
        s.number("sync_period_s", c.sync_period_s, 1, 3'600, " s");
        s.number("tolerance", c.tolerance, 0, 1);
        s.number("scale_up_percent", c.scale_up_percent, 0, 1e6, " %");
        s.number("scale_up_pods", c.scale_up_pods, 0, 1e6);
        s.number("scale_up_period_s", c.scale_up_period_s, 1, 3'600, " s");
        s.number("scale_out_at", c.steps.scale_out_at, 1, 100);
        s.number("scale_out_tasks", c.steps.scale_out_tasks, 1, 1e6);
        s.number("scale_out_large_at", c.steps.scale_out_large_at, 1, 100);
        s.number("scale_out_large_tasks", c.steps.scale_out_large_tasks, 1, 1e6);
        s.number("scale_in_at", c.steps.scale_in_at, 0, 1);
        s.number("scale_in_tasks", c.steps.scale_in_tasks, 1, 1e6);
      });
    }

    /// Throws runwise::error naming `path.scaling.<field>` for settings that contradict each other.
    void validate(const std::string& path) const {
      if (min_tasks > max_tasks)
        fail_input(path + ".scaling.min_tasks", "must not exceed max_tasks (" + detail::format_number(max_tasks) +
                                                    "), got " + detail::format_number(min_tasks));
      if (steps.scale_out_large_at < steps.scale_out_at)
        fail_input(path + ".scaling.scale_out_large_at",
                   "must be at least scale_out_at (" + detail::format_number(steps.scale_out_at) + ")");
      if (steps.scale_in_at >= steps.scale_out_at)
        fail_input(path + ".scaling.scale_in_at",
                   "must be below scale_out_at (" + detail::format_number(steps.scale_out_at) + ")");
    }
  };

  /// The autoscalers' target as a utilisation (busy share of a task's slots), for a mean duration
  /// `mean_s` and `concurrency` requests per task.
  static constexpr double utilization_target(const config& c, double mean_s, double concurrency) noexcept {
    if (c.target <= 0) return c.target_utilization;
    switch (c.metric) {
      case scaling_metric::concurrency:
        return c.target / concurrency;
      case scaling_metric::requests_per_second:
        return c.target * mean_s / concurrency;
      case scaling_metric::utilization:
        break;
    }
    return c.target;
  }

  /// Tasks for a steady load (busy tasks at 100%): what every policy settles at for a constant rate —
  /// `tasks`, or ceil(load / target) within [min_tasks, max_tasks]. (Step scaling settles anywhere in
  /// its band around it; the quote takes the target.) constexpr for closed-form quotes.
  static constexpr double steady_tasks(double load, double mean_s, double concurrency, const config& c) noexcept {
    if (c.policy == scaling_policy::fixed)
      return c.tasks > 0 ? detail::ceil(c.tasks) : detail::max(1.0, detail::ceil(load / c.target_utilization - 1e-9));
    const double wanted = detail::ceil(load / utilization_target(c, mean_s, concurrency) - 1e-9);
    return detail::min(detail::ceil(c.max_tasks), detail::max(detail::ceil(c.min_tasks), wanted));
  }

  /// The pods an HPA scale-up from `current` towards `wanted` reaches within `interval_s`: per whole
  /// `scale_up_period_s` in it (at least one), the larger of +`scale_up_percent` % and
  /// +`scale_up_pods`, never past `wanted`. Kubernetes' defaults take 2 pods to 6, 12, 24 in three
  /// 15 s periods.
  ///
  /// ```cpp
  /// static_assert(runwise::simulate::container_fleet::hpa_scale_up(
  ///                   {.policy = runwise::simulate::scaling_policy::hpa}, 2, 100, 45) == 24);
  /// ```
  static constexpr double hpa_scale_up(const config& c, double current, double wanted, double interval_s) noexcept {
    return scale_up_policy(c).reach(current, wanted, interval_s);
  }

  /// The config's autoscaler settings as the policy types of simulate/scaling/.
  static constexpr scaling::hpa_scale_up_policy scale_up_policy(const config& c) noexcept {
    return {c.scale_up_percent, c.scale_up_pods, c.scale_up_period_s};
  }
  static constexpr scaling::target_tracking_scaler target_tracking_of(const config& c) noexcept {
    return {.scale_in_cooldown_s = c.scale_in_cooldown_s};
  }
  static scaling::hpa_scaler hpa_of(const config& c) {
    scaling::hpa_scaler h;
    h.tolerance = c.tolerance;
    h.sync_period_s = c.sync_period_s;
    h.stabilization_window_s = c.scale_in_cooldown_s;
    h.scale_up = scale_up_policy(c);
    return h;
  }
  static constexpr scaling::step_scaler step_of(const config& c) noexcept {
    return {.steps = c.steps, .scale_out_cooldown_s = c.scale_out_cooldown_s, .scale_in_cooldown_s = c.scale_in_cooldown_s};
  }

  /// Tasks a fixed fleet runs for workload `w` (the `fixed` policy's count).
  static double task_count(const workload& w, const config& c) {
    const double load = w.traffic.peak_rate() * w.duration.mean.value() / w.concurrency_per_instance;
    config fixed = c;
    fixed.policy = scaling_policy::fixed;
    return steady_tasks(load, w.duration.mean.value(), w.concurrency_per_instance, fixed);
  }

  /// What happened in each traffic step, for charts: recorded only when run() is given one.
  struct step_trace {
    std::vector<double> tasks;       ///< tasks billed in the step (running and starting)
    std::vector<double> overloaded;  ///< the step's arrivals served late (behind the backlog)
  };

  /// Runs `w`'s traffic through the fleet under `c.policy`; with `steps`, also records each step
  /// (cheap when null).
  static usage run(const workload& w, const config& c, step_trace* steps = nullptr) {
    switch (c.policy) {
      case scaling_policy::target_tracking:
        return run_with(w, c, target_tracking_of(c), steps);
      case scaling_policy::hpa:
        return run_with(w, c, hpa_of(c), steps);
      case scaling_policy::step:
        return run_with(w, c, step_of(c), steps);
      case scaling_policy::fixed:
        break;
    }
    return walk(w, c, nullptr, steps);
  }

  /// Runs `w`'s traffic through the fleet under autoscaler `scaler` (a scaling::autoscaler; c.policy
  /// is not read, the rest of `c` is: bounds, target, observation delay, start-up time).
  ///
  /// ```cpp
  /// struct every_step_to_the_load {   // scale to the load at once, no cooldown
  ///   double desired(const runwise::simulate::scaling::observation& o) { return o.clamp(o.proportional()); }
  /// };
  /// runwise::usage u = runwise::simulate::container_fleet::run_with(w, c, every_step_to_the_load{});
  /// ```
  template <scaling::autoscaler A>
  static usage run_with(const workload& w, const config& c, A scaler, step_trace* steps = nullptr) {
    const auto desired = [&](const scaling::observation& o) { return static_cast<double>(scaler.desired(o)); };
    const auto next = [&]() -> double {
      if constexpr (requires { scaler.next_decision_s(); })
        return scaler.next_decision_s();
      else
        return 0;  // every step
    };
    const auto initial = [&](const scaling::observation& o) -> double {
      if constexpr (requires { scaler.initial(o); })
        return scaler.initial(o);
      else
        return o.clamp(o.proportional());
    };
    const decider d{desired, next, initial};
    return walk(w, c, &d, steps);
  }

 private:
  /// An autoscaler seen through references, so that walk() is compiled once for all of them.
  struct decider {
    detail::function_ref<double(const scaling::observation&)> desired;
    detail::function_ref<double()> next_decision_s;
    detail::function_ref<double(const scaling::observation&)> initial;
  };

  /// The fleet over the traffic: fixed when `scaler` is null.
  static usage walk(const workload& w, const config& c, const decider* scaler, step_trace* steps) {
    const traffic_series& t = w.traffic;
    const std::vector<double>& n = t.counts();
    const double step = t.step().value();
    const double d = w.duration.mean.value();
    const double k = w.concurrency_per_instance;
    const double per_task_per_step = k / d * step;  // requests one ready task serves in a step
    const double target = utilization_target(c, d, k);
    const double lo = std::ceil(c.min_tasks), hi = std::floor(c.max_tasks);
    const auto load = [&](std::size_t j) { return n[j] / per_task_per_step; };  // busy tasks at 100%
    // A step's metric is seen `lag` steps after the step that just ended.
    const auto lag = static_cast<std::size_t>(std::max(0.0, std::ceil(c.observation_delay_s / step - 1e-9)));

    usage u;
    u.horizon = t.horizon();
    u.arrived = t.total();
    u.fixed_size = !scaler || lo >= hi;
    if (n.empty()) return u;

    // Tasks live in cohorts launched together, newest last; `ready` is non-decreasing along it.
    struct cohort {
      double launch, ready, tasks;
    };
    std::vector<cohort> fleet;
    const auto seen = [&](double now, double current, double observed) {
      return scaling::observation{now, step, current, observed, target, lo, hi};
    };
    double current = scaler ? scaler->initial(seen(0, 0, load(0))) : task_count(w, c);
    if (current > 0) fleet.push_back({0, 0, current});

    fifo_queue queue;
    double tasks_sum = 0;  // over the steps: scaled to task-seconds once, at the end
    // A fixed fleet whose steps nobody records: nothing scales, the tasks are all ready from the
    // start (their start-up is before the horizon), so only the queue moves.
    const bool only_the_queue = !scaler && !steps;
    if (only_the_queue) {
      // The queue forms only in a step with more arrivals than the capacity: below the busiest
      // step's count it stays empty, with no step to walk.
      const double capacity = current * per_task_per_step;
      if (t.peak_count() > capacity)
        for (const double ni : n) queue.serve(ni, capacity);
      tasks_sum = current * static_cast<double>(n.size());
      u.peak_instances = current;
    }
    for (std::size_t i = 0; !only_the_queue && i < n.size(); ++i) {
      const double now = static_cast<double>(i) * step;
      if (scaler && i >= lag + 1 && now >= scaler->next_decision_s() - 1e-9) {
        const double desired = scaler->desired(seen(now, current, load(i - 1 - lag)));
        if (desired > current) {
          fleet.push_back({now, now + c.startup_s, desired - current});
        } else if (desired < current) {
          for (double stop = current - desired; stop > 1e-9 && !fleet.empty();) {  // newest (and starting) tasks first
            cohort& newest = fleet.back();
            const double taken = std::min(stop, newest.tasks);
            u.runs.push_back(task_run{seconds{newest.launch}, seconds{now}, taken});
            newest.tasks -= taken;
            stop -= taken;
            if (newest.tasks <= 0) fleet.pop_back();
          }
        }
        current = desired;
      }

      // Ready capacity: tasks still starting serve for the part of the step after they are up.
      double starting = 0, serving_part = 0;
      for (auto it = fleet.rbegin(); it != fleet.rend() && it->ready > now; ++it) {
        starting += it->tasks;
        serving_part += it->tasks * std::max(0.0, now + step - it->ready) / step;
      }
      const double capacity = (current - starting + serving_part) * per_task_per_step;
      const double waiting = queue.serve(n[i], capacity);
      if (steps) {
        steps->tasks.push_back(current);
        steps->overloaded.push_back(waiting);
      }
      tasks_sum += current;
      u.peak_instances = std::max(u.peak_instances, current);
    }

    for (const cohort& r : fleet) u.runs.push_back(task_run{seconds{r.launch}, u.horizon, r.tasks});

    u.served = requests{std::max(0.0, u.arrived.value() - queue.backlog)};
    // Busy task-seconds: what was served, at a task's rate (served is arrived less the backlog).
    const double busy_task_s = u.served.value() / per_task_per_step * step, task_s = tasks_sum * step;
    u.overloaded = requests{queue.late};
    u.mean_instances = task_s / u.horizon.value();
    u.set_busy(busy_task_s);
    return u;
  }
};

}  // namespace runwise::simulate
