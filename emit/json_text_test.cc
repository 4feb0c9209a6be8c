#include "emit/json_text.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using migc::append_json_string;

namespace {
std::string json(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}
}  // namespace

TEST_CASE("JSON strings are escaped as nlohmann::json escapes them", "[json_text]") {
  for (std::string s : {std::string("plain"), std::string("quote \" and \\ back"), std::string("tab\tnew\nline\r"),
                        std::string("bell \x07 and \x1f"), std::string("caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x90\x98"),
                        std::string("\b\f"), std::string("nul \0 inside", 12)}) {
    INFO(s);
    CHECK(json(s) == nlohmann::json(s).dump());
    CHECK(nlohmann::json::parse(json(s)) == s);
  }
}

TEST_CASE("bytes that are not UTF-8 become U+FFFD, one each", "[json_text]") {
  CHECK(json("a\xFF" "b") == "\"a\xEF\xBF\xBD" "b\"");
  CHECK(json("\xC3") == "\"\xEF\xBF\xBD\"");                       // cut short
  CHECK(json("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");        // overlong
  CHECK(json("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
}
