// SPDX-License-Identifier: MIT
#pragma once

// SVG charts written as text (no dependencies): the monthly cost of each option against monthly
// requests on log-log axes, with the break-even points marked, numbered and listed.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "../analyze/cost_curve.hpp"
#include "../core/detail/format.hpp"
#include "../core/result.hpp"

namespace runwise::detail {
/// Text safe inside XML character data and attribute values.
inline std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 allows no control character but tab and line breaks, even as a reference.
        if (runwise::detail::is_control(c) && c != '\t' && c != '\n' && c != '\r')
          out += runwise::detail::escaped_control(c);
        else
          out += c;
    }
  }
  return out;
}

/// A coordinate with one decimal ("123.4").
inline std::string coord(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

/// The opening of every runwise chart: the XML declaration, the <svg> root with the font the charts
/// use, a white background and the bold title centred at `title_x`.
inline std::string svg_start(double width, double height, double title_x, std::string_view title) {
  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + coord(width) + "\" height=\"" + coord(height) +
       "\" viewBox=\"0 0 " + coord(width) + " " + coord(height) +
       "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"14\">\n";
  s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  s += "<text x=\"" + coord(title_x) + "\" y=\"32\" text-anchor=\"middle\" font-size=\"19\" font-weight=\"bold\">" +
       xml_escape(title) + "</text>\n";
  return s;
}

/// A power of ten or a value on a log axis as a short label: 1000 → "1k", 2.5e6 → "2.5M".
inline std::string short_number(double x) {
  static constexpr const char* suffix[] = {"", "k", "M", "B", "T"};
  int i = 0;
  while (std::fabs(x) >= 1000 && i < 4) {
    x /= 1000;
    ++i;
  }
  char buf[32];
  if (std::fabs(x) >= 100 || x == std::floor(x))
    std::snprintf(buf, sizeof buf, "%.0f%s", x, suffix[i]);
  else if (std::fabs(x) >= 1)
    std::snprintf(buf, sizeof buf, "%.3g%s", x, suffix[i]);
  else
    std::snprintf(buf, sizeof buf, "%.2g%s", x, suffix[i]);
  return buf;
}

/// Eight colours told apart by most readers, including with red-green colour blindness
/// (the Okabe–Ito palette plus a dark grey).
inline constexpr const char* chart_colours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                "#E69F00", "#56B4E9", "#555555", "#9B1B30"};
}  // namespace runwise::detail

namespace runwise::report {

/// The cost chart of an evaluation: each feasible option's monthly cost (USD) against monthly
/// requests on log-log axes from `curves` (see analyze::cost_curves), the workload's own traffic as
/// a vertical line, and every break-even point inside the chart marked on its serverless curve with
/// a number that the list beside the legend explains. Serverless options are solid lines,
/// container options dashed; where an option cannot keep up (throttled or late requests), its
/// curve goes on faded and dotted, with a legend entry. Returns a standalone SVG document.
///
/// ```cpp
/// auto curves = runwise::analyze::cost_curves(w, platforms);
/// std::string svg = runwise::report::cost_chart_svg(runwise::evaluate_selected(w, platforms), curves);
/// ```
inline std::string cost_chart_svg(const evaluation& e, const std::vector<analyze::cost_curve>& curves) {
  using detail::coord;
  using detail::short_number;
  using detail::xml_escape;
  constexpr double width = 1040, height = 620;
  constexpr double left = 100, right = 660, top = 70, bottom = 540;

  double x_min = HUGE_VAL, x_max = 0, y_min = HUGE_VAL, y_max = 0;
  for (const auto& c : curves)
    for (const auto& p : c.points) {
      x_min = std::min(x_min, p.requests_per_month);
      x_max = std::max(x_max, p.requests_per_month);
      if (p.usd_per_month > 0) y_min = std::min(y_min, p.usd_per_month);
      y_max = std::max(y_max, p.usd_per_month);
    }
  if (!(x_max > 0)) x_min = 1, x_max = 10;
  if (!(y_max > 0)) y_min = 0.01, y_max = 1;
  // Whole decades on both axes; at most eight decades of cost so the cheap end stays readable.
  const double lx0 = std::floor(std::log10(x_min)), lx1 = std::max(lx0 + 1, std::ceil(std::log10(x_max)));
  double ly1 = std::ceil(std::log10(y_max)), ly0 = std::floor(std::log10(y_min));
  ly0 = std::max(ly0, ly1 - 8);
  if (ly1 <= ly0) ly1 = ly0 + 1;
  auto px = [&](double x) { return left + (std::log10(x) - lx0) / (lx1 - lx0) * (right - left); };
  auto py = [&](double y) {
    const double l = y > 0 ? std::max(std::log10(y), ly0) : ly0;
    return bottom - (l - ly0) / (ly1 - ly0) * (bottom - top);
  };

  std::string s = detail::svg_start(width, height, width / 2, "Monthly cost against monthly requests: " + e.workload);

  // Grid, ticks and tick labels: one per decade (every other decade when there are many).
  const int x_every = lx1 - lx0 > 9 ? 2 : 1, y_every = ly1 - ly0 > 9 ? 2 : 1;
  for (double l = lx0; l <= lx1 + 1e-9; l += x_every) {
    const double x = px(std::pow(10.0, l));
    s += "<line x1=\"" + coord(x) + "\" y1=\"" + coord(top) + "\" x2=\"" + coord(x) + "\" y2=\"" + coord(bottom) +
         "\" stroke=\"#e3e3e3\"/>\n";
    s += "<text x=\"" + coord(x) + "\" y=\"" + coord(bottom + 22) + "\" text-anchor=\"middle\">" +
         short_number(std::pow(10.0, l)) + "</text>\n";
  }
  for (double l = ly0; l <= ly1 + 1e-9; l += y_every) {
    const double y = py(std::pow(10.0, l));
    s += "<line x1=\"" + coord(left) + "\" y1=\"" + coord(y) + "\" x2=\"" + coord(right) + "\" y2=\"" + coord(y) +
         "\" stroke=\"#e3e3e3\"/>\n";
    s += "<text x=\"" + coord(left - 8) + "\" y=\"" + coord(y + 5) + "\" text-anchor=\"end\">$" +
         short_number(std::pow(10.0, l)) + "</text>\n";
  }
  s += "<rect x=\"" + coord(left) + "\" y=\"" + coord(top) + "\" width=\"" + coord(right - left) + "\" height=\"" +
       coord(bottom - top) + "\" fill=\"none\" stroke=\"#333333\"/>\n";
  s += "<text x=\"" + coord((left + right) / 2) + "\" y=\"" + coord(bottom + 50) +
       "\" text-anchor=\"middle\" font-size=\"15\">Requests per month (log scale)</text>\n";
  s += "<text transform=\"translate(" + coord(left - 68) + " " + coord((top + bottom) / 2) +
       ") rotate(-90)\" text-anchor=\"middle\" font-size=\"15\">Cost per month, USD (log scale)</text>\n";

  // Today's traffic.
  const double months = to_hours(e.horizon) / 730.0;
  double arrived = 0;
  for (const auto& o : e.options) arrived = std::max(arrived, o.use.arrived.value());
  const double today = months > 0 ? arrived / months : 0;
  if (today > 0 && px(today) >= left && px(today) <= right) {
    const std::string x = coord(px(today));
    s += "<line x1=\"" + x + "\" y1=\"" + coord(top) + "\" x2=\"" + x + "\" y2=\"" + coord(bottom) +
         "\" stroke=\"#777777\" stroke-width=\"1.5\" stroke-dasharray=\"2 4\"/>\n";
    s += "<text x=\"" + coord(px(today) + 5) + "\" y=\"" + coord(top + 16) +
         "\" fill=\"#555555\">today: " + short_number(today) + "/month</text>\n";
  }

  // Curves and the legend.
  s += "<text x=\"" + coord(right + 25) + "\" y=\"" + coord(top + 4) + "\" font-weight=\"bold\">Options</text>\n";
  double legend_y = top + 28;
  for (std::size_t i = 0; i < curves.size(); ++i) {
    const auto& c = curves[i];
    const char* colour = detail::chart_colours[i % 8];
    const char* dash = c.kind == platform_kind::containers ? " stroke-dasharray=\"9 5\"" : "";
    // One path per run of points that keep up, or do not: where the option cannot keep up, its
    // cost is that of a capped fleet or of throttled requests, drawn faded and dotted.
    for (std::size_t from = 0; from < c.points.size();) {
      const bool kept = c.points[from].keeps_up;
      std::size_t to = from;
      while (to + 1 < c.points.size() && c.points[to + 1].keeps_up == kept) ++to;
      std::string path;
      // A run that does not keep up starts at the last point that did, so the line stays joined.
      for (std::size_t k = from > 0 && !kept ? from - 1 : from; k <= to; ++k)
        path += (path.empty() ? "M" : " L") + coord(px(c.points[k].requests_per_month)) + " " +
                coord(py(c.points[k].usd_per_month));
      if (kept)
        s += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.5\"" + dash + "/>\n";
      else
        s += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour +
             "\" stroke-width=\"2\" stroke-opacity=\"0.45\" stroke-dasharray=\"1 5\" stroke-linecap=\"round\"/>\n";
      from = to + 1;
    }
    s += "<line x1=\"" + coord(right + 25) + "\" y1=\"" + coord(legend_y - 5) + "\" x2=\"" + coord(right + 60) +
         "\" y2=\"" + coord(legend_y - 5) + "\" stroke=\"" + colour + "\" stroke-width=\"2.5\"" + dash + "/>\n";
    s += "<text x=\"" + coord(right + 68) + "\" y=\"" + coord(legend_y) + "\">" + xml_escape(c.platform) +
         (c.points.empty()                      ? " (cannot run it)"
          : c.kind == platform_kind::containers ? " (containers)"
                                                : "") +
         "</text>\n";
    legend_y += 22;
  }
  const bool any_lagging = std::any_of(curves.begin(), curves.end(), [](const analyze::cost_curve& c) {
    return std::any_of(c.points.begin(), c.points.end(), [](const analyze::cost_point& p) { return !p.keeps_up; });
  });
  if (any_lagging) {
    s += "<line x1=\"" + coord(right + 25) + "\" y1=\"" + coord(legend_y - 5) + "\" x2=\"" + coord(right + 60) +
         "\" y2=\"" + coord(legend_y - 5) +
         "\" stroke=\"#333333\" stroke-width=\"2\" stroke-opacity=\"0.45\" stroke-dasharray=\"1 5\" "
         "stroke-linecap=\"round\"/>\n";
    s += "<text x=\"" + coord(right + 68) + "\" y=\"" + coord(legend_y) +
         "\">cannot keep up (throttled or late)</text>\n";
    legend_y += 22;
  }

  // Break-even points: a circle on the serverless curve; points within a few pixels of each other
  // (the same container option met by several functions) share one label listing their numbers.
  std::vector<std::string> notes;
  struct marker {
    double x, y;
    std::string label;
  };
  std::vector<marker> markers;
  for (const auto& b : e.break_even) {
    if (!b.requests_per_month) continue;
    const double r = *b.requests_per_month;
    const double x = px(r);
    if (x < left || x > right) continue;
    const analyze::cost_curve* curve = nullptr;
    for (const auto& c : curves)
      if (c.platform == b.serverless) curve = &c;
    if (!curve || curve->points.empty()) continue;
    const double y = py(analyze::cost_at(*curve, r));
    const std::string n = std::to_string(notes.size() + 1);
    notes.push_back(n + ": " + b.serverless + " = " + b.containers + " at " + short_number(r));
    s += "<circle cx=\"" + coord(x) + "\" cy=\"" + coord(y) +
         "\" r=\"5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/>\n";
    auto near = std::find_if(markers.begin(), markers.end(),
                             [&](const marker& m) { return std::fabs(m.x - x) < 12 && std::fabs(m.y - y) < 12; });
    if (near != markers.end())
      near->label += "," + n;
    else
      markers.push_back({x, y, n});
  }
  for (const auto& m : markers)
    s += "<text x=\"" + coord(m.x - 8) + "\" y=\"" + coord(m.y - 9) +
         "\" text-anchor=\"end\" font-size=\"12\" font-weight=\"bold\">" + m.label + "</text>\n";
  if (!notes.empty()) {
    legend_y += 18;
    s += "<text x=\"" + coord(right + 25) + "\" y=\"" + coord(legend_y) +
         "\" font-weight=\"bold\">Break-even (requests/month)</text>\n";
    legend_y += 22;
    for (const auto& n : notes) {
      if (legend_y > height - 10) break;  // more points than room: the JSON report lists them all
      s += "<text x=\"" + coord(right + 25) + "\" y=\"" + coord(legend_y) + "\" font-size=\"12\">" + xml_escape(n) +
           "</text>\n";
      legend_y += 18;
    }
  }
  s += "</svg>\n";
  return s;
}

}  // namespace runwise::report
