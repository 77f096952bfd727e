// Closed-form monthly quotes are constant expressions: these are the published figures,
// checked by the compiler (cents, rounded half up, as a bill shows them).
#include <runwise/core/detail/math.hpp>
#include <runwise/providers/aws/fargate.hpp>
#include <runwise/providers/aws/lambda.hpp>

namespace {
using namespace runwise;

constexpr std::int64_t cents(usd x) { return to_cents(x); }

// AWS's archived Lambda pricing-page example: 512 MB, 3,000,000 requests a month, 1 s each, free
// tier on, duration at $0.00001667 per GB-s → compute $18.34, requests $0.40, total $18.74.
constexpr auto archived_example = [] {
  aws_lambda::config c;
  c.billing.free_tier = true;
  c.billing.prices.per_gb_second = {0.00001667};
  return aws_lambda::quote({.requests_per_month = 3e6, .duration = {milliseconds(1000)}, .memory = megabytes{512}}, c);
}();
static_assert(cents(archived_example["compute"]) == 1834);
static_assert(cents(archived_example["requests"]) == 40);
static_assert(cents(archived_example.total()) == 1874);

// The same example priced with the pre-December-2020 sheet (100 ms rounding, $0.00001667): a 1 s
// function is already a multiple of 100 ms, so the bill is the same.
constexpr auto archived_example_2020 = [] {
  aws_lambda::config c;
  c.billing.free_tier = true;
  c.billing.prices = pricing::aws::prices_2020_11::lambda_prices;
  return aws_lambda::quote({.requests_per_month = 3e6, .duration = {milliseconds(1000)}, .memory = megabytes{512}}, c);
}();
static_assert(cents(archived_example_2020.total()) == 1874);

// docs/pricing.md reference arithmetic: a 1 GB x86 Lambda busy all of a 730-hour month costs $43.80 of
// compute (2,628,000 one-second requests); arm64 $35.04.
constexpr steady_workload busy_month{
    .requests_per_month = 2'628'000, .duration = {milliseconds(1000)}, .memory = megabytes{1024}};
static_assert(cents(aws_lambda::quote(busy_month, {})["compute"]) == 4380);
constexpr auto arm = [] {
  aws_lambda::config c;
  c.billing.arch = pricing::architecture::arm64;
  return c;
}();
static_assert(cents(aws_lambda::quote(busy_month, arm)["compute"]) == 3504);

// docs/pricing.md: Fargate 1 vCPU / 2 GB for 730 h, x86 on-demand: $36.04.
constexpr auto one_task = [] {
  aws_fargate::config c;
  c.billing.task = {1, 2};
  c.capacity.tasks = 1;
  return c;
}();
static_assert(cents(aws_fargate::quote({.requests_per_month = 1e6}, one_task).total()) == 3604);

// An autoscaler settles at the steady count: 3 M one-second requests a month keep 1.1416 tasks busy;
// an HPA at 50% wants ceil(2.28) = 3 tasks of the smallest size, 0.25 vCPU / 0.5 GB:
// 3 × 730 h × (0.25 × $0.04048 + 0.5 × $0.004445) = 3 × $9.01 = $27.03 (docs/pricing.md).
constexpr auto hpa_at_half = [] {
  aws_fargate::config c;
  c.capacity.policy = simulate::scaling_policy::hpa;
  c.capacity.target_utilization = 0.5;
  return c;
}();
static_assert(
    cents(aws_fargate::quote({.requests_per_month = 3e6, .duration = {milliseconds(1000)}}, hpa_at_half).total()) ==
    2703);
}  // namespace
