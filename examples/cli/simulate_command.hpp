// SPDX-License-Identifier: MIT
#pragma once

// `runwise simulate SPEC.json [--format text|json]` (README.md, "The CLI"): the request-level simulator on
// Poisson arrivals or an Azure Functions 2021 invocation trace.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include <runwise/core/detail/format.hpp>
#include <runwise/report/simulation_json.hpp>
#include <runwise/simulate/request_simulator.hpp>
#include <runwise/simulate/trace_arrivals.hpp>

#include "json_object.hpp"
#include "json_settings.hpp"
#include "progress_meter.hpp"

namespace runwise_cli {

/// The simulate command's settings, parsed from its spec.
struct simulate_spec {
  runwise::simulate::request_simulator_config config;
  double poisson_rate_per_s = 0;  ///< > 0 for Poisson arrivals
  std::string trace_file;         ///< else an Azure 2021 trace, resolved against the spec's folder
};

/// A file named in a spec: relative paths are relative to the spec file's folder (the working
/// directory for standard input), so a spec and its trace can move together.
inline std::string resolve_beside(const std::string& file, const std::string& spec_path) {
  const std::filesystem::path p(file);
  if (p.is_absolute() || spec_path == "-" || spec_path.empty()) return file;
  return (std::filesystem::path(spec_path).parent_path() / p).string();
}

inline void read_service(json_object s, simulate_spec& out) {
  auto& svc = out.config.service;
  const bool trace = !out.trace_file.empty();
  if (trace) {
    for (const char* field : {"warm_s", "cold_s", "distribution", "samples_s"})
      if (s.has(field))
        runwise::fail_input(s.at(field),
                            "not used with a trace: each invocation's own duration is its warm time; "
                            "give only cold_extra_s");
    svc.cold_extra_s = s.number("cold_extra_s").value_or(0);
    s.finish();
    return;
  }
  json_settings settings(s);
  settings.choice("distribution", svc.distribution, runwise::simulate::service_distribution_names);
  svc.cold_extra_s = s.number("cold_extra_s").value_or(0);
  if (svc.distribution == runwise::simulate::service_distribution::empirical) {
    for (const char* field : {"warm_s", "cold_s"})
      if (s.has(field))
        runwise::fail_input(s.at(field), "not used with the empirical distribution: give samples_s (and cold_extra_s)");
    const auto* samples = s.find("samples_s");
    if (!samples) runwise::fail_input(s.at("samples_s"), "is required for the empirical distribution");
    if (!samples->is_array())
      runwise::fail_input(s.at("samples_s"), "must be an array of numbers, got " + type_name(*samples));
    for (std::size_t i = 0; i < samples->size(); ++i) {
      const auto& v = (*samples)[i];
      if (!v.is_number())
        runwise::fail_input(s.at("samples_s") + "[" + std::to_string(i) + "]", "must be a number, got " + type_name(v));
      svc.samples_s.push_back(v.get<double>());
    }
  } else {
    if (s.has("samples_s")) runwise::fail_input(s.at("samples_s"), "is only used with \"distribution\": \"empirical\"");
    svc.warm_s = s.required_number("warm_s");
    if (s.has("cold_s") && s.has("cold_extra_s"))
      runwise::fail_input(s.at("cold_extra_s"), "give cold_s or cold_extra_s, not both");
    svc.cold_s = s.number("cold_s").value_or(svc.warm_s + svc.cold_extra_s);
  }
  s.finish();
}

/// the CLI's simulate spec; errors name the JSON path.
inline simulate_spec read_simulate_spec(const nlohmann::json& j, const std::string& spec_path) {
  json_object root(j, "");
  simulate_spec out;
  auto arrival = root.object("arrival");
  if (!arrival)
    runwise::fail_input("arrival", "is required: { \"poisson_rate_per_s\": R } or { \"azure_2021\": FILE }");
  if (arrival->has("poisson_rate_per_s") == arrival->has("azure_2021"))
    runwise::fail_input("arrival", "give exactly one of poisson_rate_per_s, azure_2021");
  if (auto rate = arrival->number("poisson_rate_per_s")) out.poisson_rate_per_s = *rate;
  if (auto file = arrival->string("azure_2021")) {
    if (file->empty()) runwise::fail_input("arrival.azure_2021", "must name a file");
    out.trace_file = resolve_beside(*file, spec_path);
  }
  arrival->finish();

  auto& c = out.config;
  if (auto s = root.object("service")) {
    read_service(std::move(*s), out);
  } else if (out.trace_file.empty()) {
    runwise::fail_input("service", "is required for Poisson arrivals: { \"warm_s\": ..., \"cold_s\": ... }");
  }
  json_settings settings(root);
  settings.number("keep_alive_s", c.keep_alive_s, 0, 1e9);
  settings.number("max_concurrency", c.max_concurrency, 1, 1e9);
  settings.number("concurrency_per_instance", c.concurrency_per_instance, 1, 1e6);
  // SimFaaS's default max_time is one day; a trace runs until its last invocation ends.
  c.horizon_s = out.trace_file.empty() ? 86400 : 0;
  settings.number("horizon_s", c.horizon_s, 0, 1e12);
  if (auto seed = root.number("seed")) {
    if (*seed < 0 || *seed != std::floor(*seed) || *seed > 9.007199254740992e15)
      runwise::fail_input("seed", "must be a whole number from 0 to 2^53");
    c.seed = static_cast<std::uint64_t>(*seed);
  }
  root.finish();
  return out;
}

inline std::string simulation_text(const runwise::simulate::request_simulation& r, const simulate_spec& s) {
  using runwise::detail::format_count;
  using runwise::detail::format_number;
  char line[160];
  std::string out = "runwise simulate | ";
  out += s.trace_file.empty() ? "Poisson " + format_number(s.poisson_rate_per_s) + "/s" : s.trace_file;
  out += " | " + format_count(r.horizon_s) + " s | seed " + std::to_string(s.config.seed) + "\n\n";
  auto row = [&](const char* name, const std::string& value) {
    std::snprintf(line, sizeof line, "  %-20s %s\n", name, value.c_str());
    out += line;
  };
  auto share = [](double p) { return " (" + format_number(std::round(p * 1e6) / 1e4) + "%)"; };
  row("requests", format_count(static_cast<double>(r.requests)));
  row("cold starts", format_count(static_cast<double>(r.cold_starts)) + share(r.cold_start_probability));
  row("rejections", format_count(static_cast<double>(r.rejections)) + share(r.rejection_probability));
  std::snprintf(line, sizeof line, "%.4f (running %.4f, idle %.4f; peak %.0f)", r.mean_instances, r.mean_running,
                r.mean_idle, r.peak_instances);
  row("mean instances", line);
  row("mean lifespan", r.expired_instances ? format_number(std::round(r.mean_lifespan_s * 10) / 10) + " s"
                                           : std::string("none expired within the horizon"));
  return out;
}

/// Runs a parsed spec (`spec_path` locates relative trace files) and renders it as text or JSON.
/// `progress` is told the simulated seconds done (every 2^20 events) and may throw to stop the run.
inline std::string simulate(const nlohmann::json& spec, const std::string& spec_path, const std::string& format,
                            runwise::progress_callback progress = {}) {
  simulate_spec s = read_simulate_spec(spec, spec_path);
  s.config.progress = std::move(progress);
  runwise::simulate::request_simulation r;
  if (s.trace_file.empty()) {
    r = runwise::simulate::simulate_poisson(s.poisson_rate_per_s, s.config);
  } else {
    s.config.validate();  // before reading a possibly large trace
    const auto t = runwise::simulate::load_azure_2021_arrivals(s.trace_file);
    r = runwise::simulate::simulate_trace(t.arrivals, t.functions, s.config);
  }
  return format == "json" ? runwise::report::json(r) : simulation_text(r, s);
}

/// The subcommand's arguments, registered on the CLI app.
struct simulate_command {
  CLI::App* command = nullptr;
  std::string spec_path;
  std::string format = "text";
  long_run_flags long_run;

  void add_to(CLI::App& app) {
    command = app.add_subcommand("simulate",
                                 "Simulate requests, instances and cold starts of a serverless function (JSON spec; "
                                 "- for standard input)");
    command->add_option("SPEC", spec_path, "spec file, or - for standard input")->required();
    command->add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
    long_run.add_to(*command);
  }

  /// Runs the parsed spec with progress and the time limit.
  std::string run(const nlohmann::json& spec) const {
    long_run.validate();
    progress_meter meter("simulate", "simulated seconds", "give a shorter horizon_s or a lower arrival rate",
                         long_run.progress, long_run.time_limit_s);
    return simulate(spec, spec_path, format, meter.callback());
  }
};

}  // namespace runwise_cli
