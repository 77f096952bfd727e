// SPDX-License-Identifier: MIT
// Your own `runwise`: the whole CLI (every command, flag and output) over the platforms runwise
// ships plus one of your own, here "team_k8s", the platform team's Kubernetes cluster charged back
// per pod vCPU-hour and GB-hour (made-up rates; set yours in a spec's "platforms" entry).
// The platform is the short path: an existing capacity model (simulate::container_fleet: a fleet
// of pods, fixed or autoscaled) with a billing rule of your own. examples/custom_provider is the
// full path (a billing policy type, limits, a steady-state quote).
#include "../cli/app.hpp"

using namespace runwise;

// ---- the platform: its settings and a 16-line type over an existing capacity model ----
struct chargeback {  // the billing rule's settings, as a spec names them
  struct config {
    double per_vcpu_hour = 0.02, per_gb_hour = 0.003;
    template <class Self, class V>
    static void visit(Self& c, V& v) {
      v.number("per_vcpu_hour", c.per_vcpu_hour, 0, 100);
      v.number("per_gb_hour", c.per_gb_hour, 0, 100);
    }
  };
};

struct team_k8s : composed_platform<simulate::container_fleet, chargeback> {
  static constexpr std::string_view id = "team_k8s";
  static constexpr platform_kind kind = platform_kind::containers;
  static constexpr platform_traits traits{.runs_on = hosting::instances, .orchestrator = orchestration::kubernetes};
  static constexpr cost_breakdown bill(seconds pod_time, vcpu cpu, megabytes memory, const config& c) {
    return cost_breakdown{}
        .add("vcpu", to_vcpu_hours(cpu * pod_time) * runwise::price<vcpu_hours>{c.billing.per_vcpu_hour})
        .add("memory", to_gb_hours(memory * pod_time) * runwise::price<gb_hours>{c.billing.per_gb_hour});
  }
  static cost_breakdown price(const workload& w, const usage& u, const config& c) {
    return bill(u.horizon * u.mean_instances, w.cpu, w.memory, c);  // pod-seconds the fleet ran
  }
  static constexpr cost_breakdown quote(const steady_workload& s, const config& c) {
    return bill(s.horizon * steady_task_count(s, c), s.cpu, s.memory, c);
  }
};
// ---- end of the platform ----

int main(int argc, char** argv) { return runwise_cli::run<registry<catalog::append<team_k8s>>>(argc, argv); }
