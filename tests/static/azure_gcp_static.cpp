// Closed-form quotes of the Azure and Google platforms as constant expressions (docs/pricing.md arithmetic).
#include <runwise/core/detail/math.hpp>
#include <runwise/providers/azure/container_apps.hpp>
#include <runwise/providers/azure/functions.hpp>
#include <runwise/providers/gcp/cloud_run.hpp>

namespace {
using namespace runwise;

constexpr std::int64_t cents(usd x) { return to_cents(x); }

// Azure Functions: 1 M executions of 50 ms at 160 MB bill as 100 ms at 256 MB:
// 1 M × 0.1 s × 0.25 GB × $0.000016 = $0.40, + 1 M × $0.20/M = $0.20.
constexpr steady_workload small_function{
    .requests_per_month = 1e6, .duration = {milliseconds(50)}, .memory = megabytes{160}};
static_assert(cents(azure_functions::quote(small_function, {})["compute"]) == 40);
static_assert(cents(azure_functions::quote(small_function, {}).total()) == 60);
// With the free grant (1 M executions, 400,000 GB-s) it is free.
constexpr auto granted = [] {
  azure_functions::config c;
  c.billing.free_tier = true;
  return c;
}();
static_assert(cents(azure_functions::quote(small_function, granted).total()) == 0);

// Cloud Run, one request a second of 1 s, 1 vCPU / 512 MiB, request-based: 2,628,000 instance-s ×
// ($0.000024 + 0.5 × $0.0000025) = $66.357, + 2.628 M × $0.40/M = $1.0512 → $67.41.
constexpr steady_workload one_per_second{
    .requests_per_month = 2'628'000, .duration = {milliseconds(1000)}, .memory = megabytes{512}, .cpu = vcpu{1}};
static_assert(cents(gcp_cloud_run::quote(one_per_second, {}).total()) == 6741);
// Concurrency 80 on the same traffic: one instance busy 1 - e^-1 of the time (2,628,000 × 0.63212 =
// 1,661,213 s), plus rounding: the 2,628,000 × e^-1 arrivals that start a busy period are alone with
// probability e^-1 (1 s: nothing to round) and otherwise end it at a uniform point of 100 ms (50 ms):
// 2,628,000 × e^-1 × (1 - e^-1) × 0.05 = 30,556 s. 1,691,769 s × ($0.000024 + 0.5 × $0.0000025) = $42.72.
constexpr steady_workload shared = [] {
  steady_workload s = one_per_second;
  s.concurrency_per_instance = 80;
  return s;
}();
static_assert(cents(gcp_cloud_run::quote(shared, {})["vcpu"] + gcp_cloud_run::quote(shared, {})["memory"]) == 4272);
// Instance-based with one minimum instance: 2,628,000 s × ($0.000018 + 0.5 × $0.000002) = $49.93.
constexpr auto instance_billed = [] {
  gcp_cloud_run::config c;
  c.billing.billing = pricing::gcp::cloud_run_billing_mode::instance_based;
  c.capacity.min_instances = 1;
  return c;
}();
static_assert(cents(gcp_cloud_run::quote(one_per_second, instance_billed).total()) == 4993);

// Container Apps: one 0.5 vCPU / 1 GiB replica all month at 3 M requests (10 at once):
// 2,628,000 × (0.5 × $0.000024 + $0.000003) = $39.42, + 3 M × $0.40/M = $1.20.
constexpr steady_workload api{.requests_per_month = 3e6,
                              .duration = {milliseconds(1000)},
                              .memory = megabytes{1024},
                              .cpu = vcpu{0.5},
                              .concurrency_per_instance = 10};
static_assert(cents(azure_container_apps::quote(api, {}).total()) == 4062);
}  // namespace
