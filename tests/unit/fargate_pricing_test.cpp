// AWS Fargate billing against published figures (docs/pricing.md; AWS Fargate pricing page).
#include <doctest/doctest.h>

#include <runwise/core/detail/math.hpp>
#include <runwise/core/error.hpp>
#include <runwise/providers/aws/fargate.hpp>

using namespace runwise;
using pricing::aws::fargate_billing;

namespace {
std::int64_t cents(usd x) { return detail::to_cents(x.value()); }
usd one_task(const fargate_billing::config& c, seconds length, pricing::aws::task_size size = {1, 2}) {
  const task_run runs[] = {{seconds{0}, length}};
  return fargate_billing::bill(c, {.runs = runs, .task = size}).total();
}
}  // namespace

TEST_CASE("Fargate 1 vCPU / 2 GB for 730 h on x86 on-demand costs $36.04") {
  CHECK(cents(one_task({}, hours(730))) == 3604);  // 730 × ($0.04048 + 2 × $0.004445)
}

TEST_CASE("arm64 and Spot use their own rates") {
  CHECK(cents(one_task({.arch = pricing::architecture::arm64}, hours(730))) ==
        2884);  // 730 × ($0.03238 + 2 × $0.00356)
  CHECK(cents(one_task({.capacity = pricing::purchase::spot}, hours(730))) ==
        1188);  // 730 × ($0.01334053 + 2 × $0.00146489)
}

TEST_CASE("per-second billing with a one-minute minimum per task") {
  const double per_second = (0.04048 + 2 * 0.004445) / 3600;
  CHECK(one_task({}, seconds{10}).value() == doctest::Approx(60 * per_second));
  CHECK(one_task({}, seconds{61.2}).value() == doctest::Approx(62 * per_second));
  CHECK(one_task({}, seconds{600}).value() == doctest::Approx(600 * per_second));
  // Ten identical 10-second tasks: ten minimums.
  const task_run ten[] = {{seconds{0}, seconds{10}, 10}};
  CHECK(fargate_billing::bill({}, {.runs = ten, .task = {1, 2}}).total().value() == doctest::Approx(600 * per_second));
}

TEST_CASE("ephemeral storage above the included 20 GB is billed per GB-hour") {
  const task_run month[] = {{seconds{0}, hours(730)}};
  const auto bill = fargate_billing::bill({}, {.runs = month, .task = {1, 2}, .ephemeral_storage_gb = 50});
  CHECK(bill["ephemeral_storage"].value() == doctest::Approx(30 * 730 * 0.000111));
}

TEST_CASE("only the task sizes AWS lists are valid") {
  using pricing::aws::is_valid_fargate_size;
  CHECK(is_valid_fargate_size({0.25, 0.5}));
  CHECK(is_valid_fargate_size({0.25, 2}));
  CHECK_FALSE(is_valid_fargate_size({0.25, 3}));
  CHECK(is_valid_fargate_size({0.5, 4}));
  CHECK(is_valid_fargate_size({4, 30}));
  CHECK_FALSE(is_valid_fargate_size({4, 31}));
  CHECK(is_valid_fargate_size({8, 20}));
  CHECK_FALSE(is_valid_fargate_size({8, 18}));  // 4 GB steps from 16 GB
  CHECK(is_valid_fargate_size({16, 120}));
  CHECK_FALSE(is_valid_fargate_size({16, 36}));  // 8 GB steps from 32 GB
  CHECK_FALSE(is_valid_fargate_size({3, 8}));

  fargate_billing::config c{.task = {0.25, 3}};
  CHECK_THROWS_WITH_AS(
      c.validate("platforms[1]"),
      doctest::Contains("platforms[1].task: 0.25 vCPU with 3 GB is not a Fargate task size; valid sizes are "
                        "0.25 vCPU: 0.5, 1 or 2 GB; 0.5 vCPU: 1-4 GB in 1 GB steps"),
      runwise::error);
  fargate_billing::config spot_arm{.arch = pricing::architecture::arm64, .capacity = pricing::purchase::spot};
  CHECK_THROWS_WITH_AS(spot_arm.validate("p"), "p.capacity: Fargate Spot is not offered for arm64 tasks",
                       runwise::error);
}
