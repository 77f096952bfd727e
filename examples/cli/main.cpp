// SPDX-License-Identifier: MIT
// runwise: the command-line face of the library (README.md, "The CLI"), over the platforms runwise ships.

#include "app.hpp"

int main(int argc, char** argv) { return runwise_cli::run(argc, argv); }
