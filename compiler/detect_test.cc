#include "compiler/detect.h"

#include <catch2/catch.hpp>

#include "compiler/loader.h"
#include "tests/test_support.h"

using migc::Detection;
using migc::Format;
using migc::test::TempDir;

namespace {

std::vector<std::string> evidence_of(const Detection& d, Format f) {
  for (const auto& c : d.candidates)
    if (c.format == f) return c.evidence;
  return {};
}

std::vector<Format> candidate_formats(const Detection& d) {
  std::vector<Format> out;
  for (const auto& c : d.candidates) out.push_back(c.format);
  return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("goose: a -- +goose Up line", "[detect]") {
  TempDir dir;
  dir.write("00001_users.sql", "-- +goose Up\nCREATE TABLE users (id int);\n-- +goose Down\nDROP TABLE users;\n");
  dir.write("00002_index.sql", "-- +goose NO TRANSACTION\n-- +goose up\nCREATE INDEX CONCURRENTLY i ON users (id);\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Goose);
  CHECK(d.candidates.front().format == Format::Goose);
  CHECK(d.candidates.front().evidence ==
        std::vector<std::string>{"00001_users.sql:1: -- +goose Up", "00002_index.sql:2: -- +goose up"});
}

TEST_CASE("goose and dbmate markers count anywhere in the file", "[detect]") {
  TempDir dir;
  dir.write("00001_users.sql", "CREATE TABLE users (id int);\n-- +goose Up\nSELECT 1;\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Goose);
  CHECK(evidence_of(d, Format::Goose) == std::vector<std::string>{"00001_users.sql:2: -- +goose Up"});
}

TEST_CASE("dbmate: a -- migrate:up line", "[detect]") {
  TempDir dir;
  dir.write("20240101000000_users.sql",
            "-- migrate:up\ncreate table users (id int);\n\n-- migrate:down\ndrop table users;\n");
  dir.write("20240102000000_index.sql", "-- migrate:up transaction:false\ncreate index concurrently i on users (id);\n"
                                        "-- migrate:down\ndrop index i;\n");
  dir.write("schema.sql", "CREATE TABLE users (id int);\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Dbmate);
  CHECK(evidence_of(d, Format::Dbmate) ==
        std::vector<std::string>{"20240101000000_users.sql:1: -- migrate:up",
                                 "20240102000000_index.sql:1: -- migrate:up transaction:false"});
}

TEST_CASE("migretti: -- migrate: up in the root or in migrations/", "[detect]") {
  const std::string body = "-- migration: Users\n-- id: 01KCC000000000000000000001\n\n-- migrate: up\n"
                           "CREATE TABLE users (id int);\n-- migrate: down\nDROP TABLE users;\n";
  SECTION("root") {
    TempDir dir;
    dir.write("01KCC000000000000000000001_users.sql", body);
    Detection d = migc::detect_format(dir.path());
    REQUIRE(d.format == Format::Migretti);
    CHECK(evidence_of(d, Format::Migretti) ==
          std::vector<std::string>{"01KCC000000000000000000001_users.sql:4: -- migrate: up"});
  }
  SECTION("project folder holding migrations/") {
    TempDir dir;
    dir.write("mg.yaml", "database: {}\n");
    dir.write("migrations/01KCC000000000000000000001_users.sql", body);
    dir.write("seeds/users.sql", "INSERT INTO users VALUES (1);\n");
    CHECK(migc::detect_format(dir.path()).format == Format::Migretti);
  }
}

TEST_CASE("hyperdjango: a whole line -- UP", "[detect]") {
  TempDir dir;
  dir.write("0001_users.sql", "-- Users table\n-- UP\nCREATE TABLE users (id int);\n-- DOWN\nDROP TABLE users;\n");
  dir.write("0002_email.sql", "  -- up  \nALTER TABLE users ADD email text;\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::HyperDjango);
  CHECK(evidence_of(d, Format::HyperDjango) ==
        std::vector<std::string>{"0001_users.sql:2: -- UP", "0002_email.sql:1: -- up"});
}

TEST_CASE("flyway: V/U/B/R names, in subfolders too", "[detect]") {
  TempDir dir;
  dir.write("V1__init.sql", "CREATE TABLE t (id int);\n");
  dir.write("v3/V3_1__more.sql", "ALTER TABLE t ADD c int;\n");
  dir.write("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
  dir.write("rollback/1__drop.sql", "DROP TABLE t;\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Flyway);
  CHECK(evidence_of(d, Format::Flyway) ==
        std::vector<std::string>{"R__views.sql", "V1__init.sql", "v3/V3_1__more.sql"});
}

TEST_CASE("golang-migrate: every file is <version>_<title>.(up|down).sql", "[detect]") {
  TempDir dir;
  dir.write("1_init.up.sql", "CREATE TABLE t (id int);\n");
  dir.write("1_init.down.sql", "DROP TABLE t;\n");
  dir.write("2_more.up.sql", "ALTER TABLE t ADD c int;\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::GolangMigrate);
  CHECK(evidence_of(d, Format::GolangMigrate) ==
        std::vector<std::string>{"1_init.down.sql", "1_init.up.sql", "2_more.up.sql"});
}

TEST_CASE("pop: dialect or autocommit in the names", "[detect]") {
  TempDir dir;
  dir.write("20150100000001000000_networks.postgres.up.sql", "CREATE TABLE networks (id uuid);\n");
  dir.write("20150100000001000000_networks.postgres.down.sql", "DROP TABLE networks;\n");
  dir.write("20150100000002000000_index.autocommit.up.sql", "CREATE INDEX CONCURRENTLY i ON networks (id);\n");
  dir.write("20150100000003000000_empty.up.sql", "");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Pop);
  CHECK(candidate_formats(d) == std::vector<Format>{Format::Pop, Format::GolangMigrate});
  CHECK(evidence_of(d, Format::Pop).size() == 3);
}

TEST_CASE("diesel: <version>_<name>/up.sql folders", "[detect]") {
  TempDir dir;
  dir.write("00000000000000_diesel_initial_setup/up.sql", "SELECT 1;\n");
  dir.write("00000000000000_diesel_initial_setup/down.sql", "SELECT 1;\n");
  dir.write("2019-03-22-170700_users/up.sql", "CREATE TABLE users (id int);\n");
  dir.write("2019-03-22-170700_users/down.sql", "DROP TABLE users;\n");
  dir.write(".keep", "");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Diesel);
  CHECK(evidence_of(d, Format::Diesel) ==
        std::vector<std::string>{"00000000000000_diesel_initial_setup/up.sql", "2019-03-22-170700_users/up.sql"});
}

TEST_CASE("prisma: <ts>_name/migration.sql folders, migration_lock.toml", "[detect]") {
  TempDir dir;
  dir.write("20230404095503_initial/migration.sql", "-- CreateTable\nCREATE TABLE \"User\" (id int);\n");
  SECTION("folders alone") {
    Detection d = migc::detect_format(dir.path());
    REQUIRE(d.format == Format::Prisma);
    CHECK(evidence_of(d, Format::Prisma) == std::vector<std::string>{"20230404095503_initial/migration.sql"});
  }
  SECTION("lock file") {
    dir.write("migration_lock.toml", "provider = \"postgresql\"\n");
    Detection d = migc::detect_format(dir.path());
    REQUIRE(d.format == Format::Prisma);
    CHECK(evidence_of(d, Format::Prisma) ==
          std::vector<std::string>{"migration_lock.toml", "20230404095503_initial/migration.sql"});
  }
  SECTION("loose .sql files and no lock: not prisma") {
    dir.write("0001_x.sql", "SELECT 1;\n");
    CHECK(migc::detect_format(dir.path()).format == Format::Plain);
  }
}

TEST_CASE("yoyo: headers, rollback files, .py steps", "[detect]") {
  TempDir dir;
  dir.write("0001.create-foo.sql", "-- Create foo\nCREATE TABLE foo (id int);\n");
  dir.write("0001.create-foo.rollback.sql", "DROP TABLE foo;\n");
  dir.write("0002.modify-foo.sql", "-- Modify foo\n-- depends: 0001.create-foo\n\nALTER TABLE foo ADD baz int;\n");
  dir.write("0003.seed.py",
            "\"\"\"Seed.\"\"\"\nfrom yoyo import step\n\nsteps = [step(\"INSERT INTO foo VALUES (1)\")]\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Yoyo);
  CHECK(evidence_of(d, Format::Yoyo) ==
        std::vector<std::string>{"0001.create-foo.rollback.sql", "0002.modify-foo.sql:2: -- depends: 0001.create-foo",
                                 "0003.seed.py:2: from yoyo import step"});
}

TEST_CASE("a -- depends: line after SQL is not a yoyo header", "[detect]") {
  TempDir dir;
  dir.write("0001_x.sql", "SELECT 1;\n-- depends: nothing\n");
  CHECK(migc::detect_format(dir.path()).format == Format::Plain);
}

TEST_CASE("migchain: yoyo files in domain folders, inserters/", "[detect]") {
  TempDir dir;
  dir.write("auth/20250101_00_create_schema.py", "from yoyo import step\nsteps = [step(\"CREATE SCHEMA auth\")]\n");
  dir.write("billing/plans/inserters/20250102_03_seed_plans.py",
            "from yoyo import step\n__depends__ = {\"20250102_01_create_plans\"}\nsteps = []\n");
  dir.write("billing/plans/20250102_01_create_plans.sql",
            "-- depends: 20250101_00_create_schema\nCREATE TABLE p ();\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::MigChain);
  CHECK(evidence_of(d, Format::MigChain) ==
        std::vector<std::string>{"billing/plans/inserters/",
                                 "billing/plans/20250102_01_create_plans.sql:1: -- depends: 20250101_00_create_schema",
                                 "auth/20250101_00_create_schema.py:1: from yoyo import step", "and 1 more"});
}

TEST_CASE("plain: numbered .sql files with no marker", "[detect]") {
  TempDir dir;
  for (int i = 1; i <= 5; ++i) dir.write("000" + std::to_string(i) + "_step.sql", "SELECT 1;\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Plain);
  CHECK(evidence_of(d, Format::Plain) ==
        std::vector<std::string>{"0001_step.sql", "0002_step.sql", "0003_step.sql", "and 2 more"});
}

TEST_CASE("plain: .up.sql files in version folders are not golang-migrate", "[detect]") {
  TempDir dir;
  for (int i : {2, 10}) dir.write("postgres/" + std::to_string(i) + "/01_x.up.sql", "SELECT 1;\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Plain);
  CHECK(evidence_of(d, Format::Plain) ==
        std::vector<std::string>{"postgres/10/01_x.up.sql is in a subfolder, which golang-migrate does not read",
                                 "postgres/2/01_x.up.sql is in a subfolder, which golang-migrate does not read"});
}

TEST_CASE("harness-like: repeated versions and _up.sql names are plain, not golang-migrate", "[detect]") {
  TempDir dir;
  dir.write("0000_create_extension_citext.up.sql", "CREATE EXTENSION citext;\n");
  dir.write("0001_create_table_a.up.sql", "CREATE TABLE a (id int);\n");
  dir.write("0001_create_table_a.down.sql", "DROP TABLE a;\n");
  dir.write("0001_create_table_b.up.sql", "CREATE TABLE b (id int);\n");
  dir.write("0021_alter_a_up.sql", "ALTER TABLE a ADD c int;\n");
  dir.write("0021_alter_a_down.sql", "ALTER TABLE a DROP c;\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Plain);
  CHECK(candidate_formats(d) == std::vector<Format>{Format::Plain, Format::GolangMigrate});
  CHECK(evidence_of(d, Format::Plain) ==
        std::vector<std::string>{
            "0001_create_table_b.up.sql repeats version 1 (up) of 0001_create_table_a.up.sql",
            "0021_alter_a_down.sql is not named <version>_<title>.up.sql or .down.sql",
            "0021_alter_a_up.sql is not named <version>_<title>.up.sql or .down.sql"});
}

TEST_CASE("golang-migrate compares versions as numbers: 01 and 1 repeat", "[detect]") {
  TempDir dir;
  dir.write("01_a.up.sql", "SELECT 1;\n");
  dir.write("1_b.up.sql", "SELECT 1;\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Plain);
  CHECK(evidence_of(d, Format::Plain) == std::vector<std::string>{"1_b.up.sql repeats version 1 (up) of 01_a.up.sql"});
}

TEST_CASE("fider-like: x.up.sql mixed with x.sql is plain", "[detect]") {
  TempDir dir;
  dir.write("201701261850_create_tenants.up.sql", "CREATE TABLE tenants (id int);\n");
  dir.write("201806191904_create_logs.sql", "CREATE TABLE logs (id int);\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE(d.format == Format::Plain);
  CHECK(evidence_of(d, Format::Plain) ==
        std::vector<std::string>{"201806191904_create_logs.sql is not named <version>_<title>.up.sql or .down.sql"});
}

TEST_CASE("markers of different formats in one directory are ambiguous", "[detect]") {
  TempDir dir;
  for (int i = 1; i <= 5; ++i)
    dir.write("0000" + std::to_string(i) + "_g.sql", "-- +goose Up\nSELECT 1;\n");
  dir.write("00006_d.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
  dir.write("00007_l.sql", "\n-- liquibase formatted sql\n-- changeset a:1\nSELECT 1;\n");
  Detection d = migc::detect_format(dir.path());
  REQUIRE_FALSE(d.format);
  CHECK(d.reason ==
        "it holds files with markers of different formats: liquibase (not supported yet: 00007_l.sql:2: "
        "-- liquibase formatted sql), goose, dbmate; one directory must use one format");
  REQUIRE(candidate_formats(d) == std::vector<Format>{Format::Goose, Format::Dbmate});
  CHECK(d.candidates[0].evidence == std::vector<std::string>{"00001_g.sql:1: -- +goose Up",
                                                             "00002_g.sql:1: -- +goose Up",
                                                             "00003_g.sql:1: -- +goose Up", "and 2 more"});
  CHECK(d.candidates[1].evidence == std::vector<std::string>{"00006_d.sql:1: -- migrate:up"});

  migc::Diagnostic diag = migc::detection_failure(d, "db/migrations");
  CHECK(diag.message == "cannot tell the migration format of db/migrations: " + d.reason);
  CHECK(diag.hints == std::vector<std::string>{
                          "goose: 00001_g.sql:1: -- +goose Up; 00002_g.sql:1: -- +goose Up; "
                          "00003_g.sql:1: -- +goose Up; and 2 more",
                          "dbmate: 00006_d.sql:1: -- migrate:up",
                          "pass --dir-format NAME (one of: plain, yoyo, migchain, migretti, dbmate, golang-migrate, "
                          "goose, flyway, diesel, pop, prisma, hyperdjango)"});
}

TEST_CASE("the loader reports an undecidable directory as bad input", "[detect]") {
  TempDir dir;
  dir.write("1_a.sql", "-- +goose Up\nSELECT 1;\n");
  dir.write("2_b.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
  migc::LoadOptions options{dir.path(), "mig"};
  try {
    migc::load_migrations(options);
    FAIL("expected a CompileError");
  } catch (const migc::CompileError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(contains(e.diagnostics()[0].message, "cannot tell the migration format of mig: it holds files with markers"));
    CHECK(e.diagnostics()[0].hints.size() == 3);
  }
}

TEST_CASE("formats migc cannot read yet are named with their evidence", "[detect]") {
  TempDir dir;
  std::string expected;
  SECTION("sqitch") {
    dir.write("sqitch.plan", "%project=app\n\nusers 2012-07-16T17:25:07Z A <a@b.c>\n");
    dir.write("deploy/users.sql", "BEGIN;\nCREATE TABLE users (id int);\nCOMMIT;\n");
    expected = "format sqitch is not supported yet (sqitch.plan; deploy/)";
  }
  SECTION("atlas") {
    dir.write("atlas.sum", "h1:09lkmQGTxdoqPwK0ZXtU4+KHipufkVp1Jlje3t6Opy4=\n20220925092817_initial.sql h1:x=\n");
    dir.write("20220925092817_initial.sql", "CREATE TABLE t (id int);\n");
    expected = "format atlas is not supported yet (atlas.sum:1: h1:09lkmQGTxdoqPwK0ZXtU4+KHipufkVp1Jlje3t6Opy4=)";
  }
  SECTION("liquibase") {
    dir.write("changelog.sql", "--liquibase formatted sql\n--changeset ryan:1\ncreate table t (id int);\n");
    expected = "format liquibase is not supported yet (changelog.sql:1: --liquibase formatted sql)";
  }
  SECTION("sourcegraph") {
    for (const char* f : {"up.sql", "down.sql", "metadata.yaml"}) dir.write(std::string("1528395934/") + f, "");
    expected = "format sourcegraph is not supported yet (1528395934/metadata.yaml)";
  }
  SECTION("graphile-migrate") {
    dir.write("committed/000001.sql", "--! Previous: -\n--! Hash: sha1:abc\n\ncreate table t (id int);\n");
    expected = "format graphile-migrate is not supported yet (committed/000001.sql:1: --! Previous: -)";
  }
  SECTION("node-pg-migrate") {
    dir.write("1700000000000_init.sql",
              "-- Up Migration\nCREATE TABLE t (id int);\n-- Down Migration\nDROP TABLE t;\n");
    expected = "format node-pg-migrate is not supported yet (1700000000000_init.sql:1: -- Up Migration)";
  }
  Detection d = migc::detect_format(dir.path());
  CHECK_FALSE(d.format);
  CHECK(d.reason == expected);
}

TEST_CASE("atlas.sum beside another tool's files: the other tool wins", "[detect]") {
  TempDir dir;
  dir.write("atlas.sum", "h1:09lkmQGTxdoqPwK0ZXtU4+KHipufkVp1Jlje3t6Opy4=\n");
  dir.write("1_a.sql", "-- +goose Up\nSELECT 1;\n");
  CHECK(migc::detect_format(dir.path()).format == Format::Goose);
}

TEST_CASE("a flat format found only in a subfolder names the folder", "[detect]") {
  TempDir dir;
  dir.write("db/migrations/20240101000000_users.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
  dir.write("db/schema.sql", "CREATE TABLE users (id int);\n");
  Detection d = migc::detect_format(dir.path());
  CHECK_FALSE(d.format);
  CHECK(d.reason == "its dbmate migrations are in a subfolder (db/migrations/), and dbmate reads only the folder it "
                    "is given: point migc at the folder that holds them");
  CHECK(candidate_formats(d) == std::vector<Format>{Format::Dbmate});
}

TEST_CASE("no migrations found", "[detect]") {
  TempDir dir;
  SECTION("empty") {}
  SECTION("no .sql and no yoyo .py") {
    dir.write("README.md", "# nothing\n");
    dir.write("env.py", "import os\n");
    dir.write(".hidden/1_a.sql", "SELECT 1;\n");
  }
  Detection d = migc::detect_format(dir.path());
  CHECK_FALSE(d.format);
  CHECK(d.reason == "no migrations found");
  CHECK(d.candidates.empty());
}

TEST_CASE("corpus directories are detected as their tools", "[detect][corpus]") {
  auto corpus = migc::test::corpus_dir();
  if (!std::filesystem::is_directory(corpus)) {
    WARN("corpus not found at " << corpus.string() << "; skipping");
    return;
  }
  struct Case {
    const char* dir;
    Format format;
  };
  for (const Case& c : {
           Case{"hatchet/cmd/hatchet-migrate/migrate/migrations", Format::Goose},
           Case{"ohdsi-webapi/src/main/resources/db/migration/postgresql", Format::Flyway},
           Case{"kratos/persistence/sql/migrations/sql", Format::Pop},
           Case{"crates-io/migrations", Format::Diesel},
           Case{"documenso/packages/prisma/migrations", Format::Prisma},
           Case{"supabase-postgres/migrations/db/migrations", Format::Dbmate},
           Case{"fider/migrations", Format::Plain},
           Case{"harness/app/store/database/migrate/postgres", Format::Plain},
       }) {
    INFO(c.dir);
    Detection d = migc::detect_format(corpus / c.dir);
    INFO(d.reason);
    REQUIRE(d.format == c.format);
    CHECK(d.candidates.front().format == c.format);
    CHECK_FALSE(d.candidates.front().evidence.empty());
  }
}

TEST_CASE("the bundled example project is MigChain", "[detect]") {
  Detection d = migc::detect_format(migc::test::source_dir() / "migrations-example");
  REQUIRE(d.format == Format::MigChain);
  CHECK(candidate_formats(d) == std::vector<Format>{Format::MigChain});
}
