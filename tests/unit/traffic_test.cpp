#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include <runwise/core/error.hpp>
#include <runwise/workload/generators.hpp>

using namespace runwise;

namespace {
double peak_to_mean(const traffic_series& t) { return t.peak_rate() / t.mean_rate(); }
}  // namespace

TEST_CASE("an even spread of 3 M requests over a 730-hour month is 68.49 requests per minute") {
  const auto t = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60});
  CHECK(t.size() == 43'800);
  CHECK(t.total().value() == doctest::Approx(3e6));
  CHECK(t.counts()[0] == doctest::Approx(3e6 / 43'800));
  CHECK(to_hours(t.horizon()) == doctest::Approx(730));
}

TEST_CASE("every pattern keeps the total and reaches its peak-to-mean ratio") {
  for (auto pattern : {traffic_pattern::diurnal, traffic_pattern::business_hours, traffic_pattern::spiky}) {
    for (double ratio : {1.5, 3.0, 4.0}) {
      CAPTURE(to_string(pattern));
      CAPTURE(ratio);
      const auto t = make_traffic(10.0, hours(24 * 28), seconds{60}, {.pattern = pattern, .peak_to_mean = ratio});
      CHECK(t.total().value() == doctest::Approx(10.0 * hours(24 * 28).value()));
      CHECK(peak_to_mean(t) == doctest::Approx(ratio).epsilon(0.01));
      CHECK(*std::min_element(t.counts().begin(), t.counts().end()) >= 0);
    }
  }
}

TEST_CASE("business hours are Monday to Friday, 09:00 to 17:00") {
  const auto t = make_traffic(1.0, hours(24 * 7), seconds{3600},
                              {.pattern = traffic_pattern::business_hours, .peak_to_mean = 4.2});
  // 40 of 168 hours are business hours; at the largest ratio (168/40) nothing arrives outside them.
  CHECK(t.counts()[9] > 0);                              // Monday 09:00
  CHECK(t.counts()[8] == doctest::Approx(0));            // Monday 08:00
  CHECK(t.counts()[17] == doctest::Approx(0));           // Monday 17:00
  CHECK(t.counts()[4 * 24 + 16] > 0);                    // Friday 16:00
  CHECK(t.counts()[5 * 24 + 12] == doctest::Approx(0));  // Saturday noon
}

TEST_CASE("the diurnal wave peaks in the afternoon and bottoms out at night") {
  const auto t = make_traffic(1.0, hours(24), seconds{3600}, {.pattern = traffic_pattern::diurnal, .peak_to_mean = 2});
  const auto peak = std::max_element(t.counts().begin(), t.counts().end()) - t.counts().begin();
  const auto trough = std::min_element(t.counts().begin(), t.counts().end()) - t.counts().begin();
  CHECK((peak == 12 || peak == 13));
  CHECK((trough == 0 || trough == 1 || trough == 23));
}

TEST_CASE("spiky traffic is reproducible from its seed and differs between seeds") {
  const traffic_shape a{.pattern = traffic_pattern::spiky, .seed = 7};
  const traffic_shape b{.pattern = traffic_pattern::spiky, .seed = 8};
  const auto x = make_traffic(1.0, hours(24 * 7), seconds{60}, a);
  CHECK(x.counts() == make_traffic(1.0, hours(24 * 7), seconds{60}, a).counts());
  CHECK(x.counts() != make_traffic(1.0, hours(24 * 7), seconds{60}, b).counts());
  CHECK(peak_to_mean(x) == doctest::Approx(10).epsilon(0.01));  // the default ratio
}

TEST_CASE("Poisson noise keeps the mean and has variance equal to the mean") {
  for (double per_step : {0.5, 4.0, 250.0}) {
    CAPTURE(per_step);
    const auto t = make_traffic(per_step / 60, hours(24 * 30), seconds{60}, {.poisson_noise = true, .seed = 42});
    const double n = static_cast<double>(t.size());
    const double mean = t.total().value() / n;
    double var = 0;
    for (double c : t.counts()) {
      CHECK(c == std::floor(c));
      var += (c - mean) * (c - mean);
    }
    var /= n - 1;
    // 43,200 draws: the standard error of the mean is sqrt(mean / n), of the variance about mean·sqrt(2/n).
    CHECK(std::fabs(mean - per_step) < 5 * std::sqrt(per_step / n));
    CHECK(std::fabs(var - per_step) < 5 * per_step * std::sqrt(2 / n) + 5 * std::sqrt(per_step / n));
  }
}

TEST_CASE("bad traffic parameters are errors that name the field") {
  CHECK_THROWS_WITH_AS(make_traffic(-1, hours(1), seconds{60}),
                       "traffic.requests_per_second: must be between 0 and 1000000000, got -1", runwise::error);
  CHECK_THROWS_WITH_AS(make_traffic(1, seconds{90}, seconds{60}),
                       doctest::Contains("horizon_hours: must be a whole number"), runwise::error);
  CHECK_THROWS_WITH_AS(
      make_traffic(1, hours(24 * 7), seconds{3600}, {.pattern = traffic_pattern::business_hours, .peak_to_mean = 5}),
      doctest::Contains("traffic.peak_to_mean: must be at most 4.2"), runwise::error);
  CHECK_THROWS_WITH_AS(traffic_series(seconds{60}, {1, std::nan(""), 2}),
                       doctest::Contains("traffic.counts[1]: must be a finite number"), runwise::error);
  CHECK_THROWS_AS(traffic_series(seconds{0}, {1}), runwise::error);
  CHECK_THROWS_WITH_AS(traffic_series(seconds{1e-300}, {1}),
                       doctest::Contains("traffic.step_s: must be between 1 s and 86400 s"), runwise::error);
  CHECK_THROWS_WITH_AS(traffic_series(seconds{60}, {1, 1e308}),
                       doctest::Contains("traffic.counts[1]: must be between 0 and 1e+15"), runwise::error);
  CHECK_THROWS_WITH_AS(make_traffic(1, hours(24 * 366 * 20), seconds{60}), doctest::Contains("at most 1e7 are allowed"),
                       runwise::error);
}

TEST_CASE("a rescaled series reports the rescaled total and peak, however it was rescaled") {
  // Ten minutes of 100 requests and one of 400: total 1,400, peak 400 a minute. Half of it: 700 and
  // 200 (reported by the Monte Carlo helper: assign_scaled once kept the old total).
  std::vector<double> counts(10, 100.0);
  counts.push_back(400);
  const traffic_series base(seconds{60}, counts);
  traffic_series reused(seconds{60}, {1, 2, 3});
  reused.assign_scaled(base, 0.5);
  const traffic_series copy = base.scaled(0.5);
  for (const traffic_series* t : {static_cast<const traffic_series*>(&reused), &copy}) {
    CHECK(t->total().value() == doctest::Approx(700).epsilon(1e-15));
    CHECK(t->peak_rate() == doctest::Approx(200.0 / 60).epsilon(1e-15));
    CHECK(t->size() == 11);
  }
}

TEST_CASE("the least positive count skips idle steps and follows a rescaling, also to zero and below") {
  // Counts 0, 3, 0, 0.5, 7: the fewest requests of a step with any is 0.5 (the zeros do not count).
  const traffic_series t(seconds{60}, {0, 3, 0, 0.5, 7});
  CHECK(t.least_positive_count() == 0.5);
  CHECK(t.peak_count() == 7);
  CHECK(t.scaled(4).least_positive_count() == 2);
  CHECK(t.scaled(0).least_positive_count() == 0);  // nothing left that is positive
  CHECK(traffic_series(seconds{60}, {0, 0}).least_positive_count() == 0);
  // 1e-300 × 1e-30 underflows to 0, but 7 × 1e-30 does not: the scaled least is counted again
  // (then 3e-30), not reported as "no positive count".
  const traffic_series tiny(seconds{60}, {1e-300, 3, 7});
  CHECK(tiny.scaled(1e-30).least_positive_count() == doctest::Approx(3e-30).epsilon(1e-15));
}
