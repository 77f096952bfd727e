// Issue 23, item 6: a bill line carries what it bills — quantity, unit and unit price — so that
// "compute $25.00" reads "1,500,000 GB-s × $0.0000166667", what a FinOps reader checks by hand.
// Prices are the providers' published ones, as docs/pricing.md lists them with their pages:
// Lambda x86_64 $0.20 per million requests and $0.0000166667 per GB-s; Fargate Linux x86_64
// $0.04048 per vCPU-hour and $0.004445 per GB-hour; the EKS control plane $0.10 per cluster-hour;
// Cloud Run request-based $0.000024 per vCPU-s, $0.0000025 per GiB-s, $0.40 per million requests.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <runwise/report.hpp>
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

using namespace runwise;

namespace {

/// The README's built-in example: 3 M requests a month of 1 s at 512 MB and 0.25 vCPU, diurnal
/// with peaks 3x the mean, over 730 h.
workload example() {
  return workload{.name = "orders-api",
                  .traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60},
                                          {.pattern = traffic_pattern::diurnal, .peak_to_mean = 3}),
                  .duration = {milliseconds(1000)},
                  .memory = megabytes{512},
                  .cpu = vcpu{0.25}};
}

using all_platforms = evaluator<aws_lambda, aws_fargate, aws_ecs_ec2, aws_eks_ec2, aws_eks_fargate, gcp_cloud_run,
                                azure_functions, azure_container_apps>;

const option_result& option(const evaluation& e, std::string_view id) {
  for (const auto& o : e.options)
    if (o.platform == id) return o;
  FAIL("no option " << id);
  return e.options.front();
}

const line_item& line(const option_result& o, std::string_view name) {
  const line_item* l = o.cost.find(name);
  REQUIRE_MESSAGE(l != nullptr, o.platform << " has no line " << name);
  return *l;
}

/// Every line of every feasible option bills quantity × unit price = amount.
void check_lines_add_up(const evaluation& e) {
  for (const auto& o : e.options) {
    if (!o.feasible) continue;
    for (const auto& l : o.cost) {
      INFO(o.platform << " " << l.name);
      REQUIRE(!l.unit.empty());
      CHECK(l.quantity * l.unit_price == doctest::Approx(l.amount.value()).epsilon(1e-9));
    }
  }
}

}  // namespace

TEST_CASE("a bill line keeps what it charges for: one price, parts in one unit, parts in two, adjustments") {
  cost_breakdown b;
  b.add("compute", gb_seconds{1.5e6} * price<gb_seconds>{0.0000166667});
  CHECK(b.find("compute")->quantity == 1.5e6);
  CHECK(b.find("compute")->unit == "GB-s");
  CHECK(b.find("compute")->unit_price == 0.0000166667);
  // A second tier: 500,000 GB-s more at $0.000015 → 2 M GB-s for $25.00005 + $7.50 = $32.50005,
  // a blended $0.0000162500 per GB-s.
  b.add("compute", gb_seconds{5e5} * price<gb_seconds>{0.000015});
  CHECK(b.find("compute")->quantity == 2e6);
  CHECK(b.find("compute")->unit_price == doctest::Approx(32.50005 / 2e6).epsilon(1e-12));
  // A 10% discount without a quantity lowers the price, not the quantity: $29.250045 / 2 M GB-s.
  b.add("compute", usd{-3.250005});
  CHECK(b.find("compute")->quantity == 2e6);
  CHECK(b.find("compute")->unit_price == doctest::Approx(29.250045 / 2e6).epsilon(1e-12));
  // vCPU-s and GB-s in one line: no single quantity.
  b.add("idle", vcpu_seconds{10} * price<vcpu_seconds>{0.000003});
  b.add("idle", gb_seconds{20} * price<gb_seconds>{0.000003});
  CHECK(b.find("idle")->unit.empty());
  CHECK(b.find("idle")->amount.value() == doctest::Approx(0.00009));
}

TEST_CASE("the built-in example's bill lines, derived by hand") {
  const evaluation e = all_platforms{}.evaluate(example());
  check_lines_add_up(e);
  // Lambda: 3,000,000 requests × $0.0000002 = $0.60; 3 M × 1 s × 0.5 GB = 1,500,000 GB-s of
  // duration at $0.0000166667 (plus the INIT GB-s of its cold starts on their own line).
  const option_result& lambda = option(e, "aws_lambda");
  CHECK(line(lambda, "requests").quantity == doctest::Approx(3e6));
  CHECK(line(lambda, "requests").unit == "requests");
  CHECK(line(lambda, "requests").unit_price == doctest::Approx(0.0000002));
  CHECK(line(lambda, "compute").quantity == doctest::Approx(1.5e6));
  CHECK(line(lambda, "compute").unit == "GB-s");
  CHECK(line(lambda, "compute").unit_price == doctest::Approx(0.0000166667).epsilon(1e-9));
  // Cloud Run at concurrency 1: each 1 s request keeps one 0.25 vCPU / 0.5 GiB instance busy for
  // exactly 1 s (a whole number of 100 ms): 750,000 vCPU-s × $0.000024 = $18.00 and 1,500,000 GiB-s
  // × $0.0000025 = $3.75.
  const option_result& run = option(e, "gcp_cloud_run");
  CHECK(line(run, "vcpu").quantity == doctest::Approx(750'000));
  CHECK(line(run, "vcpu").unit_price == doctest::Approx(0.000024));
  CHECK(line(run, "memory").quantity == doctest::Approx(1.5e6));
  // Fargate's fleet is the 5 tasks its usage reports, all month: 5 × 0.25 vCPU × 730 h = 912.5
  // vCPU-h at $0.04048 and 5 × 0.5 GB × 730 h = 1,825 GB-h at $0.004445.
  const option_result& fargate = option(e, "aws_fargate");
  REQUIRE(fargate.use.mean_instances == doctest::Approx(5));
  CHECK(line(fargate, "vcpu").quantity == doctest::Approx(912.5));
  CHECK(line(fargate, "vcpu").unit == "vCPU-h");
  CHECK(line(fargate, "vcpu").unit_price == 0.04048);
  CHECK(line(fargate, "memory").quantity == doctest::Approx(1825));
  CHECK(line(fargate, "memory").unit_price == 0.004445);
  // EKS: one control plane for 730 cluster-hours at $0.10 = $73.00.
  const line_item& plane = line(option(e, "aws_eks_ec2"), "control_plane");
  CHECK(plane.quantity == 730);
  CHECK(plane.unit == "cluster-h");
  CHECK(plane.unit_price == 0.10);
  // The text report prints the line as a reader checks it.
  CHECK(report::text(e).find("1,500,000 GB-s × $0.0000166667") != std::string::npos);
  CHECK(report::text(e).find("912.5 vCPU-h × $0.04048") != std::string::npos);
}

TEST_CASE("front doors, provisioned concurrency and ephemeral storage bill lines that add up") {
  evaluator<aws_lambda, aws_fargate, aws_eks_fargate> ev;
  ev.config<aws_lambda>().entry.kind = pricing::aws::front_door::api_gateway_http;
  ev.config<aws_lambda>().capacity.provisioned_concurrency = 2;
  ev.config<aws_lambda>().billing.ephemeral_storage_mb = 1024;
  ev.config<aws_fargate>().entry.kind = pricing::aws::front_door::alb;
  const evaluation e = ev.evaluate(example());
  check_lines_add_up(e);
  const option_result& lambda = option(e, "aws_lambda");
  // API Gateway HTTP: 3 M requests of at most 512 KB at $1.00 per million = $3.00, $0.000001 each.
  CHECK(line(lambda, "api_gateway").quantity == doctest::Approx(3e6));
  CHECK(line(lambda, "api_gateway").unit_price == doctest::Approx(0.000001));
  CHECK(line(lambda, "provisioned_concurrency").unit == "GB-s");
  CHECK(line(lambda, "ephemeral_storage").unit == "GB-s");
  // The ALB: 730 hours at its hourly rate, and its LCU-hours.
  const option_result& fargate = option(e, "aws_fargate");
  CHECK(line(fargate, "alb_hours").quantity == 730);
  CHECK(line(fargate, "alb_hours").unit == "ALB-h");
  CHECK(line(fargate, "alb_lcu").unit == "LCU-h");
}
