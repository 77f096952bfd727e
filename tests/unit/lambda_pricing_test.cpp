// AWS Lambda billing against published figures (docs/pricing.md; AWS Lambda pricing page).
#include <doctest/doctest.h>

#include <runwise/core/detail/math.hpp>
#include <runwise/providers/aws/lambda.hpp>

using namespace runwise;
using pricing::aws::lambda_billing;

namespace {
std::int64_t cents(usd x) { return detail::to_cents(x.value()); }
lambda_billing::input month_of(double invocations, double ms, double mb) {
  return {.invocations = requests{invocations},
          .duration = {milliseconds(ms)},
          .memory = megabytes{mb},
          .horizon = hours(730)};
}
}  // namespace

TEST_CASE("AWS's archived pricing example: 512 MB, 3 M requests, 1 s, free tier → $18.74") {
  lambda_billing::config c{.free_tier = true};
  c.prices.per_gb_second = {0.00001667};
  const auto bill = lambda_billing::bill(c, month_of(3e6, 1000, 512));
  // 3 M × 1 s × 0.5 GB = 1.5 M GB-s, less 400,000 free = 1.1 M × $0.00001667 = $18.34;
  // 3 M - 1 M free = 2 M requests × $0.20/M = $0.40.
  CHECK(cents(bill["compute"]) == 1834);
  CHECK(cents(bill["requests"]) == 40);
  CHECK(cents(bill.total()) == 1874);
  CHECK(bill.size() == 2);
}

TEST_CASE("the free tier is off by default: it belongs to the account, not the workload") {
  const auto bill = lambda_billing::bill({}, month_of(3e6, 1000, 512));
  CHECK(bill["requests"].value() == doctest::Approx(0.60));
  CHECK(bill["compute"].value() == doctest::Approx(1.5e6 * 0.0000166667));
}

TEST_CASE("a 1 GB function busy for a 730-hour month: $43.80 on x86, $35.04 on arm64") {
  // docs/pricing.md reference arithmetic: 2,628,000 GB-s.
  CHECK(cents(lambda_billing::bill({}, month_of(2'628'000, 1000, 1024))["compute"]) == 4380);
  CHECK(cents(lambda_billing::bill({.arch = pricing::architecture::arm64},
                                   month_of(2'628'000, 1000, 1024))["compute"]) == 3504);
}

TEST_CASE("the $0.20 per million request fee equals 96 ms of 128 MB x86 compute") {
  // docs/pricing.md: 1 M × 0.096 s × 0.125 GB × $0.0000166667 = $0.20.
  const auto bill = lambda_billing::bill({}, month_of(1e6, 96, 128));
  CHECK(bill["compute"].value() == doctest::Approx(bill["requests"].value()).epsilon(1e-4));
}

TEST_CASE("100 ms rounding before December 2020 bills a 30 ms function as 100 ms") {
  lambda_billing::config old{.prices = pricing::aws::prices_2020_11::lambda_prices};
  const auto then = lambda_billing::bill(old, month_of(1e6, 30, 128));
  const auto now = lambda_billing::bill({}, month_of(1e6, 30, 128));
  CHECK(then["compute"].value() == doctest::Approx(1e6 * 0.1 * 0.125 * 0.00001667));
  CHECK(now["compute"].value() == doctest::Approx(1e6 * 0.030 * 0.125 * 0.0000166667));
}

TEST_CASE("duration tiers apply to the monthly aggregate") {
  // x86: 6 B GB-s at $0.0000166667, the next 9 B at $0.000015, the rest at $0.0000133334 (docs/pricing.md).
  const double gb_s = 20e9;  // 20 B GB-s: 20e9 one-second invocations of 1 GB
  const auto bill = lambda_billing::bill({}, month_of(gb_s, 1000, 1024));
  CHECK(bill["compute"].value() == doctest::Approx(6e9 * 0.0000166667 + 9e9 * 0.000015 + 5e9 * 0.0000133334));
  // arm64: 7.5 B, next 11.25 B, over 18.75 B.
  const auto arm = lambda_billing::bill({.arch = pricing::architecture::arm64}, month_of(gb_s, 1000, 1024));
  CHECK(arm["compute"].value() ==
        doctest::Approx(7.5e9 * 0.0000133334 + 11.25e9 * 0.0000120001 + 1.25e9 * 0.0000106667));
  // Tiers reset monthly: two months of 10 B GB-s each stay in the first two tiers.
  auto two_months = month_of(gb_s, 1000, 1024);
  two_months.horizon = hours(1460);
  CHECK(lambda_billing::bill({}, two_months)["compute"].value() ==
        doctest::Approx(2 * (6e9 * 0.0000166667 + 4e9 * 0.000015)));
}

TEST_CASE("ephemeral storage above 512 MB is billed per GB-s of duration") {
  lambda_billing::config c{.ephemeral_storage_mb = 10'240};
  const auto bill = lambda_billing::bill(c, month_of(1e6, 1000, 128));
  // (10,240 - 512) / 1024 = 9.5 GB × 1 M s × $0.0000000309.
  CHECK(bill["ephemeral_storage"].value() == doctest::Approx(9.5e6 * 0.0000000309));
  CHECK(lambda_billing::bill({}, month_of(1e6, 1000, 128))["ephemeral_storage"].value() == 0);
}

TEST_CASE("provisioned concurrency: configured GB-s, duration at the PC rate, overflow on demand, no free tier") {
  // docs/pricing.md: x86 $0.0000041667 per GB-s configured + $0.0000097222 per GB-s of duration.
  lambda_billing::input in = month_of(13'140'000, 1000, 1024);  // 5 requests/s of 1 s all month
  in.provisioned_level = 10;
  in.provisioned_invocations = in.invocations;  // 5 busy instances fit in 10 provisioned
  const auto bill = lambda_billing::bill({.free_tier = true}, in);
  CHECK(bill["provisioned_concurrency"].value() == doctest::Approx(10 * 2'628'000 * 0.0000041667));  // $109.50
  CHECK(bill["provisioned_compute"].value() == doctest::Approx(13'140'000 * 0.0000097222));          // $127.75
  CHECK(bill["compute"].value() == doctest::Approx(0));
  CHECK(bill["requests"].value() == doctest::Approx(13.14 * 0.20));  // free tier does not apply with PC
  CHECK(cents(bill.total()) == 10950 + 12775 + 263);

  // Twice the traffic on the same 10 instances: half overflows to on-demand rates.
  lambda_billing::input overflow = month_of(26'280'000, 1000, 1024);
  overflow.provisioned_level = 10;
  overflow.provisioned_invocations = requests{13'140'000};
  CHECK(lambda_billing::bill({}, overflow)["compute"].value() == doctest::Approx(13'140'000 * 0.0000166667));

  // Time enabled is rounded up to 5 minutes: 61 minutes bill as 65.
  lambda_billing::input short_run = month_of(0, 1000, 1024);
  short_run.horizon = seconds{61 * 60};
  short_run.provisioned_level = 1;
  CHECK(lambda_billing::bill({}, short_run)["provisioned_concurrency"].value() ==
        doctest::Approx(65 * 60 * 0.0000041667));
}

TEST_CASE("INIT time of cold starts is billed at the on-demand duration rate") {
  // Since 2025-08-01 Lambda bills INIT for all runtimes (docs/pricing.md): 1,000 cold starts × 250 ms × 1 GB.
  lambda_billing::input in = month_of(1e6, 100, 1024);
  in.cold_starts = requests{1000};
  in.init = milliseconds(250);
  const auto bill = lambda_billing::bill({}, in);
  CHECK(bill["init"].value() == doctest::Approx(250 * 0.0000166667));
  CHECK(bill["compute"].value() == doctest::Approx(1e5 * 0.0000166667));
}
