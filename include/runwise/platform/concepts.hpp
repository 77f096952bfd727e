// SPDX-License-Identifier: MIT
#pragma once

// The concepts a platform type satisfies. Each is named after one thing a platform must do, so
// that a failed constraint reads as the sentence it breaks ("... does not satisfy prices_usage").

#include <concepts>
#include <string>
#include <string_view>
#include <vector>

#include "../core/cost.hpp"
#include "../core/kind.hpp"
#include "../core/usage.hpp"
#include "../workload/steady.hpp"
#include "../workload/workload.hpp"

namespace runwise {

/// A platform has an id (its name in specs and reports), a kind, and a run-time `config`.
template <class P>
concept has_platform_identity = requires {
  { P::id } -> std::convertible_to<std::string_view>;
  { P::kind } -> std::convertible_to<platform_kind>;
  typename P::config;
};

/// Its config can be checked, naming the bad field under a path.
template <class P>
concept has_validated_config = requires(const typename P::config& c, const std::string& path) {
  c.validate(path);
};

/// Its capacity policy turns a workload's traffic into usage.
template <class P>
concept simulates_traffic = requires(const workload& w, const typename P::config& c) {
  { P::simulate(w, c) } -> std::same_as<usage>;
};

/// Its pricing policy turns usage into a bill: from the usage (and the workload's sizes and
/// settings), never by walking the traffic again — what a bill needs of the time split is in
/// usage::split — so that a price-only change costs no simulation.
template <class P>
concept prices_usage = requires(const workload& w, const usage& u, const typename P::config& c) {
  { P::price(w, u, c) } -> std::same_as<cost_breakdown>;
};

/// It quotes monthly averages in closed form (constexpr in every platform runwise ships).
template <class P>
concept quotes_steady_workload = requires(const steady_workload& s, const typename P::config& c) {
  { P::quote(s, c) } -> std::same_as<cost_breakdown>;
};

/// It says why it cannot run a workload (hard limits), appending one sentence per reason.
template <class P>
concept checks_limits = requires(const workload& w, const typename P::config& c, std::vector<std::string>& reasons) {
  P::check_limits(w, c, reasons);
};

/// A platform runwise can evaluate: add a provider by writing one type that satisfies this.
template <class P>
concept platform = has_platform_identity<P> && has_validated_config<P> && simulates_traffic<P> && prices_usage<P> &&
    quotes_steady_workload<P> && checks_limits<P>;

/// Says which part of the platform concept `P` misses, one static_assert per part, so that a
/// mistake reads as a sentence. Returns true when `P` is a platform.
template <class P>
consteval bool diagnose_platform() {
  static_assert(has_platform_identity<P>,
                "runwise: a platform needs `static constexpr std::string_view id`, `static constexpr "
                "runwise::platform_kind kind` and a nested `config` type");
  if constexpr (has_platform_identity<P>) {
    static_assert(has_validated_config<P>,
                  "runwise: a platform's config needs `void validate(const std::string& path) const`");
    static_assert(
        simulates_traffic<P>,
        "runwise: a platform needs `static runwise::usage simulate(const runwise::workload&, const config&)`");
    static_assert(prices_usage<P>,
                  "runwise: a platform needs `static runwise::cost_breakdown price(const "
                  "runwise::workload&, const runwise::usage&, const config&)`");
    static_assert(quotes_steady_workload<P>,
                  "runwise: a platform needs `static constexpr runwise::cost_breakdown "
                  "quote(const runwise::steady_workload&, const config&)`");
    static_assert(checks_limits<P>,
                  "runwise: a platform needs `static void check_limits(const runwise::workload&, "
                  "const config&, std::vector<std::string>& reasons)`");
  }
  return platform<P>;
}

}  // namespace runwise
