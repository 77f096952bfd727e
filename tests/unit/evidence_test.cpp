// Issue 15, item 4: the criteria's evidence sentences must say only what is true of each platform.
// Every platform of the catalog is checked against a table of what it is, written here by hand from
// the providers' documentation (not from the traits the code declares), then the sentences of the
// maintenance, control, scalability, testing and deployment-time criteria are read for each and
// checked against that table, on two workloads: the README's main job (a daily wave) and the same
// volume at a constant rate (where an autoscaler keeps one count all month).

#include <doctest/doctest.h>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>

using namespace runwise;

namespace {

/// What a platform is, from its documentation.
struct facts {
  std::string_view id;
  hosting runs_on;
  bool kubernetes;
  bool image;          // you deploy your own container image (base OS, runtime versions)
  bool kernel;         // kernel, AMI, privileged containers are yours (EC2)
  bool gpu;            // GPUs as runwise models them (EC2 GPU instances only)
  bool long_running;   // a process may outlive a request
  bool state;          // memory survives between requests
  bool connections;    // WebSockets / streams held open
  bool scales_itself;  // capacity follows demand with the defaults runwise uses
};

// Lambda and Azure Functions (Consumption): the provider's runtime, none of the seven capabilities,
// scaled by the provider. Fargate, EKS on Fargate: your image on AWS-run hosts; ECS/EKS on EC2 add
// the instances' kernel and GPU types. The four ECS/EKS options run runwise's default `fixed` policy
// (the article's pre-determined count). Cloud Run and Container Apps deploy your container image
// ("Container runtime contract"; "Containers in Azure Container Apps"), keep WebSockets open and
// long requests (Cloud Run: up to 60 minutes), and scale by themselves (Cloud Run's autoscaling,
// Container Apps' default HTTP scale rule); neither gives the kernel, and runwise prices no GPU on
// either.
constexpr std::array<facts, 8> table{{
    {"aws_lambda", hosting::functions, false, false, false, false, false, false, false, true},
    {"aws_fargate", hosting::managed_containers, false, true, false, false, true, true, true, false},
    {"aws_ecs_ec2", hosting::instances, false, true, true, true, true, true, true, false},
    {"aws_eks_ec2", hosting::instances, true, true, true, true, true, true, true, false},
    {"aws_eks_fargate", hosting::managed_containers, true, true, false, false, true, true, true, false},
    {"gcp_cloud_run", hosting::managed_containers, false, true, false, false, true, true, true, true},
    {"azure_functions", hosting::functions, false, false, false, false, false, false, false, true},
    {"azure_container_apps", hosting::managed_containers, false, true, false, false, true, true, true, true},
}};

constexpr const facts& facts_of(std::string_view id) {
  for (const auto& f : table)
    if (f.id == id) return f;
  throw std::logic_error("no facts for this platform");
}

using everything = evaluator<aws_lambda, aws_fargate, aws_ecs_ec2, aws_eks_ec2, aws_eks_fargate, gcp_cloud_run,
                             azure_functions, azure_container_apps>;

/// The README's main job: 3 M requests a month in a daily wave peaking at 3x the mean, 1 s each,
/// 512 MB, 0.25 vCPU (examples/cli/builtin_spec.hpp); or the same volume at a constant rate.
workload orders_api(traffic_pattern pattern) {
  traffic_shape shape{.pattern = pattern};
  if (pattern != traffic_pattern::constant) shape.peak_to_mean = 3;
  return {.name = "orders-api",
          .traffic = make_traffic(3e6 / hours(730).value(), hours(730), seconds{60}, shape),
          .duration = {milliseconds(1000)},
          .memory = megabytes{512},
          .cpu = vcpu{0.25}};
}

const evaluation& evaluated(traffic_pattern pattern) {
  static const evaluation wave = everything{}.evaluate(orders_api(traffic_pattern::diurnal));
  static const evaluation flat = everything{}.evaluate(orders_api(traffic_pattern::constant));
  return pattern == traffic_pattern::constant ? flat : wave;
}

const option_result& option(const evaluation& e, std::string_view id) {
  for (const auto& o : e.options)
    if (o.platform == id) return o;
  throw std::runtime_error("no option " + std::string(id));
}
double score_of(const option_result& o, std::string_view criterion) {
  for (const auto& [name, s] : o.scores)
    if (name == criterion) return s;
  throw std::runtime_error("no score " + std::string(criterion));
}
std::string evidence_of(const option_result& o, std::string_view criterion) {
  for (const auto& [name, s] : o.evidence)
    if (name == criterion) return s;
  throw std::runtime_error("no evidence " + std::string(criterion));
}
bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

/// Hours as the evidence prints them: "about 16 h", "about 6 ops hours".
std::string hours_text(double h) { return detail::format_number(h); }

}  // namespace

TEST_CASE_TEMPLATE("each platform declares the traits its documentation gives it", P, aws_lambda, aws_fargate,
                   aws_ecs_ec2, aws_eks_ec2, aws_eks_fargate, gcp_cloud_run, azure_functions, azure_container_apps) {
  const facts& f = facts_of(P::id);
  constexpr platform_traits t = traits_of<P>();
  const std::string id(P::id);
  CAPTURE(id);
  CHECK(t.runs_on == f.runs_on);
  CHECK((t.orchestrator == orchestration::kubernetes) == f.kubernetes);
  CHECK(t.own_os_image == f.image);
  CHECK(t.own_kernel == f.kernel);
  CHECK(t.gpu == f.gpu);
  CHECK(t.long_running == f.long_running);
  CHECK(t.in_process_state == f.state);
  CHECK(t.persistent_connections == f.connections);
  CHECK(t.runs_locally == f.image);  // an image runs under docker; a managed runtime does not
}

TEST_CASE_TEMPLATE("each platform's evidence says only what is true of it", P, aws_lambda, aws_fargate, aws_ecs_ec2,
                   aws_eks_ec2, aws_eks_fargate, gcp_cloud_run, azure_functions, azure_container_apps) {
  const facts& f = facts_of(P::id);
  const std::string id(P::id);
  const bool aws = id.starts_with("aws_");
  for (const auto pattern : {traffic_pattern::diurnal, traffic_pattern::constant}) {
    const option_result& o = option(evaluated(pattern), id);
    CAPTURE(id);
    const std::string shape(to_string(pattern));
    CAPTURE(shape);
    REQUIRE(o.feasible);

    // Control: 0.2 + 0.8 × capabilities / 7 (the workload needs none, so nothing halves it).
    const int n = int{f.image} + int{f.kernel} + int{f.gpu} + int{f.long_running} + int{f.state} + int{f.connections} +
                  int{f.kubernetes};
    CHECK(score_of(o, "control") == doctest::Approx(0.2 + 0.8 * n / 7.0));
    const std::string control = evidence_of(o, "control");
    CAPTURE(control);
    const auto split = control.find("; no ");
    const std::string had = control.substr(0, split);
    const std::string lacks = split == std::string::npos ? std::string() : control.substr(split);
    CHECK(has(had, "runs your own image") == f.image);
    CHECK(has(lacks, "OS image") == !f.image);
    CHECK(has(had, "kernel, AMI and privileges you control") == f.kernel);
    CHECK(has(lacks, "kernel access") == !f.kernel);
    CHECK(has(had, "GPU") == f.gpu);
    CHECK(has(lacks, "GPU") == !f.gpu);
    CHECK(has(had, "long-running") == f.long_running);
    CHECK(has(lacks, "long-running") == !f.long_running);
    CHECK(has(had, "in-process state") == f.state);
    CHECK(has(lacks, "in-process state") == !f.state);
    CHECK(has(had, "persistent connections") == f.connections);
    CHECK(has(lacks, "persistent connections") == !f.connections);
    CHECK(has(control, "Kubernetes") == f.kubernetes);

    // Testing: an image runs under docker (score 1); a managed runtime is emulated (0.5) by its
    // own vendor's tools: SAM CLI / LocalStack are AWS's, Core Tools / Azurite Azure's.
    const std::string testing = evidence_of(o, "testing");
    CAPTURE(testing);
    CHECK(score_of(o, "testing") == (f.image ? 1.0 : 0.5));
    CHECK(has(testing, "docker run") == f.image);
    CHECK(has(testing, "emulated") == !f.image);
    CHECK(has(testing, "kind") == f.kubernetes);
    if (!aws) CHECK_FALSE((has(testing, "SAM CLI") || has(testing, "LocalStack")));
    if (id != "azure_functions") CHECK_FALSE((has(testing, "Core Tools") || has(testing, "Azurite")));
    if (id == "aws_lambda") CHECK(has(testing, "SAM CLI"));
    if (id == "azure_functions") CHECK((has(testing, "Azure Functions Core Tools") && has(testing, "Azurite")));

    // Scalability: nothing is late or throttled here (the fleets are sized for the peak, the
    // autoscalers follow it), so an autoscaler scores 1 and a fixed fleet 0.8; only the fixed
    // fleet may be called pre-determined.
    const std::string scale = evidence_of(o, "scalability");
    CAPTURE(scale);
    CHECK(has(scale, "every request is served on time"));
    CHECK(has(scale, "pre-determined") == !f.scales_itself);
    CHECK(has(scale, "will not grow") == !f.scales_itself);
    CHECK(has(scale, "scales with demand") == f.scales_itself);
    CHECK(score_of(o, "scalability") == doctest::Approx(f.scales_itself ? 1.0 : 0.8));

    // Maintenance (criteria::assumptions): functions 2, managed containers 6, instances 16 ops
    // hours a month, Kubernetes + 12; whoever owns an image patches it.
    const double ops = (f.runs_on == hosting::functions            ? 2
                        : f.runs_on == hosting::managed_containers ? 6
                                                                   : 16) +
                       (f.kubernetes ? 12 : 0);
    const std::string upkeep = evidence_of(o, "maintenance");
    CAPTURE(upkeep);
    CHECK(has(upkeep, "about " + hours_text(ops) + " ops hours a month"));
    CHECK(has(upkeep, "image") == f.image);
    CHECK(has(upkeep, "provider patches, scales and runs every server") == (f.runs_on == hosting::functions));
    CHECK(has(upkeep, "you patch and scale the instances") == (f.runs_on == hosting::instances));
    CHECK(has(upkeep, "upgrade Kubernetes") == f.kubernetes);
    // Lambda and Azure Functions need the fewest hours (2): score = 2 / ops.
    CHECK(score_of(o, "maintenance") == doctest::Approx(2 / ops));

    // Deployment time: setup 4 h (functions), 16 (managed containers), 24 (instances), + 16 for
    // Kubernetes, over 12 months; 20 deploys a month at 2 min (functions) or 6 (containers, + 1
    // for Kubernetes). Functions: 4 / 12 + 20 × 2 / 60 = 1 h a month, the least.
    const double setup = (f.runs_on == hosting::functions            ? 4
                          : f.runs_on == hosting::managed_containers ? 16
                                                                     : 24) +
                         (f.kubernetes ? 16 : 0);
    const double minutes = (f.runs_on == hosting::functions ? 2 : 6) + (f.kubernetes ? 1 : 0);
    const std::string deploy = evidence_of(o, "deployment_time");
    CAPTURE(deploy);
    CHECK(has(deploy, "about " + hours_text(setup) + " h to set up, then " + hours_text(minutes) + " min per deploy"));
    CHECK(score_of(o, "deployment_time") == doctest::Approx(1.0 / (setup / 12 + 20 * minutes / 60)));
  }
}
