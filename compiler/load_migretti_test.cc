#include <catch2/catch.hpp>

#include "compiler/yoyo_family_test_support.h"

using namespace migc;
using namespace migc::test;

using Strings = std::vector<std::string>;

TEST_CASE("migretti: migrations/*.sql in id order, with up and down sections and seeds", "[migretti]") {
  TempDir dir;
  dir.write("mg.yaml", "database: {}\n");
  dir.write("migrations/01KCC000000000000000000002_concurrent_index.sql",
            "-- migration: Concurrent Index\n"
            "-- id: 01KCC000000000000000000002\n"
            "\n"
            "-- migrate: no-transaction\n"
            "-- migrate: up\n"
            "CREATE TABLE IF NOT EXISTS test_conc (id INT);\n"
            "CREATE INDEX CONCURRENTLY idx_test_conc ON test_conc(id);\n"
            "\n"
            "-- migrate: down\n"
            "DROP INDEX CONCURRENTLY idx_test_conc;\n"
            "DROP TABLE test_conc;\n");
  dir.write("migrations/01KCC000000000000000000001_create_users.sql",
            "-- migrate: up\n"
            "CREATE TABLE users (id int);\n"
            "  -- migrate: down   \n"
            "DROP TABLE users;\n"
            "-- migrate: up\n"
            "CREATE INDEX users_id ON users (id);\n");
  dir.write("migrations/notes.txt", "not sql\n");
  dir.write("seeds/02_more.sql", "INSERT INTO users VALUES (2);\n");
  dir.write("seeds/01_users.sql", "INSERT INTO users VALUES (1);\n");
  MigrationSet set = load_dir(dir, Format::Migretti);

  CHECK(ids(set) == Strings{"01KCC000000000000000000001", "01KCC000000000000000000002", "seeds/01_users",
                            "seeds/02_more"});
  const Migration& users = set.migrations[0];
  CHECK(users.name == "create_users");
  CHECK(users.format == Format::Migretti);
  CHECK(users.up[0].tx == TxMode::Transaction);
  // marker lines are dropped; a repeated marker appends to its section
  CHECK(texts(set, users.up[0]) == Strings{"CREATE TABLE users (id int);\n", "CREATE INDEX users_id ON users (id);\n"});
  CHECK(texts(set, (*users.down)[0]) == Strings{"DROP TABLE users;\n"});
  CHECK(users.deps.empty());

  const Migration& conc = set.migrations[1];
  CHECK(conc.name == "Concurrent Index");
  CHECK(conc.up[0].tx == TxMode::None);
  CHECK((*conc.down)[0].tx == TxMode::None);
  CHECK(texts(set, conc.up[0]) ==
        Strings{"CREATE TABLE IF NOT EXISTS test_conc (id INT);\n",
                "CREATE INDEX CONCURRENTLY idx_test_conc ON test_conc(id);\n\n"});
  CHECK(implicit_deps(conc) == Strings{"01KCC000000000000000000001"});
  CHECK(declared_deps(conc).empty());

  const Migration& seed = set.migrations[2];
  CHECK(seed.kind == Kind::Seed);
  CHECK(seed.name == "01_users");
  CHECK(seed.up[0].tx == TxMode::Transaction);
  CHECK(texts(set, seed.up[0]) == Strings{"INSERT INTO users VALUES (1);\n"});
  CHECK(seed.deps.empty());
  CHECK_FALSE(seed.down);
  CHECK(set.warnings.empty());
}

TEST_CASE("migretti: without a migrations/ folder the root holds the .sql files", "[migretti]") {
  TempDir dir;
  dir.write("2_second.sql", "-- migrate: up\nSELECT 2;\n-- migrate: down\nSELECT -2;\n");
  dir.write("1_first.sql", "-- migrate: up\nSELECT 1;\n-- migrate: down\nSELECT -1;\n");
  dir.write("seeds/1_seed.sql", "SELECT 0;\n");  // seeds belong to a project directory
  MigrationSet set = load_dir(dir, Format::Migretti);
  CHECK(ids(set) == Strings{"1", "2"});
  CHECK(implicit_deps(set.migrations[1]) == Strings{"1"});
}

TEST_CASE("migretti: file names that are not <id>_<name>.sql are skipped with a warning", "[migretti]") {
  TempDir dir;
  dir.write("migrations/1_ok.sql", "-- migrate: up\nSELECT 1;\n-- migrate: down\nSELECT 1;\n");
  dir.write("migrations/nounderscore.sql", "-- migrate: up\nSELECT 1;\n");
  dir.write("migrations/_noid.sql", "-- migrate: up\nSELECT 1;\n");
  dir.write("migrations/2_.sql", "-- migrate: up\nSELECT 1;\n");
  MigrationSet set = load_dir(dir, Format::Migretti);
  CHECK(ids(set) == Strings{"1"});
  CHECK(warnings(set) == Strings{"m/migrations/2_.sql: skipped: migretti reads only files named <id>_<name>.sql",
                                 "m/migrations/_noid.sql: skipped: migretti reads only files named <id>_<name>.sql",
                                 "m/migrations/nounderscore.sql: skipped: migretti reads only files named "
                                 "<id>_<name>.sql"});
}

TEST_CASE("migretti: an id that is not 1-26 letters or digits, or a duplicate id, is an error", "[migretti]") {
  TempDir dir;
  SECTION("invalid") {
    dir.write("migrations/2024-01-01_x.sql", "-- migrate: up\nSELECT 1;\n");
    Diagnostic d = load_error(dir, Format::Migretti);
    CHECK(d.file == "m/migrations/2024-01-01_x.sql");
    CHECK(d.message ==
          "invalid migration id '2024-01-01' in the file name: migretti ids are 1 to 26 letters or digits");
  }
  SECTION("too long") {
    dir.write("migrations/01KCC0000000000000000000012_x.sql", "-- migrate: up\nSELECT 1;\n");
    CHECK(load_error(dir, Format::Migretti).message ==
          "invalid migration id '01KCC0000000000000000000012' in the file name: migretti ids are 1 to 26 letters or "
          "digits");
  }
  SECTION("duplicate") {
    dir.write("migrations/1_a.sql", "-- migrate: up\nSELECT 1;\n-- migrate: down\nSELECT 1;\n");
    dir.write("migrations/1_b.sql", "-- migrate: up\nSELECT 1;\n-- migrate: down\nSELECT 1;\n");
    CHECK(load_error(dir, Format::Migretti).message == "duplicate migration id '1'");
  }
}

TEST_CASE("migretti: the up section is required and must not be empty", "[migretti]") {
  TempDir dir;
  SECTION("missing") {
    dir.write("migrations/1_a.sql", "-- migration: A\nCREATE TABLE a (id int);\n-- migrate: down\nDROP TABLE a;\n");
    Diagnostic d = load_error(dir, Format::Migretti);
    CHECK(where(d) == "m/migrations/1_a.sql:1:1");
    CHECK(d.message == "no '-- migrate: up' line: migretti needs an up section");
  }
  SECTION("empty") {
    dir.write("migrations/1_a.sql", "-- migrate: up\n\n   \n-- migrate: down\nDROP TABLE a;\n");
    Diagnostic d = load_error(dir, Format::Migretti);
    CHECK(where(d) == "m/migrations/1_a.sql:1:1");
    CHECK(d.message == "the '-- migrate: up' section is empty");
  }
}

TEST_CASE("migretti: markers are case-sensitive prefixes; text before the first marker does not run", "[migretti]") {
  TempDir dir;
  dir.write("migrations/1_a.sql",
            "SELECT 'not run';\n"
            "-- Migrate: up\n"
            "-- migrate: upgrade\n"
            "SELECT 1;\n");
  MigrationSet set = load_dir(dir, Format::Migretti);
  CHECK(texts(set, set.migrations[0].up[0]) == Strings{"SELECT 1;\n"});
  CHECK_FALSE(set.migrations[0].down);
  CHECK(warnings(set) == Strings{"m/migrations/1_a.sql: no '-- migrate: down' section: it cannot be rolled back"});
}

TEST_CASE("migretti: a -- id: header that differs from the file name is warned about", "[migretti]") {
  TempDir dir;
  dir.write("migrations/01A_x.sql", "-- id: 01B\n-- migrate: up\nSELECT 1;\n-- migrate: down\nSELECT 1;\n");
  MigrationSet set = load_dir(dir, Format::Migretti);
  CHECK(ids(set) == Strings{"01A"});
  CHECK(warnings(set) ==
        Strings{"m/migrations/01A_x.sql:1:8: '-- id: 01B' differs from the id '01A' of the file name, which is the "
                "one migretti uses"});
}

TEST_CASE("migretti: ids are ordered as strings, and mixed lengths are warned about", "[migretti]") {
  TempDir dir;
  const std::string body = "-- migrate: up\nSELECT 1;\n-- migrate: down\nSELECT 1;\n";
  dir.write("9_nine.sql", body);
  dir.write("10_ten.sql", body);
  dir.write("1_one.sql", body);
  MigrationSet set = load_dir(dir, Format::Migretti);
  CHECK(ids(set) == Strings{"1", "10", "9"});
  CHECK(warnings(set) == Strings{"m: migration ids have different lengths: migretti orders them as strings, so '10' "
                                 "comes before '9'"});
}
