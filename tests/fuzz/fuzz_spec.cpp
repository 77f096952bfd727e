// libFuzzer harness: the CLI's JSON reader (duplicate keys included) and spec reader, then the evaluation of what it accepts. Invalid
// input must end in runwise::error (exit code 2 in the CLI); anything else — a crash, a sanitizer
// report, another exception — is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "json_text.hpp"
#include "spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    // The CLI's own JSON reader: invalid JSON and duplicate keys are runwise::error too.
    const nlohmann::json j =
        runwise_cli::parse_json(std::string(reinterpret_cast<const char*>(data), size), "<fuzz>");
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
