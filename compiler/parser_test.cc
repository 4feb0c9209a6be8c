#include "compiler/parser.h"

#include <catch2/catch.hpp>

#include "compiler/loader.h"
#include "tests/test_support.h"

using namespace migc;

namespace {

MigrationSet load_plain_dir(const test::TempDir& d) {
  LoadOptions o;
  o.root = d.path();
  o.display_root = "db";
  o.format = Format::Plain;
  return load_migrations(o);
}

}  // namespace

TEST_CASE("parse_set: each statement's kind, place and transaction facts", "[parser]") {
  test::TempDir d;
  d.write("1.sql",
          "-- header\nCREATE TABLE t (id int);\n  CREATE INDEX CONCURRENTLY t_id ON t (id);\n"
          "ALTER TYPE mood ADD VALUE 'meh'; VACUUM t;\nBEGIN;\nCOMMIT;\n");
  MigrationSet set = load_plain_dir(d);
  ParsedSet parsed = parse_set(set, {});
  const auto& up = parsed.migrations[0].up;
  REQUIRE(up.size() == 6);
  CHECK(up[0].kind == "create_stmt");
  CHECK(set.file(up[0].file).position(up[0].begin).line == 2);
  CHECK(set.file(up[1].file).position(up[1].begin).column == 3);
  CHECK(up[1].non_transactional);
  CHECK_FALSE(up[2].non_transactional);  // ADD VALUE runs in a transaction since PostgreSQL 12
  CHECK(up[3].non_transactional);        // VACUUM
  CHECK(up[4].tx_control == TxControl::Begin);
  CHECK(up[5].tx_control == TxControl::Commit);
  CHECK(set.text({up[0].file, up[0].begin, up[0].end}) == "CREATE TABLE t (id int)");

  ParseOptions pg11;
  pg11.pg_version_num = 110000;
  CHECK(parse_set(set, pg11).migrations[0].up[2].non_transactional);
}

TEST_CASE("parse_set: syntax errors point at the byte, after multibyte text, across files", "[parser]") {
  test::TempDir d;
  d.write("1.sql", "SELECT 'héllo', 'wörld' FROM;\n");
  d.write("2.sql", "CREATE TABLE ok (id int);\nCREAT TABLE x ();\n");
  MigrationSet set = load_plain_dir(d);
  try {
    parse_set(set, {});
    FAIL("expected syntax errors");
  } catch (const CompileError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    const Diagnostic& a = e.diagnostics()[0];
    CHECK(a.file == "db/1.sql");
    CHECK(a.at.line == 1);
    CHECK(a.at.column == 31);  // bytes: é and ö are two bytes each
    CHECK(a.message == "syntax error: syntax error at or near \";\"");
    CHECK(e.diagnostics()[1].at.line == 2);
    CHECK(e.diagnostics()[1].at.column == 1);
  }
}

TEST_CASE("parse_set: errors beyond max_errors are counted, not listed", "[parser]") {
  test::TempDir d;
  for (int i = 0; i < 5; ++i) d.write(std::to_string(i) + ".sql", "SELEC 1;\n");
  MigrationSet set = load_plain_dir(d);
  ParseOptions o;
  o.max_errors = 2;
  try {
    parse_set(set, o);
    FAIL("expected syntax errors");
  } catch (const CompileError& e) {
    REQUIRE(e.diagnostics().size() == 3);
    CHECK(e.diagnostics()[2].message == "3 more syntax errors not shown");
  }
}

TEST_CASE("parse_set: down parts are skipped when not wanted", "[parser]") {
  test::TempDir d;
  d.write("1.up.sql", "CREATE TABLE t (id int);\n");
  d.write("1.down.sql", "DROP INDEX i ON t;\n");  // MySQL: not PostgreSQL
  MigrationSet set = load_plain_dir(d);
  CHECK_THROWS_AS(parse_set(set, {}), CompileError);
  ParseOptions deploy_only;
  deploy_only.down = false;
  CHECK(parse_set(set, deploy_only).migrations[0].down.empty());
}
