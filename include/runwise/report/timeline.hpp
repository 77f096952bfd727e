// SPDX-License-Identifier: MIT
#pragma once

// The over-time chart of one option: requests arriving and requests served late per step (top
// panel), and the instances or tasks running (bottom panel), against hours on a shared axis.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "../core/detail/format.hpp"
#include "../workload/traffic.hpp"
#include "svg.hpp"

namespace runwise::detail {
/// A round tick spacing (1, 2 or 5 × 10^k) giving about `ticks` ticks up to `top`.
inline double tick_step(double top, int ticks = 5) {
  if (!(top > 0)) return 1;
  const double raw = top / ticks, magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (raw <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}

/// At most `buckets` points, each the largest value of its run of steps (peaks stay visible).
inline std::vector<double> bucket_max(const std::vector<double>& v, std::size_t buckets) {
  if (v.size() <= buckets) return v;
  std::vector<double> out(buckets, 0.0);
  for (std::size_t i = 0; i < v.size(); ++i) {
    auto& b = out[i * buckets / v.size()];
    b = std::max(b, v[i]);
  }
  return out;
}
}  // namespace runwise::detail

namespace runwise::report {

/// The over-time chart of one option as a standalone SVG document: requests per step and the
/// step's requests served late (top), tasks or instances (bottom), against hours since the start.
/// `instances` and `overloaded` have one value per traffic step (e.g. from
/// simulate::container_fleet::run(w, c, &steps)); long series are drawn as the maximum of each of
/// 600 buckets so that peaks stay visible.
///
/// ```cpp
/// runwise::simulate::container_fleet::step_trace steps;
/// runwise::simulate::container_fleet::run(w, c, &steps);
/// std::string svg = runwise::report::timeline_svg(w.traffic, steps.tasks, steps.overloaded, "Fargate, HPA");
/// ```
inline std::string timeline_svg(const traffic_series& traffic, const std::vector<double>& instances,
                                const std::vector<double>& overloaded, const std::string& title,
                                const std::string& instance_label = "tasks") {
  using detail::coord;
  using detail::short_number;
  constexpr double left = 100, right = 760;  // of the 1000 × 620 canvas
  constexpr double top1 = 70, bottom1 = 300, top2 = 350, bottom2 = 540;
  constexpr std::size_t buckets = 600;
  const auto arrivals = detail::bucket_max(traffic.counts(), buckets);
  const auto late = detail::bucket_max(overloaded, buckets);
  const auto tasks = detail::bucket_max(instances, buckets);
  const double hours = to_hours(traffic.horizon());
  double max_requests = 0, max_tasks = 0;
  for (double x : arrivals) max_requests = std::max(max_requests, x);
  for (double x : tasks) max_tasks = std::max(max_tasks, x);
  const double request_step = detail::tick_step(max_requests), task_step = detail::tick_step(max_tasks, 4);
  const double request_top = std::max(1.0, std::ceil(max_requests / request_step)) * request_step;
  const double task_top = std::max(1.0, std::ceil(max_tasks / task_step)) * task_step;
  auto px = [&](std::size_t i, std::size_t n) {
    return left + (right - left) * static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(n, 1));
  };
  auto panel_y = [](double v, double top_value, double top, double bottom) {
    return bottom - std::min(v, top_value) / top_value * (bottom - top);
  };
  // A step line: flat across each bucket.
  auto steps_path = [&](const std::vector<double>& v, double top_value, double top, double bottom) {
    std::string d;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string y = coord(panel_y(v[i], top_value, top, bottom));
      d += (d.empty() ? "M" : " L") + coord(px(i, v.size())) + " " + y + " L" + coord(px(i + 1, v.size())) + " " + y;
    }
    return d;
  };

  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"620\" viewBox=\"0 0 1000 620\" "
       "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"14\">\n";
  s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  s += "<text x=\"" + coord((left + right) / 2) +
       "\" y=\"32\" text-anchor=\"middle\" font-size=\"19\" font-weight=\"bold\">" +
       detail::xml_escape("Traffic, " + instance_label + " and late requests over time: " + title) + "</text>\n";
  const std::string step_label = "per " + runwise::detail::format_number(traffic.step().value()) + " s step";
  auto y_axis = [&](double top_value, double tick, double top, double bottom, const std::string& label) {
    for (double v = 0; v <= top_value + 1e-9; v += tick) {
      const std::string y = coord(panel_y(v, top_value, top, bottom));
      s += "<line x1=\"" + coord(left) + "\" y1=\"" + y + "\" x2=\"" + coord(right) + "\" y2=\"" + y +
           "\" stroke=\"#e3e3e3\"/>\n";
      s += "<text x=\"" + coord(left - 8) + "\" y=\"" + coord(panel_y(v, top_value, top, bottom) + 5) +
           "\" text-anchor=\"end\">" + short_number(v) + "</text>\n";
    }
    s += "<rect x=\"" + coord(left) + "\" y=\"" + coord(top) + "\" width=\"" + coord(right - left) + "\" height=\"" +
         coord(bottom - top) + "\" fill=\"none\" stroke=\"#333333\"/>\n";
    s += "<text transform=\"translate(" + coord(left - 62) + " " + coord((top + bottom) / 2) +
         ") rotate(-90)\" text-anchor=\"middle\" font-size=\"15\">" + detail::xml_escape(label) + "</text>\n";
  };
  y_axis(request_top, request_step, top1, bottom1, "Requests " + step_label);
  y_axis(task_top, task_step, top2, bottom2, "Running " + instance_label);
  const double hour_step = detail::tick_step(hours, 8);
  for (double h = 0; h <= hours + 1e-9; h += hour_step) {
    const double x = left + (right - left) * h / hours;
    s += "<line x1=\"" + coord(x) + "\" y1=\"" + coord(bottom2) + "\" x2=\"" + coord(x) + "\" y2=\"" +
         coord(bottom2 + 6) + "\" stroke=\"#333333\"/>\n";
    s += "<text x=\"" + coord(x) + "\" y=\"" + coord(bottom2 + 24) + "\" text-anchor=\"middle\">" +
         runwise::detail::format_number(h) + "</text>\n";
  }
  s += "<text x=\"" + coord((left + right) / 2) + "\" y=\"" + coord(bottom2 + 52) +
       "\" text-anchor=\"middle\" font-size=\"15\">Hours since the start</text>\n";
  s += "<path d=\"" + steps_path(arrivals, request_top, top1, bottom1) +
       "\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"1.5\"/>\n";
  s += "<path d=\"" + steps_path(late, request_top, top1, bottom1) +
       "\" fill=\"none\" stroke=\"#D55E00\" stroke-width=\"1.5\"/>\n";
  s += "<path d=\"" + steps_path(tasks, task_top, top2, bottom2) +
       "\" fill=\"none\" stroke=\"#009E73\" stroke-width=\"2\"/>\n";
  const char* colours[] = {"#0072B2", "#D55E00", "#009E73"};
  const std::string names[] = {"requests arriving", "requests served late", instance_label + " running"};
  for (int i = 0; i < 3; ++i) {
    const double y = top1 + 10 + 24 * i;
    s += "<line x1=\"" + coord(right + 15) + "\" y1=\"" + coord(y) + "\" x2=\"" + coord(right + 45) + "\" y2=\"" +
         coord(y) + "\" stroke=\"" + colours[i] + "\" stroke-width=\"2.5\"/>\n";
    s += "<text x=\"" + coord(right + 52) + "\" y=\"" + coord(y + 5) + "\">" + detail::xml_escape(names[i]) +
         "</text>\n";
  }
  s += "</svg>\n";
  return s;
}

}  // namespace runwise::report
