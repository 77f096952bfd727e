// SPDX-License-Identifier: MIT
#pragma once

// An application's cost charts in one SVG document: report::cost_chart_svg for each component (its
// own evaluation and cost curves), stacked top to bottom.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../analyze/cost_curve.hpp"
#include "../evaluate/application_result.hpp"
#include "svg.hpp"

namespace runwise::detail {
/// The number in attribute `name="..."` of the first tag starting at `at` in `svg` (0 when absent).
inline double svg_attribute(std::string_view svg, std::size_t at, std::string_view name) {
  const std::size_t end = svg.find('>', at);
  const std::size_t p = svg.substr(0, end).find(std::string(name) + "=\"", at);
  if (p == std::string_view::npos) return 0;
  return std::stod(std::string(svg.substr(p + name.size() + 2, 16)));
}
}  // namespace runwise::detail

namespace runwise::report {

/// Every component's cost chart, one below the other: `curves[i]` are component i's cost curves
/// (analyze::cost_curves on its workload and the platforms it is evaluated on). Each chart is the
/// single-workload chart as it is, nested as an <svg> element; returns a standalone SVG document.
///
/// ```cpp
/// std::string svg = runwise::report::application_cost_charts_svg(r, {curves_api, curves_resize});
/// ```
inline std::string application_cost_charts_svg(const application_evaluation& r,
                                               const std::vector<std::vector<analyze::cost_curve>>& curves) {
  std::string body;
  double width = 0, height = 0;
  for (std::size_t i = 0; i < r.components.size() && i < curves.size(); ++i) {
    const std::string chart = cost_chart_svg(r.components[i].own, curves[i]);
    const std::size_t root = chart.find("<svg ");
    if (root == std::string::npos) continue;
    const double w = detail::svg_attribute(chart, root, "width"), h = detail::svg_attribute(chart, root, "height");
    body += "<svg x=\"0\" y=\"" + detail::coord(height) + "\" " + chart.substr(root + 5);
    width = std::max(width, w);
    height += h;
  }
  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + detail::coord(width) + "\" height=\"" +
       detail::coord(height) + "\" viewBox=\"0 0 " + detail::coord(width) + " " + detail::coord(height) + "\">\n";
  s += "<title>" + detail::xml_escape("Cost charts of " + r.application + ", one per component") + "</title>\n";
  return s + body + "</svg>\n";
}

}  // namespace runwise::report
