#include <algorithm>

#include <catch2/catch.hpp>

#include "compiler/load_test_support.h"

using namespace migc;
using namespace migc::test;

namespace {

bool has_warning(const MigrationSet& set, std::string_view text) {
  auto w = warning_messages(set);
  return std::any_of(w.begin(), w.end(), [&](const std::string& m) { return m.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("flyway: versioned by version, then repeatables by description; U is the down part", "[flyway]") {
  TempDir dir;
  dir.write("V1__init.sql", "CREATE TABLE a (id int);\n");
  dir.write("V1_1__add_b.sql", "CREATE TABLE b (id int);\n");
  dir.write("sub/V2__more.sql", "CREATE TABLE c (id int);\n");
  dir.write("sub/deeper/U2__more.sql", "DROP TABLE c;\n");
  dir.write("V10__ten.SQL", "SELECT 10;\n");
  dir.write("V9.sql", "SELECT 9;\n");
  dir.write("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
  dir.write("R__a_func.sql", "SELECT 'f';\n");
  dir.write("README.md", "docs\n");
  MigrationSet set = load_dir(dir, Format::Flyway);
  CHECK(ids(set) == std::vector<std::string>{"1", "1.1", "2", "9", "10", "R__a_func", "R__views"});
  const Migration& b = migration(set, "1.1");
  CHECK(b.name == "add b");
  CHECK(b.kind == Kind::Schema);
  CHECK(b.format == Format::Flyway);
  CHECK(b.attrs.at("version") == "1.1");
  CHECK(b.up[0].tx == TxMode::Transaction);
  CHECK(deps(b) == std::vector<std::string>{"1"});
  CHECK(b.deps[0].implicit);
  CHECK(migration(set, "9").name.empty());
  const Migration& c = migration(set, "2");
  REQUIRE(c.down.has_value());
  CHECK(texts(set, c.down->at(0)) == std::vector<std::string>{"DROP TABLE c;\n"});
  CHECK(c.files.size() == 2);
  CHECK_FALSE(migration(set, "1").down.has_value());
  const Migration& first_r = migration(set, "R__a_func");
  CHECK(first_r.kind == Kind::Repeatable);
  CHECK(first_r.name == "a func");
  CHECK(deps(first_r) == std::vector<std::string>{"10"});
  CHECK(deps(migration(set, "R__views")) == std::vector<std::string>{"10", "R__a_func"});
  CHECK(set.warnings.empty());
}

TEST_CASE("flyway: names Flyway skips are warned about, such as a rollback folder", "[flyway]") {
  TempDir dir;
  dir.write("V1__init.sql", "SELECT 1;\n");
  dir.write("rollback/1.0.0.1__drop.sql", "DROP TABLE a;\n");
  dir.write("V__no_version.sql", "SELECT 1;\n");
  dir.write("Vx__bad_version.sql", "SELECT 1;\n");
  dir.write("R_single_underscore.sql", "SELECT 1;\n");
  dir.write("R2__versioned_repeatable.sql", "SELECT 1;\n");
  dir.write("V3__gone.sql.conf", "executeInTransaction=false\n");
  MigrationSet set = load_dir(dir, Format::Flyway);
  CHECK(ids(set) == std::vector<std::string>{"1"});
  CHECK(warning_messages(set) == std::vector<std::string>{
                                     "m/R2__versioned_repeatable.sql: not a migration file name; ignored",
                                     "m/R_single_underscore.sql: not a migration file name; ignored",
                                     "m/V__no_version.sql: not a migration file name; ignored",
                                     "m/Vx__bad_version.sql: not a migration file name; ignored",
                                     "m/rollback/1.0.0.1__drop.sql: not a migration file name; ignored",
                                     "m/V3__gone.sql.conf: script configuration without its script; ignored",
                                 });
}

TEST_CASE("flyway: equal versions and equal descriptions are errors naming both files", "[flyway]") {
  SECTION("versions equal after normalisation") {
    TempDir dir;
    dir.write("V1__a.sql", "SELECT 1;\n");
    dir.write("sub/V1.0__b.sql", "SELECT 1;\n");
    Diagnostic d = load_error(dir, Format::Flyway);
    CHECK(d.message == "found more than one migration with version 1.0: m/V1__a.sql and m/sub/V1.0__b.sql");
    CHECK(d.file == "m/sub/V1.0__b.sql");
  }
  SECTION("repeatables with one description") {
    TempDir dir;
    dir.write("R__a_b.sql", "SELECT 1;\n");
    dir.write("x/R__a b.sql", "SELECT 1;\n");
    CHECK(load_error(dir, Format::Flyway).message ==
          "found more than one migration with description 'a b': m/R__a_b.sql and m/x/R__a b.sql");
  }
  SECTION("two undo scripts for one version") {
    TempDir dir;
    dir.write("V1__a.sql", "SELECT 1;\n");
    dir.write("U1__a.sql", "SELECT 1;\n");
    dir.write("U001__b.sql", "SELECT 1;\n");
    CHECK(load_error(dir, Format::Flyway).message.starts_with("found more than one migration with version 1:"));
  }
}

TEST_CASE("flyway: the latest baseline replaces the versions it covers", "[flyway]") {
  TempDir dir;
  dir.write("V1__a.sql", "CREATE TABLE a ();\n");
  dir.write("V2__b.sql", "CREATE TABLE b ();\n");
  dir.write("U2__b.sql", "DROP TABLE b;\n");
  dir.write("V3__c.sql", "CREATE TABLE c ();\n");
  dir.write("B1__old.sql", "CREATE TABLE a ();\n");
  dir.write("B2__base.sql", "CREATE TABLE a (); CREATE TABLE b ();\n");
  dir.write("U7__orphan.sql", "SELECT 1;\n");
  dir.write("R__v.sql", "SELECT 1;\n");
  MigrationSet set = load_dir(dir, Format::Flyway);
  CHECK(ids(set) == std::vector<std::string>{"2", "3", "R__v"});
  const Migration& base = set.migrations[0];
  CHECK(base.kind == Kind::Baseline);
  CHECK(base.name == "base");
  CHECK(texts(set, base.up[0]).size() == 2);
  CHECK(deps(set.migrations[1]) == std::vector<std::string>{"2"});
  CHECK(deps(set.migrations[2]) == std::vector<std::string>{"3"});
  CHECK(warning_messages(set) == std::vector<std::string>{
                                     "m/B1__old.sql: baseline 1 is superseded by baseline 2 (m/B2__base.sql); left out",
                                     "m/B2__base.sql: baseline 2 replaces 2 versioned migrations (1 to 2) when "
                                     "deploying from an empty database; they are left out",
                                     "m/U7__orphan.sql: undo migration without a versioned migration 7; ignored",
                                 });
}

TEST_CASE("flyway: transactions come from the .conf, else from the statements", "[flyway]") {
  TempDir dir;
  dir.write("V1__forced_off.sql", "CREATE TABLE a (id int);\n");
  dir.write("V1__forced_off.sql.conf", "# per-script settings\nexecuteInTransaction = false\n");
  dir.write("V2__concurrently.sql",
            "-- build it online\nCREATE INDEX CONCURRENTLY i ON a (id);\n"
            "/* then */ create unique index concurrently j on a (id);\nDROP INDEX CONCURRENTLY k;\n"
            "REINDEX (VERBOSE) SCHEMA s;\nVACUUM a;\nDISCARD ALL;\n-- the end\n");
  dir.write("V3__mixed.sql", "CREATE TABLE b (id int);\nCREATE INDEX CONCURRENTLY bi ON b (id);\n");
  dir.write("V4__forced_on.sql", "CREATE INDEX CONCURRENTLY ci ON a (id);\n");
  dir.write("V4__forced_on.sql.conf", "executeInTransaction=true\n");
  dir.write("V5__create_database.sql", "CREATE DATABASE x;\nALTER SYSTEM SET work_mem = '1MB';\n");
  MigrationSet set = load_dir(dir, Format::Flyway);
  const Migration& forced_off = migration(set, "1");
  CHECK(forced_off.up[0].tx == TxMode::None);
  CHECK(forced_off.files.size() == 2);
  CHECK(forced_off.attrs.at("executeInTransaction") == "false");
  CHECK(migration(set, "2").up[0].tx == TxMode::None);
  CHECK(migration(set, "3").up[0].tx == TxMode::Transaction);
  CHECK(migration(set, "4").up[0].tx == TxMode::Transaction);
  CHECK(migration(set, "5").up[0].tx == TxMode::None);
  REQUIRE(set.warnings.size() == 1);
  const Diagnostic& mixed = set.warnings[0];
  CHECK(mixed.file == "m/V3__mixed.sql");
  CHECK(mixed.message == "this statement cannot run in a transaction, but others in the script must");
  CHECK((mixed.at.line == 2 && mixed.at.column == 1));
}

TEST_CASE("flyway: a bad .conf is an error at its line and column", "[flyway]") {
  SECTION("unknown key") {
    TempDir dir;
    dir.write("V1__a.sql", "SELECT 1;\n");
    dir.write("V1__a.sql.conf", "executeInTransaction=false\n  runInTransaction=false\n");
    Diagnostic d = load_error(dir, Format::Flyway);
    CHECK(d.message == "unknown script configuration key 'runInTransaction'");
    CHECK(d.file == "m/V1__a.sql.conf");
    CHECK((d.at.line == 2 && d.at.column == 3));
  }
  SECTION("a value that is not a boolean") {
    TempDir dir;
    dir.write("V1__a.sql", "SELECT 1;\n");
    dir.write("V1__a.sql.conf", "executeInTransaction= False\n");
    Diagnostic d = load_error(dir, Format::Flyway);
    CHECK(d.message == "executeInTransaction=False is neither true nor false");
    CHECK((d.at.line == 1 && d.at.column == 23));
  }
  SECTION("a line without '='") {
    TempDir dir;
    dir.write("V1__a.sql", "SELECT 1;\n");
    dir.write("V1__a.sql.conf", "executeInTransaction\n");
    CHECK(load_error(dir, Format::Flyway).message == "expected key=value");
  }
}

TEST_CASE("flyway: placeholders are expanded unless the .conf turns them off", "[flyway]") {
  TempDir dir;
  dir.write("V1__schema.sql", "CREATE SCHEMA ${schema};\n");
  dir.write("V2__raw.sql", "SELECT '${not_a_placeholder}';\n");
  dir.write("V2__raw.sql.conf", "placeholderReplacement=false\n");
  MigrationSet set = load_dir(dir, Format::Flyway, {{"schema", "app"}});
  CHECK(texts(set, migration(set, "1").up[0]) == std::vector<std::string>{"CREATE SCHEMA app;\n"});
  CHECK(texts(set, migration(set, "2").up[0]) == std::vector<std::string>{"SELECT '${not_a_placeholder}';\n"});

  TempDir missing;
  missing.write("V1__schema.sql", "CREATE SCHEMA ${schema};\n");
  CHECK(load_error(missing, Format::Flyway).message == "unresolved placeholder '${schema}'");
}

TEST_CASE("flyway: callbacks are kept apart, with a warning", "[flyway]") {
  TempDir dir;
  dir.write("V1__a.sql", "SELECT 1;\n");
  dir.write("callbacks/afterMigrate.sql", "ANALYZE;\n");
  dir.write("beforeEachMigrateStatement__check.sql", "SELECT 2;\n");
  MigrationSet set = load_dir(dir, Format::Flyway);
  CHECK(ids(set) == std::vector<std::string>{"1", "beforeEachMigrateStatement__check", "callbacks/afterMigrate"});
  const Migration& cb = set.migrations[1];
  CHECK(cb.kind == Kind::Callback);
  CHECK(cb.name == "check");
  CHECK(cb.deps.empty());
  CHECK(has_warning(set,
                    "m/callbacks/afterMigrate.sql: Flyway callback 'callbacks/afterMigrate' is kept but not placed"));
  CHECK(set.warnings.size() == 2);
}

TEST_CASE("flyway: the ohdsi-webapi corpus loads with its placeholder", "[flyway][corpus]") {
  auto loaded = load_corpus("ohdsi-webapi/src/main/resources/db/migration/postgresql", Format::Flyway, {{"ohdsiSchema", "webapi"}});
  if (!loaded) return;
  const MigrationSet& set = *loaded;
  REQUIRE(set.migrations.size() == 196);
  std::vector<std::string> first(6);
  std::transform(set.migrations.begin(), set.migrations.begin() + 6, first.begin(),
                 [](const Migration& m) { return m.id; });
  CHECK(first == std::vector<std::string>{"1.0.0.1", "1.0.0.2", "1.0.0.3", "1.0.0.3.1", "1.0.0.3.2", "1.0.0.4"});
  CHECK(set.migrations.back().id == "2.15.0.20241203000001");  // 2.15 comes after 2.9
  CHECK(migration(set, "1.0.0.7.0").name == "sources.sql");
  // rollback/ holds hand-run scripts without a Flyway prefix: Flyway never runs them.
  CHECK(set.warnings.size() == 3);
  CHECK(set.warnings[0].file == "ohdsi-webapi/src/main/resources/db/migration/postgresql/rollback/1.0.0.1__schema-drop_spring_batch.sql");
  CHECK(set.text(set.migrations[0].up[0].statements[0]).find("webapi.") != std::string_view::npos);
}
