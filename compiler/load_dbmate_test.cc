#include <catch2/catch.hpp>

#include "compiler/load_test_support.h"

using namespace migc;
using namespace migc::test;

namespace {

Diagnostic dbmate_error(const std::string& content) {
  TempDir dir;
  dir.write("1_x.sql", content);
  return load_error(dir, Format::Dbmate);
}

}  // namespace

TEST_CASE("dbmate: migrations are the root's <digits>….sql files in name order", "[dbmate]") {
  TempDir dir;
  const std::string body = "-- migrate:up\nSELECT 1;\n-- migrate:down\n";
  dir.write("20240101_create_users.sql", body);
  dir.write("003_y.sql", body);
  dir.write("0003-x.sql", body);
  dir.write("schema.sql", "CREATE TABLE dump ();\n");
  dir.write("abc.sql", body);
  dir.write(".env", "DATABASE_URL=postgres://\n");
  dir.write("sub/1_nested.sql", body);
  MigrationSet set = load_dir(dir, Format::Dbmate);
  CHECK(ids(set) == std::vector<std::string>{"0003", "003", "20240101"});
  CHECK(set.migrations[0].name == "x");
  CHECK(set.migrations[2].name == "create_users");
  CHECK(set.migrations[2].format == Format::Dbmate);
  CHECK(deps(set.migrations[1]) == std::vector<std::string>{"0003"});
  CHECK(warning_messages(set) == std::vector<std::string>{"m/abc.sql: not a migration file name; ignored"});
}

TEST_CASE("dbmate: a section's up and down blocks start at their directive", "[dbmate]") {
  TempDir dir;
  dir.write("1_x.sql",
            "-- a header comment\n\n-- migrate:up\ncreate table users (id integer);\ncreate index on users (id);\n\n"
            "-- migrate:down\ndrop table users;\n");
  MigrationSet set = load_dir(dir, Format::Dbmate);
  const Migration& m = set.migrations[0];
  REQUIRE(m.up.size() == 1);
  CHECK(m.up[0].tx == TxMode::Transaction);
  CHECK(texts(set, m.up[0]) == std::vector<std::string>{"-- migrate:up\ncreate table users (id integer);\n",
                                                        "create index on users (id);\n\n"});
  REQUIRE(m.down.has_value());
  REQUIRE(m.down->size() == 1);
  CHECK(m.down->at(0).tx == TxMode::Transaction);
  CHECK(texts(set, m.down->at(0)) == std::vector<std::string>{"-- migrate:down\ndrop table users;\n"});
}

TEST_CASE("dbmate: transaction:false applies to its own block", "[dbmate]") {
  TempDir dir;
  dir.write("1_x.sql",
            "--migrate:up transaction:false\r\nCREATE INDEX CONCURRENTLY i ON t (a);\r\n"
            "-- migrate:down transaction:true\r\nDROP INDEX i;\r\n");
  dir.write("2_y.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down   transaction:false  \nSELECT 2;\n");
  MigrationSet set = load_dir(dir, Format::Dbmate);
  CHECK(set.migrations[0].up[0].tx == TxMode::Implicit);
  CHECK(set.migrations[0].down->at(0).tx == TxMode::Transaction);
  CHECK(set.migrations[1].up[0].tx == TxMode::Transaction);
  CHECK(set.migrations[1].down->at(0).tx == TxMode::Implicit);
  CHECK(set.warnings.empty());
}

TEST_CASE("dbmate: several sections make one migration with a block per section", "[dbmate]") {
  TempDir dir;
  dir.write("1_x.sql",
            "-- migrate:up\nCREATE TABLE a ();\n-- migrate:down\nDROP TABLE a;\n"
            "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON a ((1));\n"
            "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY i;\n");
  MigrationSet set = load_dir(dir, Format::Dbmate);
  const Migration& m = set.migrations.at(0);
  REQUIRE(m.up.size() == 2);
  REQUIRE(m.down->size() == 2);
  CHECK(m.up[0].tx == TxMode::Transaction);
  CHECK(m.up[1].tx == TxMode::Implicit);
  CHECK(texts(set, m.down->at(0)) == std::vector<std::string>{"-- migrate:down\nDROP TABLE a;\n"});
  CHECK(texts(set, m.up[1]) ==
        std::vector<std::string>{"-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON a ((1));\n"});
  CHECK(m.down->at(1).tx == TxMode::Implicit);
  REQUIRE(set.warnings.size() == 1);
  CHECK(set.warnings[0].message == "2 up sections in one file: migc runs them as the steps of one migration");
  CHECK(set.warnings[0].at.line == 5);
}

TEST_CASE("dbmate: structure errors point at the offending line", "[dbmate]") {
  SECTION("a statement before the first up") {
    Diagnostic d = dbmate_error("-- comment\n\n  create table a ();\n-- migrate:up\n-- migrate:down\n");
    CHECK(d.message == "statement before '-- migrate:up'");
    CHECK((d.at.line == 3 && d.at.column == 3));
  }
  SECTION("a block comment before the first up") {
    Diagnostic d = dbmate_error("/* header */\n-- migrate:up\n-- migrate:down\n");
    CHECK(d.message == "statement before '-- migrate:up'");
    CHECK(d.at.line == 1);
  }
  SECTION("no up directive: indented, capitalised or spaced ones do not count") {
    Diagnostic d = dbmate_error("  -- migrate:up\n-- Migrate:Up\n-- migrate: up\n-- migrate:upgrade\n");
    CHECK(d.message == "no '-- migrate:up' directive");
    CHECK(d.file == "m/1_x.sql");
  }
  SECTION("a section without down") {
    Diagnostic d = dbmate_error("-- migrate:up\nSELECT 1;\n-- migrate:down\n-- migrate:up\nSELECT 2;\n");
    CHECK(d.message == "'-- migrate:up' section without '-- migrate:down'");
    CHECK((d.at.line == 4 && d.at.column == 1));
  }
  SECTION("two downs in a section") {
    Diagnostic d = dbmate_error("-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:down\n");
    CHECK(d.message == "second '-- migrate:down' in one section");
    CHECK(d.at.line == 5);
  }
  SECTION("down before up") {
    Diagnostic d = dbmate_error("-- migrate:down\n-- migrate:up\n");
    CHECK(d.message == "'-- migrate:down' before '-- migrate:up'");
    CHECK(d.at.line == 1);
  }
  SECTION("a transaction value other than true or false") {
    Diagnostic d = dbmate_error("-- migrate:up transaction:False\n-- migrate:down\n");
    CHECK(d.message == "transaction:False is neither true nor false");
    CHECK((d.at.line == 1 && d.at.column == 27));
  }
  SECTION("two files with one version") {
    TempDir dir;
    dir.write("1_a.sql", "-- migrate:up\n-- migrate:down\n");
    dir.write("1_b.sql", "-- migrate:up\n-- migrate:down\n");
    Diagnostic d = load_error(dir, Format::Dbmate);
    CHECK(d.message == "two dbmate migrations have version 1: m/1_a.sql and m/1_b.sql");
  }
}

TEST_CASE("dbmate: options dbmate ignores are warned about", "[dbmate]") {
  TempDir dir;
  dir.write("1_x.sql", "-- migrate:up   foo:bar note\nSELECT 1;\n-- migrate:down\n");
  MigrationSet set = load_dir(dir, Format::Dbmate);
  CHECK(set.migrations[0].up[0].tx == TxMode::Transaction);
  REQUIRE(set.warnings.size() == 1);
  CHECK(set.warnings[0].message ==
        "dbmate ignores 'foo:bar note' after the directive: its only option is transaction:false");
  CHECK(set.warnings[0].at.column == 17);
}

TEST_CASE("dbmate: the supabase-postgres corpus loads", "[dbmate][corpus]") {
  auto loaded = load_corpus("supabase-postgres/migrations/db/migrations", Format::Dbmate);
  if (!loaded) return;
  const MigrationSet& set = *loaded;
  REQUIRE(set.migrations.size() == 30);
  CHECK(set.migrations[0].id == "10000000000000");
  CHECK(set.migrations[0].name == "demote-postgres");
  CHECK(set.migrations[1].id == "20211115181400");
  CHECK(set.migrations.back().id == "20240606060239");
  for (const auto& m : set.migrations) {
    CHECK(m.up.size() == 1);
    CHECK(m.down.has_value());
  }
  CHECK(set.warnings.empty());
}
