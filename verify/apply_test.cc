#include "verify/apply.h"

#include <catch2/catch.hpp>

using namespace migc;

TEST_CASE("PostgreSQL's error text is split into message, position and details", "[verify]") {
  ServerError e = parse_server_error(
      "ERROR:  type \"nosuchtype\" does not exist\n"
      "LINE 2:   (a nosuchtype)\n"
      "             ^\n"
      "HINT:  Check the spelling.\n");
  CHECK(e.message == "type \"nosuchtype\" does not exist");
  CHECK(e.line == 2);
  CHECK(e.shown == "  (a nosuchtype)");
  CHECK(e.caret == 5);
  CHECK(e.details == std::vector<std::string>{"HINT: Check the spelling."});
  CHECK(error_offset("CREATE TABLE x\n  (a nosuchtype)", e) == std::optional<size_t>(20));

  ServerError plain = parse_server_error("ERROR:  boom\nDETAIL:  dd\nCONTEXT:  PL/pgSQL function inline_code_block line 1 at RAISE\n");
  CHECK(plain.message == "boom");
  CHECK(plain.line == 0);
  CHECK(plain.details == std::vector<std::string>{"DETAIL: dd", "CONTEXT: PL/pgSQL function inline_code_block line 1 at RAISE"});
  CHECK_FALSE(error_offset("DO $$ … $$", plain));
}

TEST_CASE("the error position is found in a line libpq shows cut", "[verify]") {
  std::string statement = "SELECT " + std::string(80, 'x') + ", nosuch_col FROM t";
  std::string shown = "..." + std::string(34, 'x') + ", nosuch_col FROM t";
  size_t caret = std::string("LINE 1: ").size() + shown.find("nosuch_col");
  ServerError e = parse_server_error("ERROR:  column \"nosuch_col\" does not exist\nLINE 1: " + shown + "\n" +
                                     std::string(caret, ' ') + "^\n");
  CHECK(error_offset(statement, e) == std::optional<size_t>(statement.find("nosuch_col")));
}
