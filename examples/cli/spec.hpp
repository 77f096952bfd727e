// SPDX-License-Identifier: MIT
#pragma once

// the CLI's evaluate spec → a workload and the platforms to evaluate it on.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <runwise/all.hpp>

#include "json_object.hpp"
#include "json_settings.hpp"
#include "trace_traffic.hpp"
#include "uncertainty_spec.hpp"

namespace runwise_cli {

/// The decision policies a spec can name (`"decision"`, default weighted_sum).
enum class decision_rule { weighted_sum, topsis, cheapest };
inline constexpr runwise::pricing::choice_table<decision_rule, 3> decision_names{
    {{"weighted_sum", decision_rule::weighted_sum},
     {"topsis", decision_rule::topsis},
     {"cheapest", decision_rule::cheapest}}};

/// Calls `f.template operator()<D>()` with the spec's decision policy type.
template <class F>
decltype(auto) with_decision(decision_rule rule, F&& f) {
  switch (rule) {
    case decision_rule::topsis:
      return f.template operator()<runwise::decide::topsis>();
    case decision_rule::cheapest:
      return f.template operator()<runwise::decide::cheapest>();
    case decision_rule::weighted_sum:
      break;
  }
  return f.template operator()<runwise::decide::weighted_sum>();
}

/// The criteria a spec's `weights` may name: those of its decision policy (`D::names`); a policy
/// that weighs no criteria (cheapest) takes the default policy's, as weights it will not use.
inline std::vector<std::string_view> criterion_names(decision_rule rule) {
  return with_decision(rule, []<class D>() {
    if constexpr (requires { D::names; })
      return std::vector<std::string_view>(D::names.begin(), D::names.end());
    else
      return std::vector<std::string_view>(runwise::decide::weighted_sum::names.begin(),
                                           runwise::decide::weighted_sum::names.end());
  });
}

struct spec {
  runwise::workload workload;
  std::optional<runwise::application> application;  ///< `application` instead of `workload` (hybrid)
  std::vector<runwise::selected_platform> platforms;
  runwise::preferences preferences;  ///< `weights` (empty: derived from the article's rule of thumb)
  decision_rule decision = decision_rule::weighted_sum;              ///< `decision`
  std::vector<std::pair<std::string, std::string>> sheet_dates;      ///< platform id → its price sheet's as_of
  std::optional<runwise::analyze::sensitivity_options> sensitivity;  ///< `sensitivity` (docs/uncertainty.md)
  std::optional<uncertainty_spec> uncertainty;                       ///< `uncertainty`
};

/// Collects the as_of date of every price sheet in a config (settings visitor protocol).
struct sheet_date_collector {
  std::string as_of;
  void number(std::string_view, double, double, double, const char* = "") {}
  void flag(std::string_view, bool) {}
  template <class E, std::size_t N>
  void choice(std::string_view, E, const runwise::pricing::choice_table<E, N>&) {}
  template <class F>
  void object(std::string_view, F&& f) {
    f(*this);
  }
  template <class Sheet>
  void sheet(std::string_view, const Sheet& s) {
    as_of = std::string(s.as_of);
  }
};

inline constexpr runwise::pricing::choice_table<runwise::traffic_pattern, 4> pattern_names{
    {{"constant", runwise::traffic_pattern::constant},
     {"diurnal", runwise::traffic_pattern::diurnal},
     {"business_hours", runwise::traffic_pattern::business_hours},
     {"spiky", runwise::traffic_pattern::spiky}}};
inline constexpr runwise::pricing::choice_table<runwise::duration_distribution, 2> distribution_names{
    {{"deterministic", runwise::duration_distribution::deterministic},
     {"exponential", runwise::duration_distribution::exponential}}};
inline constexpr runwise::pricing::choice_table<bool, 2> noise_names{{{"none", false}, {"poisson", true}}};

/// `horizon_hours`, when given, must be the horizon of a series or trace (which sets its own).
inline void check_horizon(std::optional<double> horizon_hours, const runwise::traffic_series& t, const char* what) {
  if (horizon_hours && std::fabs(*horizon_hours - runwise::to_hours(t.horizon())) > 1e-9 * *horizon_hours)
    runwise::fail_input("horizon_hours", runwise::detail::format_number(*horizon_hours) + " h differs from the " +
                                             what + "'s " +
                                             runwise::detail::format_number(runwise::to_hours(t.horizon())) +
                                             " h; omit horizon_hours to use the " + what + "'s own");
}

/// `workload.traffic`: exactly one of requests_per_month, requests_per_second, series, azure_2019.
/// Files are relative to `base_dir`; a trace's mean duration, when it gives one, goes to `trace_duration_ms`.
inline runwise::traffic_series read_traffic(json_object t, std::optional<double> horizon_hours,
                                            const std::filesystem::path& base_dir = {},
                                            std::optional<double>* trace_duration_ms = nullptr) {
  const char* sources[] = {"requests_per_month", "requests_per_second", "series", "azure_2019"};
  int given = 0;
  for (const char* s : sources) given += t.has(s) ? 1 : 0;
  const std::string one_of = "give exactly one of requests_per_month, requests_per_second, series, azure_2019";
  if (given == 0) t.fail_missing({sources[0], sources[1], sources[2], sources[3]}, one_of);
  if (given != 1) runwise::fail_input(t.path(), one_of);

  if (auto trace = t.object("azure_2019")) {
    trace_traffic r = read_azure_2019_traffic(std::move(*trace), base_dir);
    t.finish();
    check_horizon(horizon_hours, r.traffic, "trace");
    if (trace_duration_ms) *trace_duration_ms = r.duration_ms;
    return std::move(r.traffic);
  }

  if (auto series = t.object("series")) {
    const double step = series->number("step_s").value_or(60);
    const auto* counts = series->find("counts");
    if (!counts) series->fail_missing({"counts"}, "is required");
    if (!counts->is_array())
      runwise::fail_input(series->at("counts"), "must be an array of numbers, got " + type_name(*counts));
    if (counts->empty()) runwise::fail_input(series->at("counts"), "must not be empty");
    std::vector<double> c;
    c.reserve(counts->size());
    for (std::size_t i = 0; i < counts->size(); ++i) {
      const auto& v = (*counts)[i];
      if (!v.is_number())
        runwise::fail_input(series->at("counts") + "[" + std::to_string(i) + "]",
                            "must be a number, got " + type_name(v));
      c.push_back(v.get<double>());
    }
    series->finish();
    t.finish();
    runwise::traffic_series out(runwise::seconds{step}, std::move(c), series->path());
    check_horizon(horizon_hours, out, "series");
    return out;
  }

  runwise::traffic_shape shape;
  json_settings settings(t);
  settings.choice("pattern", shape.pattern, pattern_names);
  settings.number("peak_to_mean", shape.peak_to_mean, 1, 1e6);
  // Given, it is the ratio itself (0 is the library's "pattern default", not a value to write).
  if (t.has("peak_to_mean")) runwise::detail::check_range(t.at("peak_to_mean"), shape.peak_to_mean, 1, 1e6);
  settings.choice("noise", shape.poisson_noise, noise_names);
  if (auto seed = t.number("seed")) {
    if (*seed < 0 || *seed != std::floor(*seed) || *seed > 9.007199254740992e15)
      runwise::fail_input(t.at("seed"), "must be a whole number from 0 to 2^53");
    shape.seed = static_cast<std::uint64_t>(*seed);
  }
  if (t.has("peak_to_mean") && !t.has("pattern"))
    runwise::fail_input(t.at("peak_to_mean"), "needs a pattern (diurnal, business_hours or spiky)");
  const double step = t.number("step_s").value_or(60);
  const double hours = horizon_hours.value_or(730);
  double rate = 0;
  if (auto per_month = t.number("requests_per_month")) {
    // The simulator's bound of 1e9 requests a second, in the unit the user wrote.
    runwise::detail::check_range(t.at("requests_per_month"), *per_month, 0, 1e9 * runwise::hours(730).value());
    rate = *per_month / runwise::hours(730).value();
  } else {
    rate = *t.number("requests_per_second");
  }
  t.finish();
  return runwise::make_traffic(rate, runwise::hours(hours), runwise::seconds{step}, shape, t.path());
}

inline runwise::requirements read_requirements(json_object r) {
  runwise::requirements q;
  json_settings s(r);
  s.flag("gpu", q.gpu);
  s.flag("custom_os", q.custom_os);
  s.flag("legacy_migration", q.legacy_migration);
  s.flag("stateful", q.stateful);
  s.flag("persistent_connections", q.persistent_connections);
  if (auto v = r.number("max_latency_ms")) q.max_latency_ms = *v;
  s.number("deploys_per_month", q.deploys_per_month, 0, 1e6);
  s.number("payload_kb", q.payload_kb, 0, 1e9);
  s.number("ops_hourly_usd", q.ops_hourly_usd, 0, 1e6);
  r.finish();
  q.validate(r.path());
  return q;
}

inline runwise::workload read_workload(json_object w, std::optional<double> horizon_hours,
                                       const std::filesystem::path& base_dir = {}) {
  runwise::workload out;
  out.name = w.string("name").value_or("workload");
  auto traffic = w.object("traffic");
  if (!traffic) w.fail_missing({"traffic"}, "is required");
  std::optional<double> trace_duration_ms;
  const double hours = horizon_hours.value_or(730);
  if (auto per_month = traffic->number("requests_per_month"); per_month && hours != 730)
    out.notes.push_back(traffic->at("requests_per_month") + " counts a 730-hour month: over the " +
                        runwise::detail::format_number(hours) + " h horizon, " +
                        runwise::detail::format_count(*per_month) + " × " + runwise::detail::format_number(hours) +
                        " / 730 = " + runwise::detail::format_count(*per_month * hours / 730) + " requests");
  out.traffic = read_traffic(std::move(*traffic), horizon_hours, base_dir, &trace_duration_ms);
  if (trace_duration_ms && !w.has("duration_ms"))
    out.duration.mean = runwise::milliseconds(std::max(*trace_duration_ms, 1e-3));  // (as fleet: a 0 ms average)
  else
    out.duration.mean = runwise::milliseconds(w.required_number("duration_ms"));
  if (auto init = w.number("init_ms")) out.init = runwise::milliseconds(*init);
  json_settings s(w);
  s.choice("duration_distribution", out.duration.distribution, distribution_names);
  out.memory = runwise::megabytes{w.required_number("memory_mb")};
  out.cpu = runwise::vcpu{w.number("vcpu").value_or(0.25)};
  out.concurrency_per_instance = w.number("concurrency_per_instance").value_or(1);
  for (const char* field : {"concurrency_per_instance", "vcpu"})
    if (!w.has(field)) out.defaulted.emplace_back(field);
  if (auto r = w.object("requirements")) out.needs = read_requirements(std::move(*r));
  w.finish();
  out.validate(w.path());
  return out;
}

/// `application`: a name and components shaped like `workload`, each with an optional `trigger`.
inline runwise::application read_application(json_object a, std::optional<double> horizon_hours,
                                             const std::filesystem::path& base_dir = {}) {
  runwise::application out;
  out.name = a.string("name").value_or("application");
  const auto* list = a.find("components");
  if (!list) a.fail_missing({"components"}, "is required");
  if (!list->is_array()) runwise::fail_input(a.at("components"), "must be an array, got " + type_name(*list));
  a.finish();
  for (std::size_t i = 0; i < list->size(); ++i) {
    json_object c((*list)[i], a.at("components") + "[" + std::to_string(i) + "]");
    runwise::component part;
    json_settings(c).choice("trigger", part.triggered_by, runwise::trigger_names);
    part.work = read_workload(std::move(c), horizon_hours, base_dir);
    out.components.push_back(std::move(part));
  }
  out.validate(a.path());
  return out;
}

/// One `platforms[i]` entry: its id picks the type from `Registry` (the catalog), the rest are its settings.
template <class Registry>
runwise::selected_platform read_platform(json_object p, spec& out) {
  const auto id = p.string("id");
  if (!id) p.fail_missing({"id"}, "is required (one of " + Registry::id_list() + ")");
  const auto index = Registry::find(*id);
  if (!index)
    runwise::fail_input(p.at("id"), "unknown platform \"" + *id + "\"; known: " + Registry::id_list());
  return Registry::visit(*index, [&]<class P>() {
    typename P::config config;
    json_settings settings(p);
    P::config::visit(config, settings);
    p.finish();
    sheet_date_collector dates;
    P::config::visit(std::as_const(config), dates);
    out.sheet_dates.emplace_back(std::string(P::id), dates.as_of);
    return runwise::select<P>(config, p.path());
  });
}

/// The spec in `j`; files it names are relative to `base_dir` (the spec file's directory; empty for
/// the working directory).
template <class Registry = runwise::catalog_registry>
spec read_spec(const nlohmann::json& j, const std::filesystem::path& base_dir = {}) {
  json_object root(j, "");
  spec out;
  const auto horizon = root.number("horizon_hours");
  if (horizon) runwise::detail::check_range("horizon_hours", *horizon, 1.0 / 60, 24 * 366 * 10, " h");
  if (root.has("application") && root.has("workload"))
    runwise::fail_input("application", "give either workload (one service) or application (several), not both");
  if (auto a = root.object("application")) {
    out.application = read_application(std::move(*a), horizon, base_dir);
  } else {
    auto w = root.object("workload");
    if (!w)
      root.fail_missing({"workload", "application"}, "is required (or application, for several components)",
                        "workload");
    out.workload = read_workload(std::move(*w), horizon, base_dir);
  }

  if (const auto* list = root.find("platforms")) {
    if (!list->is_array()) runwise::fail_input("platforms", "must be an array, got " + type_name(*list));
    if (list->empty()) runwise::fail_input("platforms", "must list at least one platform (omit it to use all)");
    for (std::size_t i = 0; i < list->size(); ++i) {
      out.platforms.push_back(read_platform<Registry>(json_object((*list)[i], "platforms[" + std::to_string(i) + "]"), out));
      for (std::size_t k = 0; k + 1 < out.platforms.size(); ++k)
        if (out.platforms[k].id == out.platforms.back().id)
          runwise::fail_input("platforms[" + std::to_string(i) + "].id", out.platforms.back().id + " is listed twice");
    }
  } else {
    for (std::size_t i = 0; i < Registry::size; ++i)
      out.platforms.push_back(Registry::visit(i, [&]<class P>() {
        sheet_date_collector dates;
        const typename P::config defaults{};
        P::config::visit(defaults, dates);
        out.sheet_dates.emplace_back(std::string(P::id), dates.as_of);
        return runwise::select<P>({});
      }));
  }

  {
    json_settings settings(root);
    settings.choice("decision", out.decision, decision_names);
  }
  if (auto weights = root.object("weights")) {
    for (std::string_view criterion : criterion_names(out.decision))
      if (auto v = weights->number(criterion)) {
        runwise::detail::check_range(weights->at(criterion), *v, 0, 1e6);
        out.preferences.weights.emplace_back(std::string(criterion), *v);
      }
    weights->finish();
    double sum = 0;
    for (const auto& [name, v] : out.preferences.weights) sum += v;
    if (!(sum > 0)) runwise::fail_input("weights", "at least one criterion needs a positive weight");
  }
  if (auto sens = root.object("sensitivity")) out.sensitivity = read_sensitivity(std::move(*sens));
  if (auto u = root.object("uncertainty"))
    out.uncertainty = read_uncertainty(std::move(*u), out.workload, out.platforms);
  root.finish();
  return out;
}

}  // namespace runwise_cli
