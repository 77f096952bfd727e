// Issue 24, item 10: text from users that must not reach a report raw, and a byte-order mark that
// must not reach a reader. Expectations written by hand from the byte values (ESC = 0x1b,
// BEL = 0x07, NUL = 0x00, DEL = 0x7f; the UTF-8 byte-order mark is EF BB BF).

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include <runwise/report.hpp>
#include <runwise/runwise.hpp>
#include <runwise/providers.hpp>
#include <runwise/trace/azure_2019_invocations.hpp>

using namespace runwise;
using namespace std::string_literals;

TEST_CASE("control characters in a name are printed as \\xNN, and UTF-8 passes through") {
  const std::string name = "a\x1b[31m\x07"s + '\0' + "b\x7f\n\u00e9";
  CHECK(detail::printable(name) == "a\\x1b[31m\\x07\\x00b\\x7f\\x0a\u00e9");
  CHECK(detail::printable("orders-api") == "orders-api");
  // Markdown cells turn line breaks into spaces and escape the rest; SVG keeps only tab and line
  // breaks, the control characters XML 1.0 allows.
  CHECK(runwise::detail::markdown_cell("x|\x1b\ny") == "x\\|\\x1b y");
  CHECK(runwise::detail::xml_escape("<\x1b\t&") == "&lt;\\x1b\t&amp;");
}

TEST_CASE("a text report prints an escaped workload name") {
  workload w{.name = "api\x1b[2J",
             .traffic = make_traffic(1, hours(1), seconds{60}),
             .duration = {milliseconds(100)},
             .memory = megabytes{128}};
  const std::string text = report::text(evaluator<aws_lambda>{}.evaluate(w));
  CHECK(text.find("| api\\x1b[2J |") != std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  const std::string md = report::markdown(evaluator<aws_lambda>{}.evaluate(w));
  CHECK(md.find('\x1b') == std::string::npos);
}

TEST_CASE("a UTF-8 byte-order mark before the header is skipped, and only there") {
  auto source = detail::line_source::from_text("\xEF\xBB\xBFHashOwner,x\n\xEF\xBB\xBFsecond\n", "bom.csv");
  std::string_view line;
  REQUIRE(source.next(line));
  CHECK(line == "HashOwner,x");
  REQUIRE(source.next(line));
  CHECK(line == "\xEF\xBB\xBFsecond");  // a mark inside the file is data (and an error where it is wrong)
  // The 2019 invocations reader takes an exported file with the mark: one function, 3 + 4 calls.
  auto reader = trace::azure_2019_invocations_reader(
      detail::line_source::from_text("\xEF\xBB\xBFHashOwner,HashApp,HashFunction,Trigger,1,2\no,a,f,http,3,4\n", "x.csv"));
  trace::azure_2019_function_minutes row;
  REQUIRE(reader.next(row));
  CHECK(row.function == "f");
  CHECK(row.counts.size() == 2);
  CHECK(row.counts[0] + row.counts[1] == 7);
}
