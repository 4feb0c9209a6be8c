#include "compiler/syntax_hints.h"

#include <catch2/catch.hpp>

using migc::syntax_hints;

static bool has_hint(const std::vector<std::string>& hints, std::string_view needle) {
  for (const auto& h : hints)
    if (h.find(needle) != std::string::npos) return true;
  return false;
}

TEST_CASE("syntax hints name newer PostgreSQL syntax", "[syntax_hints]") {
  CHECK(has_hint(syntax_hints("SELECT JSON_OBJECT('a': 1);", 17), "PostgreSQL 16"));
  CHECK(has_hint(syntax_hints("SELECT * FROM JSON_TABLE(x, '$' COLUMNS (a int));", 14), "PostgreSQL 17"));
  CHECK(has_hint(syntax_hints("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT ENFORCED;", 45), "PostgreSQL 18"));
}

TEST_CASE("syntax hints name psql meta-commands and variables", "[syntax_hints]") {
  CHECK(has_hint(syntax_hints("\\set ON_ERROR_STOP on\nSELECT 1;", 0), "psql meta-commands"));
  CHECK(has_hint(syntax_hints("SELECT * FROM t WHERE id = :id;", 27), "psql variable"));
}

TEST_CASE("syntax hints name templates and MySQL", "[syntax_hints]") {
  CHECK(has_hint(syntax_hints("CREATE TABLE {{ index .Options \"Namespace\" }}.users ();", 13), "template"));
  CHECK(has_hint(syntax_hints("CREATE SCHEMA ${schema};", 14), "--placeholder"));
  CHECK(has_hint(syntax_hints("CREATE TABLE $%schema%$.x ();", 13), "template"));
  CHECK(has_hint(syntax_hints("DROP INDEX job_group_id ON jobs;", 24), "MySQL"));
  CHECK(has_hint(syntax_hints("CREATE TABLE `t` (id int);", 13), "MySQL"));
  CHECK(syntax_hints("SELEC 1;", 0).empty());
}

TEST_CASE("syntax hints look near the error in a huge statement without recursing through it", "[syntax_hints]") {
  std::string sql = "MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE ";
  for (int i = 0; i < 300000; ++i) sql += "x ";
  sql += "RETURNING 1;";
  CHECK(has_hint(syntax_hints(sql, sql.size() - 12), "MySQL") == false);  // completes, no crash
  CHECK(has_hint(syntax_hints(sql, 40), "PostgreSQL 17") == false);       // RETURNING is far away
}
