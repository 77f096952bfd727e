#include <doctest/doctest.h>

#include <runwise/core/detail/format.hpp>
#include <runwise/core/detail/math.hpp>
#include <runwise/core/format.hpp>
#include <runwise/core/units.hpp>

using namespace runwise;

TEST_CASE("cents are rounded half away from zero, as a bill shows them") {
  CHECK(detail::to_cents(18.737) == 1874);
  CHECK(detail::to_cents(0.005) == 1);
  CHECK(detail::to_cents(-0.005) == -1);
  CHECK(detail::to_cents(36.0401) == 3604);
}

TEST_CASE("round_up_to keeps exact multiples and rounds the rest up") {
  CHECK(detail::round_up_to(0.3, 0.1) == doctest::Approx(0.3));
  CHECK(detail::round_up_to(0.301, 0.1) == doctest::Approx(0.4));
  CHECK(detail::round_up_to(1.0, 0.001) == doctest::Approx(1.0));
  CHECK(detail::round_up_to(0.0301, 0.001) == doctest::Approx(0.031));
  CHECK(detail::ceil(2.0000001) == 3.0);
  CHECK(detail::ceil(-1.5) == -1.0);
}

TEST_CASE("dollars and counts print with thousands separators") {
  CHECK(detail::format_usd(1234.5) == "$1,234.50");
  CHECK(detail::format_usd(0.404) == "$0.40");
  CHECK(detail::format_usd(-18.737) == "-$18.74");
  CHECK(detail::format_count(3e6) == "3,000,000");
  CHECK(detail::format_count(999) == "999");
  // Absurd magnitudes print, instead of overrunning a buffer.
  CHECK(detail::format_usd(1e300) == "$1e+300");
  CHECK(detail::format_usd(-1e20) == "-$1e+20");
  CHECK(detail::format_usd(999'999'999'999'999.0).size() < 40);
  CHECK(detail::format_count(1e308) == "1e+308");
}

TEST_CASE("to_string(usd) prints dollars as the reports do: cents, thousands separators") {
  // By hand: 1234.5 dollars → "$1,234.50"; 0.4 cents rounds to "$0.00"; 2.5 M → "$2,500,000.00".
  CHECK(runwise::to_string(runwise::usd{1234.5}) == "$1,234.50");
  CHECK(runwise::to_string(runwise::usd{0.004}) == "$0.00");
  CHECK(runwise::to_string(runwise::usd{2.5e6}) == "$2,500,000.00");
}

TEST_CASE("bill-line quantities and unit prices print as a reader checks them") {
  using runwise::detail::format_quantity;
  using runwise::detail::format_unit_price;
  CHECK(format_quantity(1.5e6) == "1,500,000");
  CHECK(format_quantity(912.5) == "912.5");
  CHECK(format_quantity(1825) == "1,825");
  CHECK(format_quantity(0.18553) == "0.1855");
  CHECK(format_quantity(0) == "0");
  CHECK(format_quantity(3e15) == "3e+15");
  CHECK(format_unit_price(0.0000166667) == "$0.0000166667");
  CHECK(format_unit_price(0.000024) == "$0.000024");
  CHECK(format_unit_price(0.0000002) == "$0.0000002");
  CHECK(format_unit_price(0.04048) == "$0.04048");
  CHECK(format_unit_price(0.1) == "$0.10");
  CHECK(format_unit_price(12.5) == "$12.50");
  CHECK(runwise::detail::format_count(-2500.4) == "-2,500");
}
