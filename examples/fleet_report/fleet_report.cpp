// A fleet report with the library: every function of a 2019 trace on Lambda and Fargate, where
// each one should run, and what the fleet costs placed function by function (a hybrid when some
// land on each kind). usage: runwise_fleet_report INVOCATIONS.csv [DURATIONS.csv [SCALE]]
// SCALE multiplies every function's traffic (keeping its shape): "what if we grew k-fold?".
#include <runwise/fleet.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>

int main(int argc, char** argv) {
  using namespace runwise;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s INVOCATIONS.csv [DURATIONS.csv [SCALE]]\n", argv[0]);
    return 2;
  }
  const double scale = argc > 3 ? std::atof(argv[3]) : 1.0;
  std::unordered_map<std::string, double> duration_ms;  // HashFunction → Average (ms)
  if (argc > 2)
    trace::read_azure_2019_durations(argv[2],
                                     [&](const auto& r) { duration_ms[std::string(r.function)] = r.average_ms; });

  const std::vector<selected_platform> platforms{select<aws_lambda>({}), select<aws_fargate>({})};
  analyze::fleet_summary summary({"aws_lambda", "aws_fargate"});
  trace::read_azure_2019_invocations(argv[1], [&](const trace::azure_2019_function_minutes& row) {
    workload w{.name = std::string(row.function), .traffic = trace::to_traffic_series(row).scaled(scale)};
    if (auto it = duration_ms.find(std::string(row.function)); it != duration_ms.end())
      w.duration.mean = milliseconds(std::max(it->second, 1e-3));
    analyze::fleet_row r = analyze::evaluate_function(w, platforms);
    r.function = std::string(row.function.substr(0, 8));
    std::printf("%-8s %-7s %8.0f requests  lambda %-9s fargate %-9s -> %s\n", r.function.c_str(),
                std::string(row.trigger).c_str(), r.requests, to_string(usd{r.usd[0].value_or(0)}).c_str(),
                to_string(usd{r.usd[1].value_or(0)}).c_str(), r.platform.c_str());
    summary.add(r);
  });
  const double serverless = summary.share_of_functions(choice::serverless);
  std::printf("%zu functions: %.0f%% serverless, %.0f%% containers -> %s; placed cost %s (all on lambda %s)\n",
              summary.functions(), 100 * serverless, 100 * summary.share_of_functions(choice::containers),
              serverless == 1   ? "serverless"
              : serverless == 0 ? "containers"
                                : "hybrid",
              to_string(usd{summary.chosen_total()}).c_str(), to_string(usd{summary.totals()[0]}).c_str());
}
