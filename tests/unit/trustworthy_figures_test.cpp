// Figures a FinOps reader checks by hand (issue "answers a user can trust"): duty cycles from busy
// instance time, break-evens only where both options keep up, a reason for every missing one,
// whole-number counts beside their expected values, scores with two decimals. Each expectation is
// derived in the comment above it from published prices or from the model's definitions.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <runwise/report/json.hpp>
#include <runwise/report/markdown.hpp>
#include <runwise/report/text.hpp>
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

using namespace runwise;

namespace {
/// The README's main job: 3 M requests a month, diurnal with the peak 3x the mean, 1 s, 512 MB, 0.25 vCPU.
workload orders_api() {
  return {.name = "orders-api",
          .traffic = make_traffic(3e6 / (730 * 3600.0), hours(730), seconds{60},
                                  {.pattern = traffic_pattern::diurnal, .peak_to_mean = 3}),
          .duration = {milliseconds(1000)},
          .memory = megabytes{512},
          .cpu = vcpu{0.25}};
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("duty cycle from busy instance time: Cloud Run against one Fargate task of the same size") {
  // Cloud Run keeps idle instances for up to 15 minutes, so it has more instances alive than busy;
  // a duty cycle compares an always-on unit with *busy* function time. Request-based billing
  // (Cloud Run pricing, tier 1): 0.25 vCPU × $0.000024 + 0.5 GiB × $0.0000025 = $0.00000725 per busy
  // second, plus $0.40 per million requests, one per busy second at 1 s each (1 s is a whole number
  // of 100 ms, so no rounding): a busy hour costs 3600 × ($0.00000725 + $0.0000004) = $0.02754.
  // A Fargate task of 0.25 vCPU / 0.5 GB (AWS Fargate pricing, us-east-1): 0.25 × $0.04048 +
  // 0.5 × $0.004445 = $0.0123425 an hour. Duty cycle: 0.0123425 / 0.02754 = 44.82%.
  // (The first version divided by the instances kept alive, 4.67 on average for 1.14 busy, and
  // printed 183.2%.)
  const evaluation e = evaluator<gcp_cloud_run, aws_fargate>{}.evaluate(orders_api());
  REQUIRE(e.break_even.size() == 1);
  REQUIRE(e.break_even[0].duty_cycle);
  CHECK(*e.break_even[0].duty_cycle == doctest::Approx(0.0123425 / 0.02754).epsilon(1e-4));

  // mean_instances, busy time and idle_capacity_share agree: at one request per instance a request
  // keeps one instance busy for its 1 s, so busy instances = 3 M × 1 s / (730 × 3600 s) = 1.1416.
  const option_result& run = e.options[0].platform == "gcp_cloud_run" ? e.options[0] : e.options[1];
  const usage& u = run.use;
  CHECK(u.mean_busy_instances == doctest::Approx(3e6 / (730 * 3600.0)).epsilon(1e-9));
  CHECK(u.mean_instances > u.mean_busy_instances);
  CHECK(u.idle_capacity_share == doctest::Approx(1 - u.mean_busy_instances / u.mean_instances).epsilon(1e-12));
}

TEST_CASE("every option of the main job: busy within alive, the idle share from both, duty cycles of at most 100%") {
  const evaluation e = evaluator<aws_lambda, aws_fargate, aws_ecs_ec2, aws_eks_ec2, aws_eks_fargate, gcp_cloud_run,
                                 azure_functions, azure_container_apps>{}
                           .evaluate(orders_api());
  for (const auto& o : e.options) {
    CAPTURE(o.platform);
    const usage& u = o.use;
    CHECK(u.mean_busy_instances <= u.mean_instances + 1e-12);
    CHECK(u.mean_busy_instances > 0);
    CHECK(u.idle_capacity_share ==
          doctest::Approx(u.mean_instances > 0 ? 1 - u.mean_busy_instances / u.mean_instances : 0).epsilon(1e-12));
    CHECK(u.peak_instances == std::floor(u.peak_instances));  // whole instances or tasks at once
  }
  const std::string text = report::text(e);
  // No duty cycle above 100% is printed: "duty cycle 123.5%" was.
  for (std::size_t at = text.find("duty cycle "); at != std::string::npos; at = text.find("duty cycle ", at + 1)) {
    const std::string rest = text.substr(at + 11, 8);
    if (rest[0] >= '0' && rest[0] <= '9') CHECK(std::stod(rest) <= 100);
  }
}

TEST_CASE("break_even_within: a crossing counts only where both options keep up") {
  // Costs cross at k = 5 (2k - 10 = 0).
  const auto difference = [](double k) { return 2 * k - 10; };
  // Both keep up to k = 7: the crossing at 5 is found.
  const auto found = analyze::break_even_within(difference, [](double k) { return k < 7; });
  CHECK(found.end == analyze::search_end::crossed);
  REQUIRE(found.scale);
  CHECK(*found.scale == doctest::Approx(5).epsilon(1e-8));
  // One stops keeping up above k = 3: no crossing, and the search names the limit. The scan's
  // points are 10^(1/8) = 1.334 apart; 12 halvings of that step's logarithm leave 1.334^(1/4096),
  // a relative 7e-5.
  const auto capped = analyze::break_even_within(difference, [](double k) { return k <= 3; });
  CHECK(capped.end == analyze::search_end::limit);
  CHECK_FALSE(capped.scale);
  CHECK(capped.limit == doctest::Approx(3).epsilon(1e-4));
  CHECK(capped.limit <= 3);
  CHECK(capped.first_failing > 3);
  CHECK(capped.first_failing < 3 * 1.34);
  // Never both: nothing to search.
  CHECK(analyze::break_even_within(difference, [](double) { return false; }).end == analyze::search_end::never_kept);
  // Both everywhere, costs never cross: the whole range.
  CHECK(analyze::break_even_within([](double k) { return k + 1; }, [](double) { return true; }).end ==
        analyze::search_end::range);
}

TEST_CASE("no break-even at traffic a fixed task cannot serve: the limit is named instead") {
  // One Fargate task of 1 vCPU / 2 GB serving one 1 s request at a time takes at most 1 request/s:
  // 730 × 3600 = 2,628,000 requests a month of steady traffic. It costs the same as Lambda at
  // 730 × ($0.04048 + 2 × $0.004445) / (0.5 GB-s × $0.0000166667 + $0.0000002) = 4.22 M requests a
  // month (AWS Lambda and Fargate pricing, us-east-1), where the task would leave 38% of the requests
  // late: the first version reported that break-even. Now the search ends at the task's limit.
  evaluator<aws_lambda, aws_fargate> ev;
  ev.config<aws_fargate>().billing.task = {1, 2};
  ev.config<aws_fargate>().capacity.tasks = 1;
  const workload w{.traffic = make_traffic(0.5, hours(730), seconds{60}),
                   .duration = {milliseconds(1000)},
                   .memory = megabytes{512}};
  const evaluation e = ev.evaluate(w);
  REQUIRE(e.break_even.size() == 1);
  const break_even_point& b = e.break_even[0];
  CHECK_FALSE(b.requests_per_month);
  REQUIRE(b.limit_requests_per_month);
  CHECK(*b.limit_requests_per_month == doctest::Approx(2.628e6).epsilon(1e-3));
  CHECK(contains(b.reason, "aws_fargate keeps up only to 2,62"));
  CHECK(contains(b.reason, "requests wait behind its 1 tasks at once"));
  CHECK(contains(b.reason, "aws_lambda costs less up to there"));
  CHECK(contains(report::break_even_line(b), "aws_lambda = aws_fargate: none while both keep up: "));
}

TEST_CASE("a break-even that is never found says why, with the figures at the top of the range") {
  // Azure Functions (Consumption, $0.000016 per GB-s, $0.20 per million executions) against Fargate
  // on the main job's traffic. At every scale the fleet follows the 3x peak with one request per task
  // at a time, so its tasks idle most of the time they are billed, and it never gets cheaper.
  // A million 1 s, 512 MB executions cost 1e6 × (0.5 × $0.000016 + $0.0000002) = $8.20.
  // Fargate's figure follows from its busy share b: a task-hour of 0.25 vCPU / 0.5 GB costs
  // $0.0123425 (as above) and serves 3600 × b one-second requests, so a million cost
  // 1e6 × 0.0123425 / (3600 b).
  const evaluation e = evaluator<azure_functions, aws_fargate>{}.evaluate(orders_api());
  REQUIRE(e.break_even.size() == 1);
  const break_even_point& b = e.break_even[0];
  CHECK_FALSE(b.requests_per_month);
  CHECK_FALSE(b.limit_requests_per_month);
  CAPTURE(b.reason);
  CHECK(b.reason.starts_with("aws_fargate costs more at every scale from 1e-6x to 1e6x today's traffic: at 1e6x, $"));
  CHECK(contains(b.reason, " against $8.20 per million requests"));
  const auto busy_at = b.reason.find("tasks busy ");
  REQUIRE(busy_at != std::string::npos);
  const double busy = std::stod(b.reason.substr(busy_at + 11)) / 100;
  const double fargate_per_million = 1e6 * 0.0123425 / (3600 * busy);
  const auto dollars = b.reason.find("1e6x, $") + 7;
  // The busy share is printed to a whole percent: the figure agrees within that rounding.
  CHECK(std::stod(b.reason.substr(dollars)) == doctest::Approx(fargate_per_million).epsilon(0.5 / (100 * busy)));
  CHECK(contains(b.reason, "(traffic peaks at 3x its mean; 1 request per task at a time)"));
  CHECK(report::break_even_line(b).starts_with("azure_functions = aws_fargate: never: aws_fargate costs more"));
}

TEST_CASE("Lambda's peak is whole executions at once, not the busiest step's mean concurrency") {
  // 1 request/s of 1 s: λ·E[d] = 1 in flight on average in every minute. With arrivals at random,
  // about 60 independent looks a minute at N ~ Poisson(1): the most at once is near the quantile
  // 1 - 1/60 = 0.9833. P(N <= 3) = e^-1 (1 + 1 + 1/2 + 1/6) = 0.9810 < 0.9833 <= P(N <= 4) = 0.9963:
  // 4 executions. (The first version reported 1, the mean.)
  const workload w{.traffic = make_traffic(1.0, hours(24), seconds{60}), .duration = {milliseconds(1000)}};
  const usage u = simulate::function_instances::run(w, {});
  CHECK(u.peak_instances == 4);
  CHECK(u.mean_instances == doctest::Approx(1));
  CHECK(simulate::peak_in_flight(1.0, 1.0, 60.0) == 4);
  CHECK(simulate::peak_in_flight(0.0, 1.0, 60.0) == 0);
  // A request in flight at all means one instance: Poisson(0.01)'s quantile at 0.9833 is 0.
  CHECK(simulate::peak_in_flight(0.01, 1.0, 60.0) == 1);
}

TEST_CASE("JSON usage: whole counts under the contract's names, expected values beside them") {
  // 3 M requests a month at a diurnal rate are Poisson means: cold starts are an expected,
  // fractional count (e.g. 212.4). `cold_starts` is the nearest whole number, `expected_cold_starts`
  // the model's value.
  const evaluation e = evaluator<aws_lambda>{}.evaluate(orders_api());
  const usage& u = e.options[0].use;
  REQUIRE(u.cold_starts.value() != std::round(u.cold_starts.value()));
  const std::string json = report::json(e);
  char whole[64];
  std::snprintf(whole, sizeof whole, "\"cold_starts\": %.0f,", std::round(u.cold_starts.value()));
  CHECK(contains(json, whole));
  CHECK(contains(json, "\"expected_cold_starts\": "));
  CHECK(contains(json, "\"mean_busy_instances\": "));
  CHECK(contains(json, "\"peak_instances\": " + std::to_string(static_cast<int>(u.peak_instances)) + ","));
}

TEST_CASE("scores print with two decimals in the text and Markdown tables") {
  CHECK(detail::format_score(0.6) == "0.60");
  CHECK(detail::format_score(0.5) == "0.50");
  CHECK(detail::format_score(0.856) == "0.86");
  const evaluation e = evaluator<aws_lambda, aws_fargate>{}.evaluate(orders_api());
  const std::string text = report::text(e), md = report::markdown(e);
  for (const auto& o : e.options) {
    CAPTURE(o.platform);
    CHECK(contains(text, "  " + detail::format_score(o.score) + "  "));
    CHECK(contains(md, " | " + detail::format_score(o.score) + " | "));
  }
}
