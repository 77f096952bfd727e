// SPDX-License-Identifier: MIT
#pragma once

// The machinery shared by the multi-criteria decision policies (weighted_sum, topsis): score every
// feasible option on each criterion, aggregate with a rule, rank (adequate options first), and turn
// the comparison into reasons, strongest first.

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../core/detail/format.hpp"
#include "../core/detail/math.hpp"
#include "../core/detail/type_list.hpp"
#include "../core/error.hpp"
#include "../core/result.hpp"
#include "../criteria/article.hpp"
#include "../criteria/concepts.hpp"
#include "../workload/workload.hpp"
#include "adequacy.hpp"
#include "cost_gap.hpp"
#include "hosting.hpp"
#include "weights.hpp"

namespace runwise::decide {

/// Criterion scores of the options being compared: `rows[i][j]` is option i on criterion j, in [0, 1].
///
/// ```cpp
/// const runwise::decide::score_rows m{{1, 0.2}, {0.4, 1}};   // two options, two criteria
/// ```
using score_rows = std::vector<std::vector<double>>;

/// An aggregation rule turns score rows and weights (>= 0, not all zero) into one score per row in
/// [0, 1], higher better. `label` names the number in reasons ("weighted score").
///
/// ```cpp
/// struct worst_case {
///   static constexpr std::string_view label = "worst criterion";
///   static std::vector<double> aggregate(const runwise::decide::score_rows& m, const std::vector<double>&) {
///     std::vector<double> out;
///     for (const auto& r : m) out.push_back(*std::min_element(r.begin(), r.end()));
///     return out;
///   }
/// };
/// using cautious = runwise::decide::by_criteria<worst_case>;
/// ```
template <class R>
concept aggregation_rule = requires(const score_rows& m, const std::vector<double>& w) {
  { R::label } -> std::convertible_to<std::string_view>;
  { R::aggregate(m, w) } -> std::same_as<std::vector<double>>;
};

}  // namespace runwise::decide

namespace runwise::detail {

template <class... Cs>
constexpr std::array<std::string_view, sizeof...(Cs)> criterion_names(type_list<Cs...>) {
  return {Cs::name...};
}
template <class... Cs>
std::vector<criteria::assessment> assess_all(type_list<Cs...>, const criteria::criterion_input& in) {
  return {Cs::assess(in)...};
}

/// Weights in criteria order from name → weight pairs; negative or all-zero weights are errors, and
/// so are unknown names when `strict` (the caller's weights; derived ones may name more criteria).
template <std::size_t N>
std::vector<double> resolve_weights(const std::array<std::string_view, N>& names,
                                    const std::vector<std::pair<std::string, double>>& given, bool strict) {
  std::vector<double> out(N, 0.0);
  for (const auto& [name, w] : given) {
    const auto at = std::find(names.begin(), names.end(), name);
    if (at == names.end() && !strict) continue;
    if (at == names.end()) fail_input("weights." + name, "is not a criterion of this decision policy");
    if (!(w >= 0) || !runwise::detail::is_finite(w)) fail_input("weights." + name, "must be a finite number >= 0");
    out[static_cast<std::size_t>(at - names.begin())] = w;
  }
  double sum = 0;
  for (double w : out) sum += w;
  if (!(sum > 0)) fail_input("weights", "at least one criterion needs a positive weight");
  return out;
}

inline std::string two(double x) { return criteria::rounded(x, 2); }
}  // namespace runwise::detail

namespace runwise::decide {

/// A decision policy over criteria `Criteria` (a type_list of criterion types, default the
/// article's six) aggregated by `Rule`. Every feasible option is scored on every criterion (its
/// `scores` and `evidence`); the rule's aggregate is its `score`. Ranking: feasible before
/// infeasible, options that keep up (99.9% on time) before those that do not — an option that
/// drops or delays requests cannot win on cost — then by score.
///
/// Weights come from `decision_context::prefs.weights`, or default_weights(workload) when empty.
/// Reasons, strongest first: the verdict against the best option of the other kind; the criteria
/// that decided it (weight × score difference, largest first), each with its evidence; what
/// speaks for the runner-up; the hosting and orchestration comparison among containers; options
/// that cannot keep up; options ruled out; the weights used.
///
/// ```cpp
/// using lean = runwise::decide::by_criteria<runwise::decide::sum_rule,
///                                           runwise::type_list<runwise::criteria::cost,
///                                           runwise::criteria::maintenance>>;
/// runwise::evaluator<runwise::aws_lambda, runwise::aws_fargate, lean> ev;
/// ```
template <aggregation_rule Rule, class Criteria = criteria::article_criteria>
struct by_criteria {
  static constexpr auto names = detail::criterion_names(Criteria{});

  static recommendation decide(std::vector<option_result>& options, const decision_context& ctx) {
    if (std::none_of(options.begin(), options.end(), [](const auto& o) { return o.feasible; })) {
      std::string why;
      for (const auto& o : options)
        for (const auto& r : o.infeasible_reasons) why += (why.empty() ? "" : "; ") + o.platform + ": " + r;
      throw error(errc::infeasible, "platforms", "no selected platform can run this workload (" + why + ")");
    }
    const workload fallback{};
    const workload& w = ctx.subject ? *ctx.subject : fallback;
    const weight_set ws = ctx.prefs.weights.empty() ? default_weights(w) : weight_set{ctx.prefs.weights, {}};
    const std::vector<double> weights = detail::resolve_weights(names, ws.values, !ctx.prefs.weights.empty());

    // Assess first (criteria read the whole field), then store.
    std::vector<std::vector<criteria::assessment>> found(options.size());
    for (std::size_t i = 0; i < options.size(); ++i)
      if (options[i].feasible)
        found[i] = detail::assess_all(Criteria{}, {w, options[i], options, ctx.prefs.assumptions, ctx.horizon});
    score_rows rows;
    for (std::size_t i = 0; i < options.size(); ++i) {
      option_result& o = options[i];
      o.scores.clear();
      o.evidence.clear();
      o.score = 0;
      if (!o.feasible) continue;
      std::vector<double> row;
      for (std::size_t j = 0; j < names.size(); ++j) {
        o.scores.emplace_back(names[j], found[i][j].score);
        o.evidence.emplace_back(names[j], std::move(found[i][j].evidence));
        row.push_back(found[i][j].score);
      }
      rows.push_back(std::move(row));
    }
    const std::vector<double> aggregate = Rule::aggregate(rows, weights);
    for (std::size_t i = 0, k = 0; i < options.size(); ++i)
      if (options[i].feasible) options[i].score = aggregate[k++];
    std::stable_sort(options.begin(), options.end(), [](const option_result& a, const option_result& b) {
      if (a.feasible != b.feasible) return a.feasible;
      if (criteria::adequate(a) != criteria::adequate(b)) return criteria::adequate(a);
      return a.score > b.score;
    });
    return advise(options, weights, ws, ctx.prefs.weights.empty());
  }

 private:
  static recommendation advise(const std::vector<option_result>& options, const std::vector<double>& weights,
                               const weight_set& ws, bool derived) {
    const option_result& win = options.front();
    recommendation r{win.kind == platform_kind::serverless ? choice::serverless : choice::containers, win.platform, {}};
    const std::string kind(to_string(win.kind));
    const platform_kind other_kind =
        win.kind == platform_kind::serverless ? platform_kind::containers : platform_kind::serverless;
    const option_result* rival = nullptr;  // the best feasible option of the other kind, else the runner-up
    for (const auto& o : options)
      if (o.feasible && o.kind == other_kind) {
        rival = &o;
        break;
      }
    std::string forced;  // why no option of the other kind can run it
    for (const auto& o : options)
      if (o.kind == other_kind)
        for (const auto& why : o.infeasible_reasons) forced += (forced.empty() ? "" : "; ") + o.platform + ": " + why;
    const bool choice_forced = !rival && !forced.empty();
    if (!rival && options.size() > 1 && options[1].feasible) rival = &options[1];

    std::string verdict = kind + " on " + win.platform + ": ";
    if (choice_forced)
      verdict += "no " + std::string(to_string(other_kind)) + " option can run this workload (" + forced + "); ";
    verdict += std::string(Rule::label) + " " + detail::two(win.score);
    if (rival)
      verdict += " against " + detail::two(rival->score) + " for " + rival->platform +
                 (rival->kind != win.kind ? ", the best " + std::string(to_string(rival->kind)) + " option"
                                          : ", the runner-up");
    if (rival && rival->score > win.score && !criteria::adequate(*rival))
      verdict += ", which scores higher but cannot keep up";
    r.reasons.push_back(verdict);
    if (auto premium = cost_premium(win, options, rival)) r.reasons.push_back(std::move(*premium));

    if (rival) {
      double total = 0;
      for (double x : weights) total += x;
      std::vector<std::pair<double, std::size_t>> lead;  // weighted score difference, criterion
      for (std::size_t j = 0; j < names.size(); ++j)
        lead.emplace_back(weights[j] * (win.scores[j].second - rival->scores[j].second) / total, j);
      std::stable_sort(lead.begin(), lead.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      const auto line = [&](const option_result& o, std::size_t j) {
        return std::string(names[j]) + " (" + detail::two(win.scores[j].second) + " vs " +
               detail::two(rival->scores[j].second) + "): " + o.evidence[j].second;
      };
      for (const auto& [d, j] : lead)
        if (d > 1e-3) r.reasons.push_back(line(win, j));
      int against = 0;
      for (auto it = lead.rbegin(); it != lead.rend() && it->first < -1e-3 && against < 2; ++it, ++against)
        r.reasons.push_back("in favour of " + rival->platform + ", " + line(*rival, it->second));
    }

    if (const auto hosting = advise_hosting(options, names, weights))
      for (const auto& why : hosting->reasons) r.reasons.push_back(why);
    for (auto& why : adequacy_reasons(options)) r.reasons.push_back(std::move(why));
    for (const auto& o : options)
      if (!(choice_forced && o.kind == other_kind))
        for (const auto& why : o.infeasible_reasons) r.reasons.push_back(o.platform + " is ruled out: " + why);

    std::string used;
    for (std::size_t j = 0; j < names.size(); ++j)
      used += (j ? ", " : "") + std::string(names[j]) + " " + runwise::detail::format_number(weights[j]);
    std::string source = derived ? " (derived from the article's rule of thumb" : " (as given";
    for (std::size_t i = 0; i < ws.notes.size(); ++i) source += (i ? "; " : ": ") + ws.notes[i];
    r.reasons.push_back("weights " + used + source + ")");
    return r;
  }
};

}  // namespace runwise::decide
