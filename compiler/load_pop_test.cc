#include <catch2/catch.hpp>

#include "compiler/load_test_support.h"
#include "compiler/loader.h"
#include "tests/test_support.h"

using namespace migc;
using namespace migc::test;

TEST_CASE("pop keeps PostgreSQL and dialect-less files and orders versions numerically", "[pop]") {
  TempDir dir;
  dir.write("20190100000001000000_users.up.sql", "CREATE TABLE users (id int);\n");
  dir.write("20190100000001000000_users.down.sql", "DROP TABLE users;\n");
  dir.write("20190100000002000000_emails.postgres.up.sql", "ALTER TABLE users ADD email text;\n");
  dir.write("20190100000002000000_emails.postgres.down.sql", "ALTER TABLE users DROP email;\n");
  dir.write("20190100000002000000_emails.mysql.up.sql", "ALTER TABLE users ADD email varchar(255);\n");
  dir.write("20190100000002000000_emails.sqlite3.up.sql", "ALTER TABLE users ADD email TEXT;\n");
  dir.write("20190100000002000000_emails.cockroach.up.sql", "ALTER TABLE users ADD email STRING;\n");
  dir.write("20190100000003000000_mysql_only.mysql.up.sql", "SELECT 1;\n");
  dir.write("9_early.up.sql", "");  // empty: a valid migration that does nothing
  dir.write("9_early.down.sql", "");
  MigrationSet set = load_dir(dir, Format::Pop);

  CHECK(ids(set) == std::vector<std::string>{"9", "20190100000001000000", "20190100000002000000"});
  CHECK(set.migrations[0].up[0].statements.empty());
  const Migration& emails = set.migrations[2];
  CHECK(emails.name == "emails");
  CHECK(emails.format == Format::Pop);
  CHECK(emails.up[0].tx == TxMode::Transaction);
  CHECK(texts(set, emails.up[0]) == std::vector<std::string>{"ALTER TABLE users ADD email text;\n"});
  REQUIRE(emails.down);
  CHECK(texts(set, (*emails.down)[0]) == std::vector<std::string>{"ALTER TABLE users DROP email;\n"});
  CHECK(deps(set.migrations[1]) == std::vector<std::string>{"9"});
  CHECK(deps(emails) == std::vector<std::string>{"20190100000001000000"});
  CHECK(set.warnings.empty());
}

TEST_CASE("pop prefers the postgres file per direction and reads .autocommit", "[pop]") {
  TempDir dir;
  dir.write("1_index.autocommit.up.sql", "CREATE INDEX i ON t (a);\n");
  dir.write("1_index.postgres.autocommit.up.sql", "CREATE INDEX CONCURRENTLY i ON t (a);\n");
  dir.write("1_index.down.sql", "DROP INDEX i;\n");  // no postgres down: the generic one serves
  dir.write("2_fk.pg.up.sql", "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u;\n");  // pg = postgres
  dir.write("2_fk.up.sql", "SELECT 'generic';\n");
  MigrationSet set = load_dir(dir, Format::Pop);

  REQUIRE(ids(set) == std::vector<std::string>{"1", "2"});
  const Migration& index = set.migrations[0];
  CHECK(index.up[0].tx == TxMode::Implicit);
  CHECK(texts(set, index.up[0]) == std::vector<std::string>{"CREATE INDEX CONCURRENTLY i ON t (a);\n"});
  REQUIRE(index.down);
  CHECK((*index.down)[0].tx == TxMode::Transaction);
  CHECK(texts(set, (*index.down)[0]) == std::vector<std::string>{"DROP INDEX i;\n"});
  CHECK(texts(set, set.migrations[1].up[0]) ==
        std::vector<std::string>{"ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u;\n"});
}

TEST_CASE("pop warns about files it skips", "[pop]") {
  TempDir dir;
  dir.write("1_a.up.sql", "SELECT 1;\n");
  dir.write("2_b.oracle.up.sql", "SELECT 2;\n");
  dir.write("3_c.d.postgres.up.sql", "SELECT 3;\n");  // a name with a dot does not match
  dir.write("sub/4_d.up.sql", "SELECT 4;\n");
  MigrationSet set = load_dir(dir, Format::Pop);
  CHECK(ids(set) == std::vector<std::string>{"1"});
  CHECK(warning_messages(set) ==
        std::vector<std::string>{"m/2_b.oracle.up.sql: unknown pop dialect 'oracle'; file ignored",
                                 "m/3_c.d.postgres.up.sql: not a migration file name; ignored"});
}

TEST_CASE("pop rejects fizz, two names for a version, and duplicate files", "[pop]") {
  TempDir dir;
  dir.write("1_users.up.sql", "CREATE TABLE users (id int);\n");
  SECTION("fizz") {
    dir.write("2_posts.up.fizz", "create_table(\"posts\") {}\n");
    Diagnostic d = load_error(dir, Format::Pop);
    CHECK(d.file == "m/2_posts.up.fizz");
    CHECK(d.message == "fizz migrations are not supported");
  }
  SECTION("two names") {
    dir.write("1_accounts.postgres.down.sql", "DROP TABLE accounts;\n");
    Diagnostic d = load_error(dir, Format::Pop);
    CHECK(d.file == "m/1_users.up.sql");
    CHECK(d.message == "version 1 has two names: 'accounts' (m/1_accounts.postgres.down.sql) and 'users' (m/1_users.up.sql)");
  }
  SECTION("two files for one version and direction") {
    dir.write("1_users.autocommit.up.sql", "CREATE TABLE users (id int);\n");
    Diagnostic d = load_error(dir, Format::Pop);
    CHECK(d.file == "m/1_users.up.sql");
    CHECK(d.message == "two up files for version 1: m/1_users.autocommit.up.sql and m/1_users.up.sql");
  }
}

TEST_CASE("pop reads the kratos migrations", "[pop][corpus]") {
  auto loaded = load_corpus("kratos/persistence/sql/migrations/sql", Format::Pop);
  if (!loaded) return;
  const MigrationSet& set = *loaded;
  REQUIRE(set.migrations.size() == 346);
  CHECK(set.migrations[0].id == "20150100000001000000");
  CHECK(set.migrations[0].name == "networks");
  CHECK(set.migrations[1].id == "20191100000001000000");
  CHECK(set.migrations.back().id == "20260703000000000000");
  const Migration& restore = migration(set, "20260616000000000000");
  CHECK(restore.up[0].tx == TxMode::Implicit);
  CHECK(set.file(restore.files[0]).path() ==
        "20260616000000000000_courier_messages_restore_list_index.postgres.autocommit.up.sql");
  for (const auto& m : set.migrations) CHECK(m.down);
  CHECK(set.warnings.empty());
}
