// The library's JSON writer: RFC 8259 escapes, numbers that read back exactly, structure, misuse.
#include <doctest/doctest.h>

#include <cstdlib>
#include <limits>
#include <string>

#include <runwise/report/json.hpp>
#include <runwise/report/json_writer.hpp>

using runwise::report::json_writer;

namespace {
std::string one_line(double x) {
  json_writer j(0);
  j.begin_array().value(x).end_array();
  std::string s = std::move(j).str();
  return s.substr(1, s.size() - 3);  // strip "[" and "]\n"
}
}  // namespace

TEST_CASE("json_writer escapes what RFC 8259 section 7 requires and passes UTF-8 through") {
  json_writer j(0);
  j.begin_object().member("q\"b\\", "tab\there\nnl\x01 \xc3\xa9").end_object();
  CHECK(std::move(j).str() == "{\"q\\\"b\\\\\":\"tab\\there\\nnl\\u0001 \xc3\xa9\"}\n");
}

TEST_CASE("json_writer indents nested members and keeps empty containers on one line") {
  json_writer j;
  j.begin_object().key("a").begin_array().value(1).value(true).value(nullptr).end_array();
  j.key("b").begin_object().end_object().key("c").begin_array().end_array().end_object();
  CHECK(std::move(j).str() == "{\n  \"a\": [\n    1,\n    true,\n    null\n  ],\n  \"b\": {},\n  \"c\": []\n}\n");
}

TEST_CASE("json_writer numbers: plain decimals that read back as the same double") {
  CHECK(one_line(18.74) == "18.74");
  CHECK(one_line(730) == "730");
  CHECK(one_line(0.0000002) == "0.0000002");  // Lambda's per-request price, not 2e-07
  CHECK(one_line(3e6) == "3000000");          // not 3e+06: costs stay plain decimals
  CHECK(one_line(-0.0) == "0");
  CHECK(one_line(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(one_line(std::numeric_limits<double>::infinity()) == "null");
  for (double x : {0.1, 1.0 / 3, 123456.789, 1e-7, 9.99e14, 1e15, 2.5e300, -4.75, 0.00001667})
    CHECK(std::strtod(one_line(x).c_str(), nullptr) == x);
}

TEST_CASE("json_writer refuses to write invalid JSON") {
  using runwise::errc;
  auto code_of = [](auto&& f) {
    try {
      f();
    } catch (const runwise::error& e) {
      return e.code();
    }
    return errc::invalid_input;  // no throw: not what these cases expect
  };
  CHECK(code_of([] {
          json_writer j;
          j.begin_object().value(1);
        }) == errc::internal);  // value without key
  CHECK(code_of([] {
          json_writer j;
          j.begin_array().key("a");
        }) == errc::internal);  // key in an array
  CHECK(code_of([] {
          json_writer j;
          j.begin_object().end_array();
        }) == errc::internal);  // unbalanced
  CHECK(code_of([] {
          json_writer j;
          j.begin_object();
          (void)std::move(j).str();
        }) == errc::internal);  // unfinished
  CHECK(code_of([] {
          json_writer j;
          j.value(1).value(2);
        }) == errc::internal);  // two documents
}

TEST_CASE("report::json writes the CLI's evaluation members in the contract's order") {
  runwise::evaluation e;
  e.workload = "orders-api";
  e.horizon = runwise::hours(730);
  runwise::option_result o;
  o.platform = "aws_lambda";
  // the CLI's example bill: requests $0.40 + compute $18.34 = $18.74.
  o.cost.add("requests", runwise::usd{0.40}).add("compute", runwise::usd{18.34});
  e.options.push_back(o);
  e.advice = {runwise::choice::serverless, "aws_lambda", {"cheapest"}};
  runwise::break_even_point b;
  b.serverless = "aws_lambda", b.containers = "aws_fargate", b.duty_cycle = 0.5;
  e.break_even.push_back(b);
  const std::string s = runwise::report::json(e, {"stale"});
  const auto at = [&](const char* text) { return s.find(text); };
  CHECK(at("\"workload\": \"orders-api\"") < at("\"horizon_hours\": 730"));
  CHECK(at("\"horizon_hours\"") < at("\"options\""));
  CHECK(at("\"options\"") < at("\"recommendation\""));
  CHECK(at("\"recommendation\"") < at("\"break_even\""));
  CHECK(at("\"total_usd\": 18.74") != std::string::npos);
  CHECK(at("\"requests_per_month\": null") != std::string::npos);
  CHECK(at("\"warnings\": [\n    \"stale\"\n  ]") != std::string::npos);
}
