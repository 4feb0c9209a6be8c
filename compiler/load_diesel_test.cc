#include <catch2/catch.hpp>

#include "compiler/load_test_support.h"
#include "compiler/loader.h"
#include "tests/test_support.h"

using namespace migc;
using namespace migc::test;

TEST_CASE("diesel reads one folder per migration, ids without dashes, in version order", "[diesel]") {
  TempDir dir;
  dir.write("2019-03-22-170700_create_posts/up.sql", "CREATE TABLE posts (id int);\nCREATE INDEX ON posts (id);\n");
  dir.write("2019-03-22-170700_create_posts/down.sql", "DROP TABLE posts;\n");
  dir.write("00000000000000_diesel_initial_setup/up.sql", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n");
  dir.write("00000000000000_diesel_initial_setup/down.sql", "DROP FUNCTION f();\n");
  dir.write("20151219180527_create_users/up.sql", "CREATE TABLE users (id int);\n");
  dir.write(".keep", "");
  dir.write("seed.sql", "INSERT INTO users VALUES (1);\n");
  dir.write(".hidden/up.sql", "SELECT 1;\n");
  MigrationSet set = load_dir(dir, Format::Diesel);

  CHECK(ids(set) == std::vector<std::string>{"00000000000000", "20151219180527", "20190322170700"});
  const Migration& posts = set.migrations[2];
  CHECK(posts.name == "create_posts");
  CHECK(posts.format == Format::Diesel);
  REQUIRE(posts.up.size() == 1);
  CHECK(posts.up[0].tx == TxMode::Transaction);
  CHECK(texts(set, posts.up[0]) ==
        std::vector<std::string>{"CREATE TABLE posts (id int);\n", "CREATE INDEX ON posts (id);\n"});
  REQUIRE(posts.down);
  CHECK((*posts.down)[0].tx == TxMode::Transaction);
  CHECK(texts(set, (*posts.down)[0]) == std::vector<std::string>{"DROP TABLE posts;\n"});
  CHECK_FALSE(set.migrations[1].down);  // down.sql is optional
  CHECK(set.file(set.migrations[1].files[0]).path() == "20151219180527_create_users/up.sql");

  CHECK(deps(set.migrations[0]).empty());
  CHECK(deps(set.migrations[1]) == std::vector<std::string>{"00000000000000"});
  CHECK(deps(posts) == std::vector<std::string>{"20151219180527"});
  CHECK(set.warnings.empty());
}

TEST_CASE("diesel orders versions as strings, like MigrationVersion", "[diesel]") {
  TempDir dir;
  dir.write("2026-07-24-154000-0000_long/up.sql", "SELECT 1;\n");
  dir.write("9_short/up.sql", "SELECT 2;\n");
  dir.write("2026-07-24-153000_earlier/up.sql", "SELECT 3;\n");
  CHECK(ids(load_dir(dir, Format::Diesel)) ==
        std::vector<std::string>{"20260724153000", "202607241540000000", "9"});
}

TEST_CASE("diesel metadata.toml decides the transaction", "[diesel]") {
  TempDir dir;
  dir.write("1_in_tx/up.sql", "CREATE TABLE a (id int);\n");
  dir.write("1_in_tx/metadata.toml", "run_in_transaction = true\n");
  dir.write("2_concurrently/up.sql", "CREATE INDEX CONCURRENTLY a_id ON a (id);\n");
  dir.write("2_concurrently/down.sql", "DROP INDEX CONCURRENTLY a_id;\n");
  dir.write("2_concurrently/metadata.toml", "# index on a live table\nrun_in_transaction = false\n");
  dir.write("3_no_key/up.sql", "SELECT 1;\n");
  dir.write("3_no_key/metadata.toml", "other = 1\n");
  MigrationSet set = load_dir(dir, Format::Diesel);

  CHECK(set.migrations[0].up[0].tx == TxMode::Transaction);
  const Migration& concurrently = set.migrations[1];
  CHECK(concurrently.up[0].tx == TxMode::Implicit);  // one batch_execute, no transaction around it
  CHECK((*concurrently.down)[0].tx == TxMode::Implicit);
  REQUIRE(concurrently.files.size() == 3);
  CHECK(set.file(concurrently.files[2]).path() == "2_concurrently/metadata.toml");
  // serde's default for a missing bool is false: diesel runs it without a transaction
  CHECK(set.migrations[2].up[0].tx == TxMode::Implicit);
  REQUIRE(set.warnings.size() == 1);
  CHECK(set.warnings[0].file == "m/3_no_key/metadata.toml");
  CHECK(set.warnings[0].message == "run_in_transaction is not set, so diesel runs this migration outside a transaction");
}

TEST_CASE("diesel metadata.toml errors point at the bad text", "[diesel]") {
  TempDir dir;
  dir.write("1_a/up.sql", "SELECT 1;\n");
  SECTION("a TOML syntax error") {
    dir.write("1_a/metadata.toml", "# settings\nrun_in_transaction = fals\n");
    Diagnostic d = load_error(dir, Format::Diesel);
    CHECK(d.file == "m/1_a/metadata.toml");
    CHECK(d.at.line == 2);
    CHECK(d.at.column == 26);  // where toml++ gave up: the end of `fals`
    CHECK(d.message.rfind("invalid TOML: ", 0) == 0);
    CHECK(d.message.find('\n') == std::string::npos);
    CHECK(d.source_line == "run_in_transaction = fals");
  }
  SECTION("a value that is not a boolean") {
    dir.write("1_a/metadata.toml", "\nrun_in_transaction = \"no\"\n");
    Diagnostic d = load_error(dir, Format::Diesel);
    CHECK(d.file == "m/1_a/metadata.toml");
    CHECK(d.at.line == 2);
    CHECK(d.at.column == 22);
    CHECK(d.message == "run_in_transaction must be true or false");
  }
}

TEST_CASE("diesel rejects folders that are not migrations", "[diesel]") {
  TempDir dir;
  dir.write("20190101000000_a/up.sql", "SELECT 1;\n");
  SECTION("a folder without up.sql") {
    dir.write("2019-01-02-000000_b/down.sql", "SELECT 2;\n");
    Diagnostic d = load_error(dir, Format::Diesel);
    CHECK(d.file == "m/2019-01-02-000000_b");
    CHECK(d.message == "migration folder without up.sql");
  }
  SECTION("two folders for one version") {
    dir.write("2019-01-01-000000_b/up.sql", "SELECT 2;\n");
    Diagnostic d = load_error(dir, Format::Diesel);
    CHECK(d.file == "m/20190101000000_a");
    CHECK(d.message == "version 20190101000000 is given by two folders: m/2019-01-01-000000_b and m/20190101000000_a");
  }
  SECTION("a name without a version") {
    dir.write("notes_b/up.sql", "SELECT 2;\n");
    Diagnostic d = load_error(dir, Format::Diesel);
    CHECK(d.file == "m/notes_b");
    CHECK(d.message == "not a diesel migration folder name");
  }
  SECTION("an empty up.sql") {
    dir.write("2_b/up.sql", "");
    Diagnostic d = load_error(dir, Format::Diesel);
    CHECK(d.file == "m/2_b/up.sql");
    CHECK(d.message == "empty up.sql: diesel refuses to run an empty migration");
  }
}

TEST_CASE("diesel warns about an empty down.sql", "[diesel]") {
  TempDir dir;
  dir.write("1_a/up.sql", "SELECT 1;\n");
  dir.write("1_a/down.sql", "");
  MigrationSet set = load_dir(dir, Format::Diesel);
  REQUIRE(set.migrations[0].down);
  CHECK((*set.migrations[0].down)[0].statements.empty());
  CHECK(warning_messages(set) ==
        std::vector<std::string>{"m/1_a/down.sql: empty down.sql: diesel refuses to revert an empty migration"});
}

TEST_CASE("diesel reads the crates.io migrations", "[diesel][corpus]") {
  auto loaded = load_corpus("crates-io/migrations", Format::Diesel);
  if (!loaded) return;
  const MigrationSet& set = *loaded;
  REQUIRE(set.migrations.size() == 285);
  CHECK(set.migrations[0].id == "00000000000000");
  CHECK(set.migrations[0].name == "diesel_initial_setup");
  CHECK(set.migrations[1].id == "20140924113530");
  CHECK(set.migrations.back().id == "202607301400000000");
  CHECK(set.migrations.back().name == "add_users_username_index");
  CHECK(migration(set, "20191115182353").name == "Add email notifications to crate owners");
  CHECK(set.warnings.size() == 5);  // empty down.sql files
}
