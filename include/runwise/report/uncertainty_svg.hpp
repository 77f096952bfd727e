// SPDX-License-Identifier: MIT
#pragma once

// Chart (c): each option's cost range over the Monte Carlo draws — a bar from p5 to p95, a tick at
// the median, whiskers to the cheapest and dearest draw — on one linear cost axis, with how often
// each option was the cheapest and the recommended one beside it.

#include <algorithm>
#include <cmath>
#include <string>

#include "../analyze/uncertainty_report.hpp"
#include "svg.hpp"
#include "uncertainty.hpp"

namespace runwise::detail {
/// A "nice" step (1, 2 or 5 × 10^k) giving about `ticks` intervals over `span`.
inline double nice_step(double span, int ticks) {
  const double raw = span / ticks, p = std::pow(10.0, std::floor(std::log10(raw))), f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}
/// A dollar tick label: "$1.5k", "$250", "$0.50".
inline std::string usd_tick(double x) {
  if (std::fabs(x) >= 1000) return "$" + short_number(x);
  char buf[32];
  std::snprintf(buf, sizeof buf, x == std::floor(x) ? "$%.0f" : "$%.2f", x);
  return buf;
}
}  // namespace runwise::detail

namespace runwise::report {

/// The cost-range chart of a Monte Carlo run: one row per option (those never feasible say so),
/// the horizontal axis in USD over the evaluation's horizon, starting at zero. Serverless options are
/// drawn solid, container options hatched-light, with the legend explaining bar, tick and whiskers.
/// Returns a standalone SVG document.
///
/// ```cpp
/// auto mc = runwise::analyze::monte_carlo(w, platforms, inputs);
/// std::string svg = runwise::report::uncertainty_svg(mc, w.name);
/// ```
inline std::string uncertainty_svg(const analyze::uncertainty_report& r, const std::string& workload) {
  using detail::coord;
  using detail::xml_escape;
  const double row_h = 46, top = 90, left = 190, right = 700, width = 1040;
  const double bottom = top + row_h * static_cast<double>(std::max<std::size_t>(1, r.options.size()));
  const double height = bottom + 120;

  double hi = 0;
  for (const auto& o : r.options)
    if (o.p_feasible > 0) hi = std::max(hi, o.max_usd);
  if (!(hi > 0)) hi = 1;
  const double step = detail::nice_step(hi, 6), axis_max = std::ceil(hi / step) * step;
  auto px = [&](double usd) { return left + usd / axis_max * (right - left); };

  std::string s = detail::svg_start(width, height, width / 2, "Cost range under uncertainty: " + workload);
  s += "<text x=\"" + coord(width / 2) + "\" y=\"56\" text-anchor=\"middle\" fill=\"#555555\">" +
       std::to_string(r.draws) + " Monte Carlo draws, seed " + std::to_string(r.seed) + "</text>\n";

  // Grid and axis.
  for (double x = 0; x <= axis_max * (1 + 1e-9); x += step) {
    s += "<line x1=\"" + coord(px(x)) + "\" y1=\"" + coord(top) + "\" x2=\"" + coord(px(x)) + "\" y2=\"" +
         coord(bottom) + "\" stroke=\"#e3e3e3\"/>\n";
    s += "<text x=\"" + coord(px(x)) + "\" y=\"" + coord(bottom + 22) + "\" text-anchor=\"middle\">" +
         detail::usd_tick(x) + "</text>\n";
  }
  s += "<rect x=\"" + coord(left) + "\" y=\"" + coord(top) + "\" width=\"" + coord(right - left) + "\" height=\"" +
       coord(bottom - top) + "\" fill=\"none\" stroke=\"#333333\"/>\n";
  s += "<text x=\"" + coord((left + right) / 2) + "\" y=\"" + coord(bottom + 50) +
       "\" text-anchor=\"middle\" font-size=\"15\">Cost over the horizon, USD</text>\n";
  s += "<text x=\"" + coord(right + 20) + "\" y=\"" + coord(top - 10) +
       "\" font-size=\"13\" font-weight=\"bold\">P(cheapest) · P(recommended)</text>\n";

  for (std::size_t i = 0; i < r.options.size(); ++i) {
    const auto& o = r.options[i];
    const double mid = top + row_h * (static_cast<double>(i) + 0.5);
    const char* colour = detail::chart_colours[i % 8];
    s += "<text x=\"" + coord(left - 10) + "\" y=\"" + coord(mid + 5) + "\" text-anchor=\"end\">" +
         xml_escape(o.platform) + "</text>\n";
    if (o.p_feasible <= 0) {
      s += "<text x=\"" + coord(left + 10) + "\" y=\"" + coord(mid + 5) + "\" fill=\"#555555\">cannot run it</text>\n";
      continue;
    }
    const bool light = o.kind == platform_kind::containers;
    s += "<line x1=\"" + coord(px(o.min_usd)) + "\" y1=\"" + coord(mid) + "\" x2=\"" + coord(px(o.max_usd)) +
         "\" y2=\"" + coord(mid) + "\" stroke=\"" + colour + "\" stroke-width=\"1.5\"/>\n";
    for (double w : {o.min_usd, o.max_usd})
      s += "<line x1=\"" + coord(px(w)) + "\" y1=\"" + coord(mid - 8) + "\" x2=\"" + coord(px(w)) + "\" y2=\"" +
           coord(mid + 8) + "\" stroke=\"" + colour + "\" stroke-width=\"1.5\"/>\n";
    s += "<rect x=\"" + coord(px(o.p5_usd)) + "\" y=\"" + coord(mid - 12) + "\" width=\"" +
         coord(std::max(2.0, px(o.p95_usd) - px(o.p5_usd))) + "\" height=\"24\" fill=\"" + colour +
         "\" fill-opacity=\"" + (light ? "0.35" : "0.8") + "\" stroke=\"" + colour + "\" stroke-width=\"1.5\"/>\n";
    s += "<line x1=\"" + coord(px(o.p50_usd)) + "\" y1=\"" + coord(mid - 16) + "\" x2=\"" + coord(px(o.p50_usd)) +
         "\" y2=\"" + coord(mid + 16) + "\" stroke=\"#000000\" stroke-width=\"3\"/>\n";
    s += "<text x=\"" + coord(right + 20) + "\" y=\"" + coord(mid + 5) + "\">" + detail::percent(o.p_cheapest, false) +
         " · " + detail::percent(o.p_recommended, false) + "</text>\n";
  }

  // Legend: what bar, tick and whiskers mean.
  const double ly = bottom + 80;
  s += "<rect x=\"" + coord(left) + "\" y=\"" + coord(ly - 12) +
       "\" width=\"40\" height=\"16\" fill=\"#777777\" fill-opacity=\"0.8\"/>\n";
  s += "<text x=\"" + coord(left + 48) + "\" y=\"" + coord(ly + 1) + "\">p5 to p95</text>\n";
  s += "<line x1=\"" + coord(left + 160) + "\" y1=\"" + coord(ly - 14) + "\" x2=\"" + coord(left + 160) + "\" y2=\"" +
       coord(ly + 6) + "\" stroke=\"#000000\" stroke-width=\"3\"/>\n";
  s += "<text x=\"" + coord(left + 170) + "\" y=\"" + coord(ly + 1) + "\">median (p50)</text>\n";
  s += "<line x1=\"" + coord(left + 300) + "\" y1=\"" + coord(ly - 4) + "\" x2=\"" + coord(left + 340) + "\" y2=\"" +
       coord(ly - 4) + "\" stroke=\"#777777\" stroke-width=\"1.5\"/>\n";
  s += "<text x=\"" + coord(left + 348) + "\" y=\"" + coord(ly + 1) +
       "\">whiskers: cheapest and dearest draw; light bars: containers</text>\n";
  s += "</svg>\n";
  return s;
}

}  // namespace runwise::report
