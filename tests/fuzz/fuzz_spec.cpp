// libFuzzer harness: the CLI's JSON spec reader, then the evaluation of what it accepts. Invalid
// input must end in runwise::error (exit code 2 in the CLI); anything else — a crash, a sanitizer
// report, another exception — is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const nlohmann::json::exception&) {
    return 0;  // not JSON: the CLI reports it as invalid input
  }
  try {
    const runwise_cli::spec s = runwise_cli::read_spec(j);
    // Evaluate small horizons only, so that each input runs in milliseconds.
    if (s.application) {
      bool small = s.application->components.size() <= 3;
      for (const auto& c : s.application->components) small = small && c.work.traffic.size() <= 500;
      if (small) (void)runwise::evaluate_application(*s.application, s.platforms);
    } else if (s.workload.traffic.size() <= 500) {
      (void)runwise::evaluate_selected(s.workload, s.platforms);
    }
  } catch (const runwise::error& e) {
    if (e.code() == runwise::errc::internal) throw;  // a bug, not bad input
  }
  return 0;
}
