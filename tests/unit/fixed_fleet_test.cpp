#include <doctest/doctest.h>

#include <runwise/simulate/fixed_fleet.hpp>
#include <runwise/workload/generators.hpp>

using namespace runwise;
using simulate::fixed_fleet;

TEST_CASE("a fixed fleet counts demand above its capacity as overloaded") {
  // 2 tasks × 1 request at a time / 1 s = 120 requests per minute.
  const workload w{.traffic = traffic_series(seconds{60}, {100, 150, 200}), .duration = {milliseconds(1000)}};
  // A FIFO queue by hand: minute 2 leaves 30 waiting; minute 3 has 30 + 200 and serves 120, so
  // 110 of its arrivals wait (late) and are still queued at the end.
  const usage u = fixed_fleet::run(w, {.tasks = 2});
  CHECK(u.overloaded.value() == doctest::Approx(30 + 110));
  CHECK(u.served.value() == doctest::Approx(450 - 110));
  CHECK(u.runs.size() == 1);
  CHECK(u.runs[0].tasks == 2);
  CHECK(u.runs[0].length() == seconds{180});
}

TEST_CASE("with no task count the fleet is sized for the busiest step at the target utilisation") {
  const workload w{.traffic = make_traffic(10, hours(1), seconds{60}), .duration = {milliseconds(500)}};
  CHECK(fixed_fleet::task_count(w, {}) == 8);  // ceil(10 × 0.5 / 0.7) = ceil(7.14)
  CHECK(fixed_fleet::task_count(w, {.target_utilization = 1.0}) == 5);
  workload shared = w;
  shared.concurrency_per_instance = 4;
  CHECK(fixed_fleet::task_count(shared, {}) == 2);  // ceil(1.25 / 0.7)
  CHECK(fixed_fleet::run(w, {}).overloaded.value() == 0);
}
