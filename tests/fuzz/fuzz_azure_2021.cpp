// libFuzzer harness: the Azure Functions 2021 per-invocation reader on arbitrary text.
#include <cstddef>
#include <cstdint>
#include <string>

#include <runwise/trace/azure_2021_invocations.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    runwise::detail::read_rows<runwise::trace::azure_2021_invocation>(
        runwise::trace::azure_2021_reader(runwise::detail::line_source::from_text(
            std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv")),
        [](const runwise::trace::azure_2021_invocation&) {});
  } catch (const runwise::error& e) {
    if (e.code() == runwise::errc::internal) throw;
  }
  return 0;
}
