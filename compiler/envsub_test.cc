#include "compiler/envsub.h"

#include <map>

#include <catch2/catch.hpp>

using namespace migc;

namespace {

const std::map<std::string, std::string> kEnv = {
    {"NAME", "James"}, {"EMPTY", ""}, {"COMMIT", "1adf998e39f647b4b25842f107c6ed9d30a3a7c7"}};

EnvLookup fixed_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    auto it = kEnv.find(name);
    return it == kEnv.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

std::string expand(std::string_view line) {
  std::string out;
  std::vector<Replacement> map;
  envsub_line(line, 0, fixed_env(), out, map);
  return out;
}

EnvsubError expand_error(std::string_view line) {
  try {
    expand(line);
  } catch (const EnvsubError& e) {
    return e;
  }
  throw std::logic_error("no error");
}

}  // namespace

TEST_CASE("envsub: variables, defaults and escapes as goose's interpolate expands them", "[goose]") {
  CHECK(expand("plain text; no vars") == "plain text; no vars");
  CHECK(expand("$NAME and ${NAME}!") == "James and James!");
  CHECK(expand("my$NAME_x ${NAME}_x") == "my James_x");  // the name runs on over '_'
  CHECK(expand("[$UNSET] [${UNSET}]") == "[] []");
  CHECK(expand("${UNSET-day} ${EMPTY-day} ${EMPTY:-day} ${NAME:-day}") == "day  day James");
  CHECK(expand("${UNSET:-${NAME2:-$NAME}}") == "James");
  CHECK(expand("${EMPTY:--:{}}") == "-:{}");
  CHECK(expand("cost $$5, \\$x, $(cmd), \\\\, trailing $") == "cost $5, $x, $(cmd), \\\\, trailing $");
}

TEST_CASE("envsub: substrings count from the start, or from the end when negative", "[goose]") {
  CHECK(expand("${COMMIT:7}") == "e39f647b4b25842f107c6ed9d30a3a7c7");
  CHECK(expand("${COMMIT: -7}") == "0a3a7c7");
  CHECK(expand("${COMMIT: -128}") == "1adf998e39f647b4b25842f107c6ed9d30a3a7c7");
  CHECK(expand("${COMMIT:128}").empty());
  CHECK(expand("${COMMIT:0:7}") == "1adf998");
  CHECK(expand("${COMMIT:7:-7}") == "e39f647b4b25842f107c6ed9d3");
  CHECK(expand("${COMMIT:7:-128}").empty());
  CHECK(expand("${UNSET:0:7}").empty());
}

TEST_CASE("envsub: errors say what is wrong and where", "[goose]") {
  EnvsubError unset = expand_error("x ${UNSET?please set it} y");
  CHECK(std::string(unset.what()) == "$UNSET: please set it");
  CHECK(unset.offset == 2);
  CHECK(std::string(expand_error("${UNSET?}").what()) == "$UNSET: not set");
  CHECK(expand("${NAME?unused}") == "James");
  CHECK(expand("${NAME:-${UNSET?not needed}}") == "James");  // a default not taken never fails
  CHECK(expand_error("SELECT $1").offset == 7);
  CHECK(expand_error("${NAME").offset == 6);
  CHECK(std::string(expand_error("${NAME:x}").what()) == "'x' is not a number in a substring expansion");
  CHECK(std::string(expand_error("${NAME:-x").what()) == "'${NAME' is not closed by '}'");
}

TEST_CASE("envsub: each changed piece maps back to its place in the line", "[goose]") {
  std::string out = "0123";
  std::vector<Replacement> map;
  envsub_line("a $NAME b $$ c", 100, fixed_env(), out, map);
  CHECK(out == "0123a James b $ c");
  REQUIRE(map.size() == 2);
  CHECK((map[0].expanded_begin == 6 && map[0].expanded_end == 11));
  CHECK((map[0].original_begin == 102 && map[0].original_end == 107));
  CHECK((map[1].expanded_begin == 14 && map[1].expanded_end == 15));
  CHECK((map[1].original_begin == 110 && map[1].original_end == 112));
}
