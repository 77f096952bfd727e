// Issue 15, item 5: reasons that hide cost. A recommendation dearer than an option that keeps up
// says by how much a month; a hosting line that prefers the lower score says why. Dollar figures
// are derived from the providers' published prices, as docs/pricing.md lists them with their
// pages (Lambda x86_64 $0.20 per million requests and $0.0000166667 per GB-s; Fargate Linux x86_64
// $0.04048 per vCPU-hour and $0.004445 per GB-hour).

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

using namespace runwise;

namespace {

/// `per_second` requests a second of 1 s at 512 MB and 0.25 vCPU, for `months` of 730 hours; no
/// INIT time, so Lambda's bill is requests and GB-s alone.
workload steady(double per_second, double months = 1) {
  workload w{.name = "steady",
             .traffic = make_traffic(per_second, hours(730 * months), seconds{60}),
             .duration = {milliseconds(1000)},
             .memory = megabytes{512},
             .cpu = vcpu{0.25}};
  w.init = seconds{0};
  return w;
}

bool says(const std::vector<std::string>& reasons, std::string_view part) {
  return std::any_of(reasons.begin(), reasons.end(),
                     [&](const std::string& r) { return r.find(part) != std::string::npos; });
}

/// A criterion that prefers Lambda whatever it measured: lets a test make the option that cannot
/// keep up the higher-scored one.
struct favours_lambda {
  static constexpr std::string_view name = "favour";
  static criteria::assessment assess(const criteria::criterion_input& in) {
    return {in.option.platform == "aws_lambda" ? 1.0 : 0.5, "favoured or not"};
  }
};
using favouring = decide::by_criteria<decide::sum_rule, type_list<favours_lambda>>;

}  // namespace

TEST_CASE("a recommendation dearer than an option that keeps up says how much more a month") {
  // 1 request/s for 730 h = 2,628,000 requests of 1 s at 0.5 GB.
  //   Lambda:  2.628 M × $0.20/M = $0.5256, + 1,314,000 GB-s × $0.0000166667 = $21.9000 → $22.4256.
  //   Fargate: 1 request/s needs 1 busy task; at the 70% target, ceil(1 / 0.7) = 2 tasks of
  //            0.25 vCPU / 0.5 GB: 2 × 730 h × (0.25 × $0.04048 + 0.5 × $0.004445) = $18.0200.
  // Maintenance alone (Lambda 2 ops hours, Fargate 6) recommends Lambda, $22.4256 − $18.0200 =
  // $4.4056 → "$4.41 a month more than aws_fargate".
  evaluator<aws_lambda, aws_fargate> ev;
  ev.preferences().weights = {{"maintenance", 1}};
  const evaluation e = ev.evaluate(steady(1));
  REQUIRE(e.advice.platform == "aws_lambda");
  CHECK(says(e.advice.reasons,
             "cost: aws_lambda costs $4.41 a month more than aws_fargate, the cheapest option that "
             "keeps up ($22.43 against $18.02 a month)"));

  // Over two months both totals double, and the gap per month stays $4.41.
  const evaluation two = ev.evaluate(steady(1, 2));
  REQUIRE(two.advice.platform == "aws_lambda");
  CHECK(says(two.advice.reasons, "$4.41 a month more than aws_fargate"));
}

TEST_CASE("the cheapest recommendation, and cheaper options that cannot keep up, add no cost gap") {
  // On cost alone Fargate ($18.02) wins: nothing that keeps up is cheaper.
  evaluator<aws_lambda, aws_fargate> by_cost;
  by_cost.preferences().weights = {{"cost", 1}};
  const evaluation cheap = by_cost.evaluate(steady(1));
  REQUIRE(cheap.advice.platform == "aws_fargate");
  CHECK_FALSE(says(cheap.advice.reasons, "a month more than"));

  // One Fargate task serves 1 request/s; at 2 requests/s half the traffic waits, so Fargate is
  // cheaper (1 task, $9.01) but cannot keep up, and Lambda's reasons owe it no comparison.
  evaluator<aws_lambda, aws_fargate> small;
  small.config<aws_fargate>().capacity.tasks = 1;
  small.preferences().weights = {{"maintenance", 1}};
  const evaluation e = small.evaluate(steady(2));
  REQUIRE(e.advice.platform == "aws_lambda");
  CHECK_FALSE(says(e.advice.reasons, "a month more than aws_fargate"));
}

TEST_CASE("the verdict says when the higher-scored option cannot keep up") {
  // Lambda with a concurrency limit of 1 at 2 requests/s of 1 s throttles about half the requests:
  // it scores 1 on the favouring criterion against 0.5 for ECS on EC2, yet ranks after it.
  evaluator<aws_lambda, aws_ecs_ec2, favouring> ev;
  ev.config<aws_lambda>().capacity.concurrency_limit = 1;
  ev.preferences().weights = {{"favour", 1}};
  const evaluation e = ev.evaluate(steady(2));
  REQUIRE(e.advice.platform == "aws_ecs_ec2");
  CHECK(says(e.advice.reasons, "for aws_lambda, the best serverless option, which scores higher but cannot keep up"));
}

TEST_CASE("the hosting line says why it prefers the lower score") {
  // 2 requests/s of 1 s. Fargate pinned to 1 task (1 request/s) leaves half the requests late and
  // cannot keep up; ECS on EC2 (sized for the peak) and Lambda keep up. On maintenance alone,
  // normalised by Lambda's 2 ops hours: Fargate 2 / 6 = 0.33, ECS on EC2 2 / 16 = 0.125. ECS on
  // EC2 is the best container option although Fargate scores higher.
  evaluator<aws_lambda, aws_fargate, aws_ecs_ec2> ev;
  ev.config<aws_fargate>().capacity.tasks = 1;
  ev.preferences().weights = {{"maintenance", 1}};
  const evaluation e = ev.evaluate(steady(2));
  REQUIRE(e.hosting.has_value());
  REQUIRE(e.hosting->platform == "aws_ecs_ec2");
  REQUIRE(!e.hosting->reasons.empty());
  const std::string& line = e.hosting->reasons.front();
  CAPTURE(line);
  CHECK(
      line.starts_with("hosting: aws_ecs_ec2 on instances you run (0.13) over aws_fargate on hosts the provider "
                       "runs (0.33), preferred although its score is lower because aws_fargate cannot keep up ("));
  CHECK(line.find("requests late)") != std::string::npos);
}
