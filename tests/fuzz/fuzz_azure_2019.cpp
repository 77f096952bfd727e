// libFuzzer harness: the three Azure Functions 2019 readers on arbitrary text; the first byte picks
// the reader (invocations, durations, memory).
#include <cstddef>
#include <cstdint>
#include <string>

#include <runwise/trace/azure_2019_durations.hpp>
#include <runwise/trace/azure_2019_invocations.hpp>
#include <runwise/trace/azure_2019_memory.hpp>

namespace {
template <class Reader, class Row>
void read_all(std::string text) {
  runwise::detail::read_rows<Row>(Reader(runwise::detail::line_source::from_text(std::move(text), "fuzz.csv")),
                                  [](const Row&) {});
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    switch (data[0] % 3) {
      case 0:
        read_all<runwise::trace::azure_2019_invocations_reader, runwise::trace::azure_2019_function_minutes>(
            std::move(text));
        break;
      case 1:
        read_all<runwise::trace::azure_2019_durations_reader, runwise::trace::azure_2019_duration_row>(std::move(text));
        break;
      default:
        read_all<runwise::trace::azure_2019_memory_reader, runwise::trace::azure_2019_memory_row>(std::move(text));
    }
  } catch (const runwise::error& e) {
    if (e.code() == runwise::errc::internal) throw;
  }
  return 0;
}
