// Azure Functions billing against docs/pricing.md (Azure Functions pricing page: S prices, O rules).
#include <doctest/doctest.h>

#include <runwise/core/detail/math.hpp>
#include <runwise/evaluate/evaluate_option.hpp>
#include <runwise/providers/azure/functions.hpp>
#include <runwise/workload/generators.hpp>

using namespace runwise;
using pricing::azure::functions_billing;

namespace {
std::int64_t cents(usd x) { return detail::to_cents(x.value()); }
functions_billing::input month_of(double executions, double ms, double mb) {
  return {.executions = requests{executions},
          .duration = {milliseconds(ms)},
          .memory = megabytes{mb},
          .horizon = hours(730)};
}
}  // namespace

TEST_CASE("160 MB is billed as 256 MB and a 50 ms execution as 100 ms") {
  const auto& p = pricing::azure::functions_prices;
  CHECK(functions_billing::billed_memory(p, megabytes{160}) == megabytes{256});
  CHECK(functions_billing::billed_memory(p, megabytes{128}) == megabytes{128});
  CHECK(functions_billing::billed_memory(p, megabytes{1}) == megabytes{128});  // 128 MB minimum
  CHECK(functions_billing::billed_time(p, {milliseconds(50)}) == milliseconds(100));
  CHECK(functions_billing::billed_time(p, {milliseconds(100.4)}).value() == doctest::Approx(0.101));  // 1 ms steps
  // 1 M executions: 1 M × 0.1 s × 0.25 GB × $0.000016 = $0.40; 1 M × $0.20/M = $0.20.
  const auto bill = functions_billing::bill({}, month_of(1e6, 50, 160));
  CHECK(bill["compute"].value() == doctest::Approx(0.40));
  CHECK(bill["executions"].value() == doctest::Approx(0.20));
}

TEST_CASE("the monthly free grant: 400,000 GB-s and 1 M executions, off by default") {
  // 3 M × 1 s × 0.5 GB = 1.5 M GB-s; less 400,000 = 1.1 M × $0.000016 = $17.60; 2 M × $0.20/M = $0.40.
  const auto bill = functions_billing::bill({.free_tier = true}, month_of(3e6, 1000, 512));
  CHECK(cents(bill["compute"]) == 1760);
  CHECK(cents(bill["executions"]) == 40);
  CHECK(cents(functions_billing::bill({}, month_of(3e6, 1000, 512)).total()) == 2400 + 60);  // $24.00 + $0.60
  // Two months: twice the grant.
  auto two = month_of(6e6, 1000, 512);
  two.horizon = hours(1460);
  CHECK(cents(functions_billing::bill({.free_tier = true}, two).total()) == 2 * 1800);
}

TEST_CASE("Flex Consumption: $0.000026 per GB-s and $0.40 per million, no free grant in docs/pricing.md") {
  functions_billing::config flex{.plan = pricing::azure::functions_plan::flex, .free_tier = true};
  // 1 M × 1 s × 2 GB = 2 M GB-s × $0.000026 = $52; 1 M × $0.40/M = $0.40.
  const auto bill = functions_billing::bill(flex, month_of(1e6, 1000, 2048));
  CHECK(cents(bill["compute"]) == 5200);
  CHECK(cents(bill["executions"]) == 40);
}

TEST_CASE("Consumption's limits: 1,536 MB and 10 minutes, Flex is not bound by them") {
  auto w = workload{
      .traffic = make_traffic(1, hours(1), seconds{60}), .duration = {milliseconds(100)}, .memory = megabytes{1536}};
  CHECK(evaluate_option<azure_functions>(w, {}).feasible);
  w.memory = megabytes{1537};
  const auto big = evaluate_option<azure_functions>(w, {});
  CHECK_FALSE(big.feasible);
  CHECK(big.infeasible_reasons[0].find("1,536 MB") != std::string::npos);
  azure_functions::config flex;
  flex.billing.plan = pricing::azure::functions_plan::flex;
  CHECK(evaluate_option<azure_functions>(w, flex).feasible);
  w.memory = megabytes{128};
  w.duration = {seconds{601}};
  CHECK_FALSE(evaluate_option<azure_functions>(w, {}).feasible);
  w.duration = {seconds{1}};
  w.needs.gpu = true;
  CHECK_FALSE(evaluate_option<azure_functions>(w, {}).feasible);
}

TEST_CASE("the trace-driven path bills served executions like the closed form") {
  // 1 request/s for a month of 50 ms at 160 MB: 2,628,000 × 0.1 s × 0.25 GB × $0.000016 = $1.0512,
  // + 2.628 M × $0.20/M = $0.5256.
  const workload w{
      .traffic = make_traffic(1, hours(730), seconds{60}), .duration = {milliseconds(50)}, .memory = megabytes{160}};
  const auto r = evaluate_option<azure_functions>(w, {});
  CHECK(r.cost["compute"].value() == doctest::Approx(1.0512));
  CHECK(r.cost["executions"].value() == doctest::Approx(0.5256));
  CHECK(simulate::azure_function_instances::config{}.keep_alive_s == 1200);
}

TEST_CASE("Flex Consumption bills execution time at the instance's memory, 2,048 MB by default") {
  // A 160 MB function on Flex runs on a 2,048 MB instance: 1 M × 0.1 s × 2 GB × $0.000026 = $5.20
  // (an upper bound: executions sharing an instance share its time), + 1 M × $0.40/M = $0.40.
  functions_billing::config flex{.plan = pricing::azure::functions_plan::flex};
  const auto bill = functions_billing::bill(flex, month_of(1e6, 50, 160));
  CHECK(bill["compute"].value() == doctest::Approx(1e6 * 0.1 * 2 * 0.000026));
  CHECK(bill["executions"].value() == doctest::Approx(0.40));
  functions_billing::config big{.plan = pricing::azure::functions_plan::flex, .instance_memory_mb = 4096};
  CHECK(functions_billing::bill(big, month_of(1e6, 50, 160))["compute"].value() ==
        doctest::Approx(1e6 * 0.1 * 4 * 0.000026));
  functions_billing::config odd{.plan = pricing::azure::functions_plan::flex, .instance_memory_mb = 3000};
  CHECK_THROWS_WITH_AS(odd.validate("p"), doctest::Contains("p.instance_memory_mb: must be 2048 or 4096"),
                       runwise::error);
}
