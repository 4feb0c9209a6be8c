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
