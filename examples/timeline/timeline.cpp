// The over-time chart: a container fleet under Kubernetes' HPA on a day of spiky traffic, drawn as
// requests, late requests and tasks per minute. usage: runwise_timeline OUT.svg
#include <runwise/report.hpp>
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  using namespace runwise;
  using simulate::container_fleet;

  // A hand check first: one task serves 60 one-second requests a minute; 90 arrive every minute.
  // Minute k leaves 30·(k+1) waiting, so min(90, 30·(k+1)) of its arrivals are late:
  // 30 + 60 + 58 × 90 = 5,310 late in an hour.
  const workload steady{.name = "steady",
                        .traffic = traffic_series(seconds{60}, std::vector<double>(60, 90.0)),
                        .duration = {seconds{1}}};
  container_fleet::step_trace hand;
  container_fleet::run(steady, {.policy = simulate::scaling_policy::fixed, .tasks = 1}, &hand);
  double late = 0;
  for (double x : hand.overloaded) late += x;
  std::printf("fixed 1 task, 90/min of 1 s: %.0f late in %zu minutes, %.0f task(s)\n", late, hand.tasks.size(),
              hand.tasks.back());

  const workload api{
      .name = "orders-api",
      .traffic = make_traffic(20, hours(24), seconds{60}, {.pattern = traffic_pattern::spiky, .peak_to_mean = 4}),
      .duration = {milliseconds(200)}};
  container_fleet::step_trace steps;
  const usage u = container_fleet::run(
      api, {.policy = simulate::scaling_policy::hpa, .min_tasks = 1, .max_tasks = 50, .startup_s = 60}, &steps);
  std::printf("hpa: %zu steps, peak %.0f tasks, %.0f late\n", steps.tasks.size(), u.peak_instances,
              u.overloaded.value());
  if (argc > 1) {
    const std::string svg = report::timeline_svg(api.traffic, steps.tasks, steps.overloaded, "orders-api on HPA");
    std::FILE* f = std::fopen(argv[1], "wb");
    if (!f || std::fwrite(svg.data(), 1, svg.size(), f) != svg.size() || std::fclose(f) != 0) return 1;
  }
}
