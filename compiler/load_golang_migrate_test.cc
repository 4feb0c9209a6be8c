#include <catch2/catch.hpp>

#include "compiler/load_test_support.h"
#include "compiler/loader.h"
#include "tests/test_support.h"

using namespace migc;
using namespace migc::test;

TEST_CASE("golang-migrate pairs up and down files and orders them by version number", "[golang-migrate]") {
  TempDir dir;
  dir.write("10_add_index.up.sql", "CREATE INDEX users_name ON users (name);\n");
  dir.write("0002_add_name.up.sql", "ALTER TABLE users ADD name text;\nUPDATE users SET name = '';\n");
  dir.write("0002_remove_name.down.sql", "ALTER TABLE users DROP name;\n");
  dir.write("1_create_users.up.sql", "CREATE TABLE users (id int);\n");
  dir.write("1_create_users.down.sql", "DROP TABLE users;\n");
  MigrationSet set = load_dir(dir, Format::GolangMigrate);

  CHECK(ids(set) == std::vector<std::string>{"1", "0002", "10"});
  const Migration& add_name = set.migrations[1];
  CHECK(add_name.name == "add_name");  // the up file's title; the down file may use another
  CHECK(add_name.format == Format::GolangMigrate);
  REQUIRE(add_name.up.size() == 1);
  CHECK(add_name.up[0].tx == TxMode::Implicit);
  CHECK(texts(set, add_name.up[0]) ==
        std::vector<std::string>{"ALTER TABLE users ADD name text;\n", "UPDATE users SET name = '';\n"});
  REQUIRE(add_name.down);
  CHECK((*add_name.down)[0].tx == TxMode::Implicit);
  CHECK(texts(set, (*add_name.down)[0]) == std::vector<std::string>{"ALTER TABLE users DROP name;\n"});
  CHECK(add_name.files.size() == 2);
  CHECK_FALSE(set.migrations[2].down);  // down files are optional

  CHECK(deps(set.migrations[0]).empty());
  CHECK(deps(add_name) == std::vector<std::string>{"1"});
  CHECK(deps(set.migrations[2]) == std::vector<std::string>{"0002"});
  CHECK(add_name.deps[0].implicit);
  CHECK(set.warnings.empty());
}

TEST_CASE("golang-migrate reads names its way: greedy title, any extension, root only", "[golang-migrate]") {
  TempDir dir;
  dir.write("1_a.up.down.sql", "DROP TABLE a;\n");  // title "a.up", direction down
  dir.write("1_a.up.sql", "CREATE TABLE a (id int);\n");
  dir.write("2_b.up.txt", "CREATE TABLE b (id int);\n");
  dir.write("nested/3_c.up.sql", "CREATE TABLE c (id int);\n");
  dir.write("README.md", "# migrations\n");
  MigrationSet set = load_dir(dir, Format::GolangMigrate);

  CHECK(ids(set) == std::vector<std::string>{"1", "2"});
  REQUIRE(set.migrations[0].down);
  CHECK(texts(set, (*set.migrations[0].down)[0]) == std::vector<std::string>{"DROP TABLE a;\n"});
  CHECK(set.warnings.empty());
}

TEST_CASE("golang-migrate warns about the files it skips", "[golang-migrate]") {
  TempDir dir;
  dir.write("1_init.up.sql", "CREATE TABLE a (id int);\n");
  dir.write("0002_init_up.sql", "CREATE TABLE b (id int);\n");
  dir.write("3_gone.down.sql", "DROP TABLE c;\n");
  MigrationSet set = load_dir(dir, Format::GolangMigrate);

  CHECK(ids(set) == std::vector<std::string>{"1"});
  CHECK(warning_messages(set) ==
        std::vector<std::string>{"m/0002_init_up.sql: not a migration file name; ignored",
                                 "m/3_gone.down.sql: down file without an up file; ignored"});
  CHECK(set.warnings[0].hints.at(0) == "expected <version>_<title>.up.sql or <version>_<title>.down.sql");
}

TEST_CASE("golang-migrate rejects two files for one version and direction", "[golang-migrate]") {
  TempDir dir;
  dir.write("001_users.up.sql", "CREATE TABLE users (id int);\n");
  dir.write("1_accounts.up.sql", "CREATE TABLE accounts (id int);\n");  // 1 == 001
  Diagnostic d = load_error(dir, Format::GolangMigrate);
  CHECK(d.file == "m/1_accounts.up.sql");
  CHECK(d.message == "two up files for version 1: m/001_users.up.sql and m/1_accounts.up.sql");
}

TEST_CASE("golang-migrate rejects a version beyond uint64", "[golang-migrate]") {
  TempDir dir;
  dir.write("1_ok.up.sql", "SELECT 1;\n");
  dir.write("18446744073709551616_big.up.sql", "SELECT 2;\n");
  Diagnostic d = load_error(dir, Format::GolangMigrate);
  CHECK(d.file == "m/18446744073709551616_big.up.sql");
  CHECK(d.message == "version 18446744073709551616 does not fit in 64 bits");

  TempDir max;
  max.write("18446744073709551615_max.up.sql", "SELECT 1;\n");
  CHECK(ids(load_dir(max, Format::GolangMigrate)) == std::vector<std::string>{"18446744073709551615"});
}

TEST_CASE("golang-migrate reads the supabase auth migrations", "[golang-migrate][corpus]") {
  auto loaded = load_corpus("supabase-auth/migrations", Format::GolangMigrate);
  if (!loaded) return;
  const MigrationSet& set = *loaded;
  REQUIRE(set.migrations.size() == 70);
  CHECK(set.migrations[0].id == "00");
  CHECK(set.migrations[0].name == "init_auth_schema");
  CHECK(set.migrations[1].id == "20210710035447");
  CHECK(set.migrations[2].id == "20210722035447");
  CHECK(set.migrations.back().id == "20260625000000");
  CHECK(set.migrations.back().name == "add_custom_claims_allowlist");
  CHECK(set.warnings.empty());
}
