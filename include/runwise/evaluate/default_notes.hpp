// SPDX-License-Identifier: MIT
#pragma once

// Defaults that decide the verdict: a spec that leaves `concurrency_per_instance` out is read as one
// request per container task at a time, and with a peaked traffic shape the container side can then
// never win. Where such a default decides the recommendation or leaves a pair without a break-even,
// the evaluation says which default, and what the answer is at the platforms' usual setting.

#include <algorithm>
#include <string>
#include <string_view>

#include "../core/detail/format.hpp"
#include "../core/error.hpp"
#include "../core/result.hpp"
#include "../workload/workload.hpp"

namespace runwise {

/// A typical value of an input that a spec may leave at runwise's default, and whose it is.
struct usual_setting {
  std::string_view field;  ///< the workload field, as a spec names it
  double value;
  std::string_view whose;  ///< where the value is the default, for the note
};

/// 80 requests at once per instance: Cloud Run's default maximum of concurrent requests per instance
/// (Google Cloud, "Maximum concurrent requests per instance (services)",
/// https://cloud.google.com/run/docs/about-concurrency, seen 2026-12-03). A web server in a container
/// task usually serves many requests at once; runwise's own default, 1, is the cautious reading.
inline constexpr usual_setting usual_concurrency{"concurrency_per_instance", 80, "Cloud Run's default"};

/// True when the spec left `field` at runwise's default (workload::defaulted).
///
/// ```cpp
/// runwise::workload w; w.defaulted = {"concurrency_per_instance"};
/// runwise::was_defaulted(w, "concurrency_per_instance");   // true
/// ```
inline bool was_defaulted(const workload& w, std::string_view field) {
  return std::find(w.defaulted.begin(), w.defaulted.end(), field) != w.defaulted.end();
}

namespace detail {

inline const option_result* find_option(const evaluation& e, const std::string& platform) {
  for (const auto& o : e.options)
    if (o.platform == platform) return &o;
  return nullptr;
}

/// Copies `w`'s notes into `e`, then, when `concurrency_per_instance` was left at its default of 1
/// and the containers lose or a pair has no break-even, evaluates `w` again at usual_concurrency
/// (`again(workload)` → evaluation) and says what that changes: a note when the recommendation's
/// kind changes, and the break-even at the usual setting appended to each pair's reason that has
/// one there. Says nothing where the default does not decide the answer.
template <class Again>
void note_defaults(evaluation& e, const workload& w, Again&& again) {
  e.notes.insert(e.notes.end(), w.notes.begin(), w.notes.end());
  if (!was_defaulted(w, usual_concurrency.field) || w.concurrency_per_instance != 1) return;
  const bool none = std::any_of(e.break_even.begin(), e.break_even.end(),
                                [](const break_even_point& p) { return !p.requests_per_month; });
  if (e.advice.kind == choice::containers && !none) return;
  workload usual = w;
  usual.concurrency_per_instance = usual_concurrency.value;
  usual.defaulted.clear();
  usual.notes.clear();
  evaluation alt;
  try {
    alt = again(usual);
  } catch (const error&) {
    return;  // a platform refuses the usual setting (e.g. Cloud Run below 1 vCPU): nothing to compare
  }
  const std::string at = std::string(usual_concurrency.field) + " at " + format_count(usual_concurrency.value) +
                         " (" + std::string(usual_concurrency.whose) + ")";
  if (alt.advice.kind != e.advice.kind) {
    std::string note = std::string(usual_concurrency.field) + " is at runwise's default of 1 request per instance at a time (the spec does not set it); with " + at + ", the recommendation is " + std::string(to_string(alt.advice.kind)) + " on " +
                       alt.advice.platform;
    const option_result* chosen = find_option(alt, alt.advice.platform);
    const option_result* today = find_option(alt, e.advice.platform);
    if (chosen && today && chosen->feasible && today->feasible)
      note += " (" + format_usd(chosen->cost.total().value()) + " against " +
              format_usd(today->cost.total().value()) + " for " + e.advice.platform + ")";
    e.notes.push_back(note);
  }
  for (auto& p : e.break_even) {
    if (p.requests_per_month) continue;
    for (const auto& q : alt.break_even)
      if (q.serverless == p.serverless && q.containers == p.containers && q.requests_per_month)
        p.reason += "; with " + at + ", they cost the same at " + format_count(*q.requests_per_month) +
                    " requests a month";
  }
}

}  // namespace detail
}  // namespace runwise
