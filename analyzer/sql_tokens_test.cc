#include "analyzer/sql_tokens.h"

#include <catch2/catch.hpp>

using migc::sql_tokens;

TEST_CASE("sql_tokens: kinds, keywords and byte spans as the scanner sees them", "[sql_tokens]") {
  auto t = sql_tokens("x := \"My Col\" + select");
  REQUIRE(t.size() == 5);
  CHECK(t[0].kind == PG_QUERY__TOKEN__IDENT);
  CHECK(t[1].kind == PG_QUERY__TOKEN__COLON_EQUALS);
  CHECK(t[2].kind == PG_QUERY__TOKEN__IDENT);
  CHECK(t[2].start == 5);
  CHECK(t[2].end == 13);  // the quotes included
  CHECK(t[4].keyword == PG_QUERY__KEYWORD_KIND__RESERVED_KEYWORD);
  CHECK(sql_tokens("'unterminated").empty());
}
