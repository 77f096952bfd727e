// SPDX-License-Identifier: MIT
#pragma once
// JSON text in: parse errors and duplicate keys named by file:line:column.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <runwise/core/error.hpp>

namespace runwise_cli {

/// "name:line:column" of byte `at` of `text` (1-based line and column, counting bytes).
inline std::string text_position(std::string_view text, std::size_t at, const std::string& name) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

/// Throws runwise::error (invalid input) naming both places when an object of `text` (valid JSON)
/// gives one key twice: nlohmann, like most readers, would silently keep the last value
/// (`memory_mb` 512 then 1024 priced at 1024). Keys are compared decoded ("a" and "\u0061" are one
/// key). One pass, no recursion: nesting depth costs only the stack vector.
inline void check_unique_keys(std::string_view text, const std::string& name) {
  struct frame {
    bool object = false;
    bool expect_key = false;
    std::unordered_map<std::string, std::size_t> keys;  // decoded key -> byte offset
  };
  std::vector<frame> stack;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{' || c == '[') {
      stack.push_back({c == '{', c == '{', {}});
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',') {
      if (!stack.empty() && stack.back().object) stack.back().expect_key = true;
    } else if (c == '"') {
      const std::size_t start = i;
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      if (stack.empty() || !stack.back().object || !stack.back().expect_key) continue;
      frame& f = stack.back();
      f.expect_key = false;
      std::string key(text.substr(start + 1, i - start - 1));
      if (key.find('\\') != std::string::npos) try {
          key = nlohmann::json::parse(text.substr(start, i - start + 1)).get<std::string>();
        } catch (const nlohmann::json::exception&) {
          // Not a string token after all (it cannot be, in valid JSON): compare it as written.
        }
      const auto [at, fresh] = f.keys.emplace(key, start);
      if (!fresh)
        runwise::fail_input(text_position(text, start, name),
                            "key \"" + key + "\" is given twice in one object (first at " +
                                text_position(text, at->second, name) + "); give it once");
    }
  }
}

/// `text` parsed, or runwise::error (invalid input) naming `name:line:column` and what is wrong:
/// invalid JSON, a number out of range, or a key given twice in one object.
inline nlohmann::json parse_json(const std::string& text, const std::string& name) {
  // nlohmann's reader ends the text at a NUL byte, so what follows one would be dropped unread.
  if (const auto nul = text.find('\0'); nul != std::string::npos)
    runwise::fail_input(text_position(text, nul, name), "invalid JSON (a NUL byte; JSON text cannot hold one)");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (const auto at = what.find(": "); at != std::string::npos) what = what.substr(at + 2);
    runwise::fail_input(text_position(text, e.byte > 0 ? e.byte - 1 : 0, name), "invalid JSON (" + what + ")");
  } catch (const nlohmann::json::exception& e) {
    // e.g. a number too large for a double: "[json.exception.out_of_range.406] number overflow ..."
    std::string what = e.what();
    if (const auto at = what.find("] "); at != std::string::npos) what = what.substr(at + 2);
    runwise::fail_input(name, "invalid JSON (" + what + ")");
  }
  check_unique_keys(text, name);
  return j;
}

}  // namespace runwise_cli
