#include <cstdlib>

#include <catch2/catch.hpp>

#include "compiler/load_test_support.h"

using namespace migc;
using namespace migc::test;

namespace {

Diagnostic goose_error(const std::string& content, std::map<std::string, std::string> placeholders = {}) {
  TempDir dir;
  dir.write("1_x.sql", content);
  return load_error(dir, Format::Goose, std::move(placeholders));
}

}  // namespace

TEST_CASE("goose: files are ordered by numeric version, chained, Go helpers skipped", "[goose]") {
  TempDir dir;
  dir.write("2_second.sql", "-- +goose Up\nSELECT 2;\n");
  dir.write("10_tenth.sql", "-- +goose Up\nSELECT 10;\n");
  dir.write("001_first_one.sql", "-- +goose Up\nSELECT 1;\n");
  dir.write("embed.go", "package migrations\n");
  dir.write("5_helper_test.go", "package migrations\n");
  dir.write("README.md", "docs\n");
  dir.write("sub/3_nested.sql", "-- +goose Up\nSELECT 3;\n");  // goose does not recurse
  MigrationSet set = load_dir(dir, Format::Goose);
  CHECK(ids(set) == std::vector<std::string>{"1", "2", "10"});
  CHECK(set.migrations[0].name == "first_one");
  CHECK(set.migrations[0].format == Format::Goose);
  CHECK(deps(set.migrations[0]).empty());
  CHECK(deps(set.migrations[2]) == std::vector<std::string>{"2"});
  CHECK(set.migrations[2].deps[0].implicit);
  CHECK(set.warnings.empty());
}

TEST_CASE("goose: statements end at a line whose last word ends in ';', comments stay with them", "[goose]") {
  TempDir dir;
  std::string up_part =
      "-- leading comment\n"
      "CREATE TABLE a (id int); -- trailing\n"
      "INSERT INTO a VALUES (1); INSERT INTO a\n"
      "VALUES (2);\n"
      "SELECT 'x;' -- not the end;\n"
      ", 1;\n"
      "\n"
      "-- +goose StatementBegin\n"
      "CREATE FUNCTION f() RETURNS int AS $$\n"
      "BEGIN RETURN 1; END;\n"
      "$$ LANGUAGE plpgsql;\n"
      "-- +goose StatementEnd\n"
      "-- closing remark\n"
      "\n";
  dir.write("1_x.sql", "-- header\n-- +goose Up\n" + up_part + "-- +goose Down\nDROP FUNCTION f();\r\nDROP TABLE a;\n");
  MigrationSet set = load_dir(dir, Format::Goose);
  const Migration& m = set.migrations.at(0);
  REQUIRE(m.up.size() == 1);
  CHECK(m.up[0].tx == TxMode::Transaction);
  auto up = texts(set, m.up[0]);
  REQUIRE(up.size() == 4);
  CHECK(up[0] == "-- leading comment\nCREATE TABLE a (id int); -- trailing\n");
  CHECK(up[1] == "INSERT INTO a VALUES (1); INSERT INTO a\nVALUES (2);\n");
  CHECK(up[2] == "SELECT 'x;' -- not the end;\n, 1;\n");
  CHECK(up[3].starts_with("\n-- +goose StatementBegin\nCREATE FUNCTION f()"));
  CHECK(up[3].ends_with("-- +goose StatementEnd\n-- closing remark\n\n"));
  CHECK(up[0] + up[1] + up[2] + up[3] == up_part);  // the ranges tile the Up part
  REQUIRE(m.down.has_value());
  REQUIRE(m.down->size() == 1);
  CHECK(texts(set, m.down->at(0)) == std::vector<std::string>{"DROP FUNCTION f();\r\n", "DROP TABLE a;\n"});
  CHECK(m.down->at(0).tx == TxMode::Transaction);
}

TEST_CASE("goose: a StatementBegin block is one statement, with or without its final ';'", "[goose]") {
  TempDir dir;
  dir.write("1_x.sql",
            "-- +goose Up\n-- +goose StatementBegin\nCREATE TYPE t AS ENUM ('a');\n\nALTER TABLE x ADD c t\n"
            "-- +goose StatementEnd\n");
  MigrationSet set = load_dir(dir, Format::Goose);
  auto up = texts(set, set.migrations[0].up[0]);
  REQUIRE(up.size() == 1);
  CHECK(up[0] ==
        "-- +goose StatementBegin\nCREATE TYPE t AS ENUM ('a');\n\nALTER TABLE x ADD c t\n-- +goose StatementEnd\n");
  CHECK_FALSE(set.migrations[0].down.has_value());
}

TEST_CASE("goose: NO TRANSACTION covers both parts; annotations ignore case", "[goose]") {
  TempDir dir;
  dir.write("1_x.sql",
            "-- +goose up\n--+goose no transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- +goose DOWN\n"
            "DROP INDEX CONCURRENTLY i;\n");
  dir.write("2_y.sql", "-- +goose Up\n-- +goose Down\n");
  MigrationSet set = load_dir(dir, Format::Goose);
  const Migration& m = set.migrations[0];
  CHECK(m.up[0].tx == TxMode::None);
  CHECK(m.down->at(0).tx == TxMode::None);
  CHECK(texts(set, m.up[0]) ==
        std::vector<std::string>{"--+goose no transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n"});
  // Empty parts exist but hold nothing.
  CHECK(set.migrations[1].up[0].statements.empty());
  REQUIRE(set.migrations[1].down.has_value());
  CHECK(set.migrations[1].down->at(0).statements.empty());
}

TEST_CASE("goose: malformed annotations are errors at their line", "[goose]") {
  SECTION("leading white space") {
    Diagnostic d = goose_error("-- +goose Up\n  -- +goose StatementBegin\n");
    CHECK(d.message == "goose annotation starts with white space");
    CHECK((d.at.line == 2 && d.at.column == 1));
    CHECK(d.file == "m/1_x.sql");
  }
  SECTION("unknown annotation") {
    Diagnostic d = goose_error("-- +goose Up\nSELECT 1;\n-- +goose Upgrade\n");
    CHECK(d.message == "unknown goose annotation 'Upgrade'");
    CHECK((d.at.line == 3 && d.at.column == 4));
  }
  SECTION("a comment that mentions +goose") {
    Diagnostic d = goose_error("-- +goose Up\n-- see the +goose docs\nSELECT 1;\n");
    CHECK(d.message == "unknown goose annotation 'see the  docs'");
    CHECK(d.at.line == 2);
  }
  SECTION("two +goose on a line") {
    CHECK(goose_error("-- +goose Up -- +goose Down\n").message == "more than one '+goose' on one line");
  }
  SECTION("second Up") {
    Diagnostic d = goose_error("-- +goose Up\nSELECT 1;\n-- +goose Up\n");
    CHECK(d.message == "second '-- +goose Up' annotation");
    CHECK(d.at.line == 3);
  }
  SECTION("Down first") {
    CHECK(goose_error("-- +goose Down\nSELECT 1;\n").message == "'-- +goose Down' before '-- +goose Up'");
  }
  SECTION("StatementEnd without StatementBegin") {
    Diagnostic d = goose_error("-- +goose Up\nSELECT 1;\n-- +goose StatementEnd\n");
    CHECK(d.message == "'-- +goose StatementEnd' without a '-- +goose StatementBegin'");
    CHECK(d.at.line == 3);
  }
  SECTION("unclosed StatementBegin") {
    Diagnostic d = goose_error("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n");
    CHECK(d.message == "'-- +goose StatementBegin' is never closed by '-- +goose StatementEnd'");
    CHECK(d.at.line == 2);
  }
  SECTION("Down inside a StatementBegin block") {
    Diagnostic d = goose_error("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose Down\n");
    CHECK(d.message == "'-- +goose Down' inside a StatementBegin block");
    CHECK(d.at.line == 4);
  }
}

TEST_CASE("goose: missing Up and unterminated statements are errors", "[goose]") {
  SECTION("SQL before Up") {
    Diagnostic d = goose_error("-- a comment\n\n  CREATE TABLE a ();\n-- +goose Up\n");
    CHECK(d.message == "SQL before '-- +goose Up'");
    CHECK((d.at.line == 3 && d.at.column == 3));
  }
  SECTION("no Up at all") {
    Diagnostic d = goose_error("-- only a comment\n");
    CHECK(d.message == "no '-- +goose Up' annotation");
    CHECK(d.at.line == 0);
  }
  SECTION("missing semicolon before Down") {
    Diagnostic d = goose_error("-- +goose Up\nSELECT 1;\n  CREATE TABLE a (id int)\n-- +goose Down\nDROP TABLE a;\n");
    CHECK(d.message == "SQL statement not terminated (missing semicolon?)");
    CHECK((d.at.line == 3 && d.at.column == 3));
  }
  SECTION("missing semicolon at the end of the file") {
    Diagnostic d = goose_error("-- +goose Up\nSELECT 1;\n-- +goose Down\nDROP TABLE a\n");
    CHECK(d.message == "SQL statement not terminated (missing semicolon?)");
    CHECK(d.at.line == 4);
  }
  SECTION("a line of spaces starts a statement, so the comments after it are left over") {
    Diagnostic d = goose_error("-- +goose Up\nSELECT 1;\n   \n-- trailing\n-- +goose Down\n");
    CHECK(d.message == "SQL statement not terminated (missing semicolon?)");
    CHECK(d.at.line == 4);
  }
}

TEST_CASE("goose: file names and Go migrations", "[goose]") {
  SECTION("a Go migration is not supported") {
    TempDir dir;
    dir.write("1_a.sql", "-- +goose Up\nSELECT 1;\n");
    dir.write("2_b.go", "package migrations\n");
    Diagnostic d = load_error(dir, Format::Goose);
    CHECK(d.file == "m/2_b.go");
    CHECK(d.message == "Go migrations are not supported: migc reads SQL migrations only");
  }
  SECTION("a .sql file without a version") {
    TempDir dir;
    dir.write("schema.sql", "SELECT 1;\n");
    Diagnostic d = load_error(dir, Format::Goose);
    CHECK(d.file == "m/schema.sql");
    CHECK(d.message == "goose cannot read a version from this file name");
  }
  SECTION("version 0") {
    TempDir dir;
    dir.write("0_init.sql", "-- +goose Up\nSELECT 1;\n");
    CHECK(load_error(dir, Format::Goose).message == "goose cannot read a version from this file name");
  }
  SECTION("duplicate versions") {
    TempDir dir;
    dir.write("1_a.sql", "-- +goose Up\nSELECT 1;\n");
    dir.write("01_b.sql", "-- +goose Up\nSELECT 1;\n");
    CHECK(load_error(dir, Format::Goose).message == "duplicate goose version 1: m/01_b.sql and m/1_a.sql");
  }
}

TEST_CASE("goose: ENVSUB expands environment variables in the lines it covers", "[goose]") {
  setenv("MIGC_GOOSE_SCHEMA", "app", 1);
  unsetenv("MIGC_GOOSE_UNSET");
  TempDir dir;
  std::string original =
      "-- +goose Up\n"
      "-- +goose ENVSUB ON\n"
      "CREATE SCHEMA ${MIGC_GOOSE_SCHEMA};\n"
      "CREATE TABLE $MIGC_GOOSE_SCHEMA.t (price text DEFAULT '$$5');\n"
      "-- +goose ENVSUB OFF\n"
      "CREATE TABLE ${MIGC_GOOSE_SCHEMA}.u ();\n";
  dir.write("1_x.sql", original);
  MigrationSet set = load_dir(dir, Format::Goose);
  const Migration& m = set.migrations[0];
  auto up = texts(set, m.up[0]);
  REQUIRE(up.size() == 3);
  CHECK(up[0] == "-- +goose ENVSUB ON\nCREATE SCHEMA app;\n");
  CHECK(up[1] == "CREATE TABLE app.t (price text DEFAULT '$5');\n");
  CHECK(up[2] == "-- +goose ENVSUB OFF\nCREATE TABLE ${MIGC_GOOSE_SCHEMA}.u ();\n");
  // Positions in the expanded text still name the original line and column.
  const Statement& s = m.up[0].statements[1];
  const SourceFile& f = set.file(s.file);
  uint32_t paren = s.begin + static_cast<uint32_t>(up[1].find("(price"));
  LineCol at = f.position(paren);
  CHECK(at.line == 4);
  CHECK(at.column == original.substr(original.find("CREATE TABLE $")).find("(price") + 1);
  CHECK(m.files.size() == 2);  // the file as written and its expansion
}

TEST_CASE("goose: ENVSUB errors point at the expansion", "[goose]") {
  unsetenv("MIGC_GOOSE_UNSET");
  SECTION("a required variable that is unset") {
    Diagnostic d = goose_error("-- +goose Up\n-- +goose ENVSUB ON\nSELECT '${MIGC_GOOSE_UNSET?set it}';\n");
    CHECK(d.message == "ENVSUB: $MIGC_GOOSE_UNSET: set it");
    CHECK((d.at.line == 3 && d.at.column == 9));
  }
  SECTION("$1 is not a variable") {
    Diagnostic d = goose_error("-- +goose Up\n-- +goose ENVSUB ON\nPREPARE p AS SELECT $1;\n");
    CHECK(d.message.starts_with("ENVSUB: a variable name must start with a letter"));
    CHECK((d.at.line == 3 && d.at.column == 21));
  }
  SECTION("placeholders and ENVSUB in one file") {
    Diagnostic d = goose_error("-- +goose Up\n-- +goose ENVSUB ON\nSELECT '${p}';\n", {{"p", "v"}});
    CHECK(d.message == "ENVSUB cannot be combined with placeholders in the same file");
    CHECK(d.at.line == 2);
  }
}

TEST_CASE("goose: the hatchet corpus loads", "[goose][corpus]") {
  auto loaded = load_corpus("hatchet/cmd/hatchet-migrate/migrate/migrations", Format::Goose);
  if (!loaded) return;
  const MigrationSet& set = *loaded;
  REQUIRE(set.migrations.size() == 224);
  CHECK(set.migrations[0].id == "20240115180414");
  CHECK(set.migrations[1].id == "20240122014727");
  CHECK(set.migrations.back().id == "20260820185000");
  // NO TRANSACTION file, and the StatementBegin block that lacks its ';'.
  CHECK(migration(set, "20240703194656").up[0].tx == TxMode::None);
  const Migration& m = migration(set, "20250519145912");
  REQUIRE(m.up[0].statements.size() == 1);
  CHECK(set.text(m.up[0].statements[0]).find("DEFAULT 'V0'\n-- +goose StatementEnd") != std::string_view::npos);
  CHECK(set.warnings.empty());
}
