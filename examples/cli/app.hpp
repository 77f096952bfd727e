// SPDX-License-Identifier: MIT
#pragma once

// The whole `runwise` CLI (README.md, "The CLI") over a platform registry: `run<Registry>` is the
// program, so a team that adds a platform of its own builds its own runwise in a few lines
// (examples/own_cli). main.cpp runs it over the catalog runwise ships.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include <runwise/all.hpp>

#include "application_command.hpp"
#include "builtin_spec.hpp"
#include "catalog.hpp"
#include "fleet_command.hpp"
#include "json_text.hpp"
#include "output_file.hpp"
#include "progress_meter.hpp"
#include "simulate_command.hpp"
#include "spec.hpp"

namespace runwise_cli {

inline std::string today_iso() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

/// The whole of a file, or of standard input for "-"; errors name the file.
inline std::string read_input(const std::string& path) {
  if (path == "-") return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  std::ifstream in(path, std::ios::binary);
  if (!in) runwise::fail_input(path, "cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) runwise::fail_input(path, "cannot be read");
  return s.str();
}

/// --seed's value: a whole number from 0 to 2^53, as a spec's `seed` (CLI11 would take "-1" as
/// 2^64 - 1, and an empty or overlong value silently).
inline std::uint64_t seed_flag(const std::string& text) {
  constexpr std::uint64_t max = std::uint64_t{1} << 53;
  std::uint64_t x = 0;
  bool ok = !text.empty() && text.size() <= 16;
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    if (ok) x = 10 * x + static_cast<std::uint64_t>(c - '0');
  }
  if (!ok || x > max)
    runwise::fail_input("--seed", "must be a whole number from 0 to 2^53 (9007199254740992), got \"" + text + "\"");
  return x;
}

/// Writes `text` whole to `out` (standard output, or a file replaced whole: output_file.hpp).
inline void emit(const std::string& text, runwise_cli::output_file out = {}) {
  out.write(text);
  out.commit();
}

/// One warning per platform whose price sheet is more than a year old.
inline std::vector<std::string> stale_price_warnings(const runwise_cli::spec& s) {
  std::vector<std::string> warnings;
  const std::string today = today_iso();
  for (const auto& [id, as_of] : s.sheet_dates)  // (no date: a platform without a price sheet)
    if (!as_of.empty() && runwise::pricing::is_stale(as_of, today))
      warnings.push_back(id + ": prices are as of " + as_of +
                         ", more than a year ago; check them or override \"prices\"");
  return warnings;
}

/// The report in `format`, and with `svg` the cost chart (analyze::cost_curves over 1e-3 to 1e3 times
/// today's traffic, widened to show every break-even point).
/// What `evaluate` adds on request: the sensitivity sweep and the Monte Carlo run (flags override
/// the spec's `sensitivity` and `uncertainty` objects), and the cost-range chart.
struct analysis_flags {
  bool sensitivity = false;                ///< --sensitivity
  std::optional<std::size_t> draws;        ///< --monte-carlo N
  std::optional<std::uint64_t> seed;       ///< --seed S
  std::string* uncertainty_svg = nullptr;  ///< --svg-uncertainty FILE
  bool progress = false;                   ///< --progress (default: when stderr is a terminal)
  double time_limit_s = runwise_cli::default_time_limit_s;  ///< --time-limit
};

template <class Registry>
std::string evaluate(const std::string& spec_text, const std::string& spec_name, const std::string& format,
                     std::string* svg = nullptr, const analysis_flags& flags = {}) {
  // Files a spec names are relative to its directory (to the working directory for standard input).
  const std::filesystem::path base =
      spec_name.starts_with("<") ? std::filesystem::path{} : std::filesystem::path(spec_name).parent_path();
  runwise_cli::spec s = runwise_cli::read_spec<Registry>(runwise_cli::parse_json(spec_text, spec_name), base);
  if (s.application) {
    if (flags.uncertainty_svg)
      runwise::fail_input("--svg-uncertainty", "is drawn for one workload; --svg draws each component's cost chart");
    return runwise_cli::evaluate_application(
        s, format, {flags.sensitivity, flags.draws || flags.seed, flags.draws, flags.seed, svg},
        stale_price_warnings(s));
  }
  if (flags.sensitivity && !s.sensitivity) s.sensitivity.emplace();
  std::vector<std::string> defaulted;  // --monte-carlo without an uncertainty block: assumed inputs
  if ((flags.draws || flags.seed || flags.uncertainty_svg) && !s.uncertainty)
    s.uncertainty =
        runwise_cli::uncertainty_spec{runwise::analyze::default_uncertain_inputs(s.platforms, &defaulted), {}};
  if (s.uncertainty) {
    if (flags.draws) s.uncertainty->options.draws = *flags.draws;
    if (flags.seed) s.uncertainty->options.seed = *flags.seed;
  }
  // The evaluation (today's traffic, then the break-even search's scales) and the Monte Carlo run
  // each draw progress and are refused when they would take longer than the time limit.
  std::optional<runwise_cli::progress_meter> meter;
  meter.emplace("evaluate", "option evaluations",
                "use a coarser traffic.step_s, a shorter horizon_hours or fewer platforms", flags.progress,
                flags.time_limit_s);
  runwise::preferences with_progress = s.preferences;
  with_progress.progress = meter->callback();
  const runwise::evaluation e = with_decision(
      s.decision, [&]<class D>() { return runwise::evaluate_selected<D>(s.workload, s.platforms, with_progress); });
  meter.reset();
  std::optional<runwise::analyze::sensitivity_report> sensitivity;
  std::optional<runwise::analyze::uncertainty_report> uncertainty;
  if (s.sensitivity)
    sensitivity = with_decision(s.decision, [&]<class D>() {
      return runwise::analyze::sensitivity<D>(s.workload, s.platforms, s.preferences, *s.sensitivity);
    });
  if (s.uncertainty) {
    meter.emplace("--monte-carlo", "draws", "give fewer draws, or a coarser traffic.step_s", flags.progress,
                  flags.time_limit_s);
    s.uncertainty->options.progress = meter->callback();
    uncertainty = with_decision(s.decision, [&]<class D>() {
      return runwise::analyze::monte_carlo<D>(s.workload, s.platforms, s.uncertainty->inputs, s.preferences,
                                              s.uncertainty->options);
    });
    meter.reset();
  }
  if (uncertainty) uncertainty->defaulted_inputs = defaulted;
  if (flags.uncertainty_svg) *flags.uncertainty_svg = runwise::report::uncertainty_svg(*uncertainty, e.workload);
  if (svg) {
    const auto [lo, hi] = runwise_cli::chart_range(e, s.workload);
    *svg = runwise::report::cost_chart_svg(e, runwise::analyze::cost_curves(s.workload, s.platforms, lo, hi, 61));
  }
  const std::vector<std::string> warnings = stale_price_warnings(s);
  if (format == "json") {
    if (!sensitivity && !uncertainty) return runwise::report::json(e, warnings);
    runwise::report::json_writer j;
    j.begin_object();
    runwise::report::write_members(j, e);
    j.key("warnings").strings(warnings);
    if (sensitivity) runwise::report::write_json(j.key("sensitivity"), *sensitivity);
    if (uncertainty) runwise::report::write_json(j.key("uncertainty"), *uncertainty);
    j.end_object();
    return std::move(j).str();
  }
  std::string out = format == "markdown" ? runwise::report::markdown(e) : runwise::report::text(e);
  const auto* sens = sensitivity ? &*sensitivity : nullptr;
  const auto* unc = uncertainty ? &*uncertainty : nullptr;
  out += format == "markdown" ? runwise::report::uncertainty_markdown(sens, unc)
                              : runwise::report::uncertainty_text(sens, unc);
  if (format == "markdown" && !warnings.empty()) out += "\n";
  for (const auto& w : warnings) out += "warning: " + w + "\n";
  return out;
}

/// The runwise CLI over the platforms of `Registry` (runwise::registry<type_list<...>>): every command,
/// flag and output as documented; returns the exit code.
template <class Registry = runwise::catalog_registry>
int run(int argc, char** argv) {
  CLI::App app{
      "runwise: should a workload run on serverless functions, on containers, or on both, "
      "and what will each really cost?\nWith no command, evaluates a built-in example workload."};
  app.set_version_flag("--version", "runwise " + std::string(runwise::version));
  app.require_subcommand(0, 1);

  std::string spec_path, format = "text", output, svg_path;
  auto* evaluate_cmd = app.add_subcommand("evaluate", "Evaluate a workload spec (JSON; - for standard input)");
  evaluate_cmd->add_option("SPEC", spec_path, "spec file, or - for standard input")->required();
  evaluate_cmd->add_option("--format", format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  evaluate_cmd->add_option("--svg", svg_path, "also write the cost chart (SVG) to FILE (atomically)");
  evaluate_cmd->add_option("--output", output, "write the report to FILE (atomically) instead of standard output");
  bool sensitivity_flag = false;
  std::size_t draws = 0;
  std::string seed_text;
  std::string uncertainty_svg_path;
  evaluate_cmd->add_flag(
      "--sensitivity", sensitivity_flag,
      "sweep each input by +/-25% (or the spec's sensitivity.change) and rank what flips the verdict");
  auto* draws_opt =
      evaluate_cmd->add_option("--monte-carlo", draws, "run N Monte Carlo draws over the spec's uncertainty.inputs")
          ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
  auto* seed_opt =
      evaluate_cmd->add_option("--seed", seed_text, "seed of the Monte Carlo draws, 0 to 2^53 (default: the spec's, or 1)");
  runwise_cli::long_run_flags evaluate_long_run;
  evaluate_long_run.add_to(*evaluate_cmd);
  evaluate_cmd->add_option("--svg-uncertainty", uncertainty_svg_path,
                           "write the cost-range chart of the Monte Carlo run (SVG) to FILE (atomically)");

  runwise_cli::simulate_command simulate;
  simulate.add_to(app);
  runwise_cli::fleet_command<Registry> fleet;
  fleet.add_to(app);

  std::string catalog_format = "text";
  auto* catalog_cmd =
      app.add_subcommand("catalog", "List every platform, its settings and its prices with sources and dates");
  catalog_cmd->add_option("--format", catalog_format, "text or json")->check(CLI::IsMember({"text", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }

  try {
    if (*catalog_cmd) {
      const auto catalog = runwise_cli::catalog_json<Registry>(today_iso());
      emit(catalog_format == "json" ? catalog.dump(2) + "\n" : runwise_cli::catalog_text(catalog));
    } else if (*fleet.command) {
      fleet.run();
    } else if (*simulate.command) {
      const std::string& p = simulate.spec_path;
      emit(simulate.run(runwise_cli::parse_json(read_input(p), p == "-" ? "<stdin>" : p)));
    } else if (*evaluate_cmd) {
      evaluate_long_run.validate();
      // Every output is opened before the work, so an unwritable place fails at once.
      runwise_cli::output_file report_out(output);
      std::optional<runwise_cli::output_file> svg_out, uncertainty_out;
      if (!svg_path.empty()) svg_out.emplace(svg_path);
      if (!uncertainty_svg_path.empty()) uncertainty_out.emplace(uncertainty_svg_path);
      std::string svg, uncertainty_svg;
      analysis_flags flags{sensitivity_flag, std::nullopt, std::nullopt,
                           uncertainty_svg_path.empty() ? nullptr : &uncertainty_svg, evaluate_long_run.progress,
                           evaluate_long_run.time_limit_s};
      if (*draws_opt) flags.draws = draws;
      if (*seed_opt) flags.seed = seed_flag(seed_text);
      const std::string report = evaluate<Registry>(read_input(spec_path), spec_path == "-" ? "<stdin>" : spec_path, format,
                                          svg_path.empty() ? nullptr : &svg, flags);
      if (svg_out) emit(svg, std::move(*svg_out));
      if (uncertainty_out) emit(uncertainty_svg, std::move(*uncertainty_out));
      emit(report, std::move(report_out));
    } else {
      emit(evaluate<Registry>(runwise_cli::builtin_spec, "<built-in example>", "text"));
    }
    return 0;
  } catch (const runwise::error& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return runwise::exit_code(e.code());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  } catch (...) {
    std::fprintf(stderr, "error: an unexpected failure\n");
    return 1;
  }
}

}  // namespace runwise_cli
