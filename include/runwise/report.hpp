// SPDX-License-Identifier: MIT
#pragma once

// Reports of an evaluation: plain text, Markdown, JSON (README.md, "The CLI"), an SVG cost chart and an SVG
// traffic/capacity timeline. Separate from <runwise/runwise.hpp> so that a program that only needs
// the verdict does not compile the writers.
//
// ```cpp
// #include <runwise/report.hpp>
// std::string md = runwise::report::markdown(runwise::evaluator<runwise::aws_lambda>{}.evaluate(w));
// ```

#include "runwise.hpp"
#include "providers.hpp"

#include "report/application.hpp"
#include "report/application_json.hpp"
#include "report/application_svg.hpp"
#include "report/json.hpp"
#include "report/markdown.hpp"
#include "report/svg.hpp"
#include "report/text.hpp"
#include "report/timeline.hpp"
