#include "compiler/sql_split.h"

#include <catch2/catch.hpp>

using namespace migc;

static std::vector<std::string> pieces(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : split_sql(text, 0, 0, static_cast<uint32_t>(text.size())))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST_CASE("split_sql tiles the text and keeps comments with their statement") {
  std::string_view sql = "-- users\nCREATE TABLE a (id int); -- trailing\nCREATE TABLE b (id int);\n\n-- end\n";
  auto p = pieces(sql);
  REQUIRE(p.size() == 2);
  CHECK(p[0] == "-- users\nCREATE TABLE a (id int); -- trailing\n");
  CHECK(p[1] == "CREATE TABLE b (id int);\n\n-- end\n");
}

TEST_CASE("split_sql ignores semicolons in quotes, dollar quotes, comments and parentheses") {
  std::string_view sql =
      "SELECT 'a;b', E'it\\'s;', \"x;y\";\n"
      "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;\n"
      "/* a; /* nested; */ b; */ SELECT 1;\n"
      "CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);\n";
  auto p = pieces(sql);
  REQUIRE(p.size() == 4);
  CHECK(p[1].rfind("CREATE FUNCTION", 0) == 0);
  CHECK(p[3].rfind("CREATE RULE", 0) == 0);
}

TEST_CASE("split_sql keeps BEGIN ATOMIC bodies whole, CASE … END inside included") {
  std::string_view sql =
      "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END; "
      "SELECT 2; END;\nSELECT 3;\n";
  auto p = pieces(sql);
  REQUIRE(p.size() == 2);
  CHECK(p[1] == "SELECT 3;\n");
}

TEST_CASE("split_sql keeps COPY FROM STDIN data with its statement") {
  std::string_view sql = "COPY t (a) FROM stdin;\n1;2\n3\n\\.\nSELECT 1;\n";
  auto p = pieces(sql);
  REQUIRE(p.size() == 2);
  CHECK(p[0] == "COPY t (a) FROM stdin;\n1;2\n3\n\\.\n");
}

TEST_CASE("split_sql: text without a final semicolon is the last statement") {
  auto p = pieces("SELECT 1;\nSELECT 2\n");
  REQUIRE(p.size() == 2);
  CHECK(p[1] == "SELECT 2\n");
  CHECK(pieces("").empty());
}

TEST_CASE("skip_blank_and_comments finds the first SQL byte") {
  std::string_view t = "  -- x\n/* y */\n SELECT";
  CHECK(t.substr(skip_blank_and_comments(t, 0, static_cast<uint32_t>(t.size()))) == "SELECT");
  CHECK(is_blank_or_comments("-- only\n", 0, 8));
}

TEST_CASE("end_of_code stops before trailing blanks and comments, not inside quotes") {
  auto code = [](std::string_view t) { return t.substr(0, end_of_code(t, 0, static_cast<uint32_t>(t.size()))); };
  CHECK(code("SELECT 1  -- done\n\n") == "SELECT 1");
  CHECK(code("SELECT '--x' /* c */\n") == "SELECT '--x'");
  CHECK(code("CREATE FUNCTION f() AS $$ -- body $$ LANGUAGE sql\n  ") == "CREATE FUNCTION f() AS $$ -- body $$ LANGUAGE sql");
  CHECK(code("  -- only\n").empty());
}
