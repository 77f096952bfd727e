// A provider runwise does not ship, written as one policy type and evaluated beside AWS Lambda.
// "acme functions" is made up: $0.30 per million requests, $0.000012 per GB-s with every invocation
// rounded up to 10 ms, and a flat $5 a month per function.
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

#include <cstdio>

using namespace runwise;

// ---- the policy code: the billing formula and the platform ----
struct acme_billing {
  struct config {
    double per_million = 0.30, per_gb_second = 0.000012, monthly_fee = 5;
    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.number("per_million", c.per_million, 0, 100);
      v.number("per_gb_second", c.per_gb_second, 0, 1);
      v.number("monthly_fee", c.monthly_fee, 0, 1e4);
    }
  };
  static constexpr cost_breakdown bill(const config& c, requests n, duration_model d, megabytes m, seconds horizon) {
    const double months = to_hours(horizon) / 730;
    return cost_breakdown{}  // each line keeps its quantity and unit price: 3 M requests × $0.0000003, ...
        .add("requests", n * price<requests>{c.per_million / 1e6})
        .add("compute", (m * (d.expected_billed(milliseconds(10)) * n.value())) * price<gb_seconds>{c.per_gb_second})
        .add("fee", usd{c.monthly_fee * months}, measure{months, "month", c.monthly_fee});
  }
};

// No hard limits of its own (the default, no_limits): every workload fits.
struct acme_functions : composed_platform<simulate::function_instances, acme_billing> {
  static constexpr std::string_view id = "acme_functions";
  static constexpr platform_kind kind = platform_kind::serverless;
  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    return acme_billing::bill(c.billing, u.served, w.duration, w.memory, u.horizon);
  }
  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    return acme_billing::bill(c.billing, s.total(), s.duration, s.memory, s.horizon);
  }
};
// ---- end of the policy code ----

static_assert(platform<acme_functions>);

int main() {
  const workload api{.name = "thumbnails",
                     .traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60}),
                     .duration = {milliseconds(100)},
                     .memory = megabytes{512}};
  const evaluation e = evaluator<aws_lambda, acme_functions>{}.evaluate(api);
  for (const auto& o : e.options) std::printf("%-15s %s\n", o.platform.c_str(), to_string(o.cost.total()).c_str());
  std::printf("-> %s\n", e.advice.platform.c_str());
}
