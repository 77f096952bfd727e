// A hybrid application: an always-busy API and an image-resize task triggered by uploads. runwise
// places each component where the application costs least, with the fixed costs of components that
// share a platform counted once; the rarely triggered task leaves the cluster for functions.
#include <runwise/application.hpp>

#include <cstdio>
#include <string>

int main() {
  using namespace runwise;
  const workload api{.name = "api",
                     .traffic = make_traffic(95, hours(730), seconds{60}),  // 95 requests/s, all month
                     .duration = {milliseconds(100)},
                     .memory = megabytes{512}};
  const workload resize{.name = "resize",
                        .traffic = make_traffic(20'000 / hours(730).value(), hours(730), seconds{60}),
                        .duration = {milliseconds(2000)},
                        .memory = megabytes{2048},
                        .cpu = vcpu{1}};
  const application shop{.name = "shop", .components = {{api, trigger::http}, {resize, trigger::storage}}};

  const application_evaluation r = evaluate_application(
      shop, {select<aws_lambda>({}), select<aws_fargate>({}), select<aws_ecs_ec2>({}), select<aws_eks_ec2>({})});

  for (const placed_component& c : r.components)
    std::printf("%-7s -> %s (%s) %s\n", c.name.c_str(), c.platform.c_str(), std::string(to_string(c.kind)).c_str(),
                to_string(c.share).c_str());
  std::printf("=> %s, %s a month (each component on its own cheapest platform: %s)\n",
              std::string(to_string(r.advice.kind)).c_str(), to_string(r.total).c_str(),
              to_string(r.greedy_total).c_str());
  for (const std::string& why : r.advice.reasons) std::printf("  - %s\n", why.c_str());
}
