// `migc build` end to end: transaction layout in deploy.sql, --track re-runs, --check, and
// what bad input does (exit 2, a located message, no artifact).
#include <filesystem>

#include <catch2/catch.hpp>

#include "tests/test_postgres.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace migc::test;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string build_into(const TempDir& dir, const std::string& args = "") {
  RunResult r = run_migc("build db -o out " + args, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return dir.read("out/deploy.sql");
}

}  // namespace

TEST_CASE("build: a non-transactional statement runs between the transactions around it", "[build]") {
  TempDir d;
  d.write("db/0001_init.sql",
          "CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_id ON t (id);\nCREATE TABLE u (id int);\n");
  RunResult r = run_migc("build db -o out --dir-format plain", d.path());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "db/0001_init.sql:2:1: warning: this statement cannot run inside a transaction block"));
  std::string deploy = d.read("out/deploy.sql");
  CHECK(contains(deploy,
                 "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n-- cannot run inside a transaction block: runs on its "
                 "own\nCREATE INDEX CONCURRENTLY t_id ON t (id);\nBEGIN;\nCREATE TABLE u (id int);\nCOMMIT;\n"));
  TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available: apply skipped");
    return;
  }
  CHECK(pg.psql_file(pg.create_database(), d.path() / "out/deploy.sql").exit_code == 0);
}

TEST_CASE("build: a body with its own BEGIN/COMMIT is never nested, a missing ';' is added", "[build]") {
  TempDir d;
  d.write("db/1_a.up.sql", "BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\n");
  d.write("db/2_b.up.sql", "CREATE TABLE b (id int);\nCREATE TABLE c (id int)");
  std::string deploy = build_into(d, "--dir-format golang-migrate");
  CHECK(contains(deploy, "-- this migration manages its own transaction\nBEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\n"));
  CHECK(contains(deploy, "BEGIN;\nCREATE TABLE b (id int);\nCREATE TABLE c (id int);\nCOMMIT;\n"));
  TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available: apply skipped");
    return;
  }
  CHECK(pg.psql_file(pg.create_database(), d.path() / "out/deploy.sql").exit_code == 0);
}

TEST_CASE("build --track: re-running deploy.sql skips what ran; rollback.sql undoes and unrecords", "[build]") {
  TempDir d;
  d.write("db/1_users.up.sql", "CREATE TABLE users (id int);\n");
  d.write("db/1_users.down.sql", "DROP TABLE users;\n");
  d.write("db/2_posts.up.sql", "CREATE TABLE posts (id int);\n");
  d.write("db/2_posts.down.sql", "DROP TABLE posts;\n");
  std::string deploy = build_into(d, "--dir-format golang-migrate --track");
  CHECK(contains(deploy, "\\if :migc_run"));
  TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available: apply skipped");
    return;
  }
  std::string db = pg.create_database();
  REQUIRE(pg.psql_file(db, d.path() / "out/deploy.sql").exit_code == 0);
  RunResult again = pg.psql_file(db, d.path() / "out/deploy.sql");
  CHECK(again.exit_code == 0);
  CHECK(contains(again.out, "migc: 1 already applied, skipped"));
  RunResult count = pg.psql_command(db, "\\t on\nSELECT count(*) FROM public.migc_migrations;");
  CHECK(contains(count.out, "2"));
  REQUIRE(pg.psql_file(db, d.path() / "out/rollback.sql").exit_code == 0);
  RunResult left = pg.psql_command(db, "\\t on\nSELECT count(*) FROM public.migc_migrations;\n"
                                       "SELECT count(*) FROM pg_tables WHERE tablename IN ('users', 'posts');");
  CHECK(left.out.find("2") == std::string::npos);
  CHECK(pg.psql_file(db, d.path() / "out/deploy.sql").exit_code == 0);
}

TEST_CASE("build --check: up to date exits 0, stale exits 1 naming the file and line", "[build]") {
  TempDir d;
  d.write("db/1_a.up.sql", "CREATE TABLE a (id int);\n");
  build_into(d, "--dir-format golang-migrate");
  CHECK(run_migc("build db -o out --check --dir-format golang-migrate", d.path()).exit_code == 0);
  d.write("db/1_a.up.sql", "CREATE TABLE a (id bigint);\n");
  RunResult stale = run_migc("build db -o out --check --dir-format golang-migrate", d.path());
  CHECK(stale.exit_code == 1);
  CHECK(contains(stale.err, "out/deploy.sql:2: stale"));
  CHECK(contains(stale.err, "out/plan.json"));
  CHECK(d.read("out/deploy.sql").find("bigint") == std::string::npos);  // --check never writes
}

TEST_CASE("build: a syntax error is exit 2 with file:line:col and a caret, and writes nothing", "[build]") {
  TempDir d;
  d.write("db/1_a.up.sql", "CREATE TABLE a (id int);\n");
  d.write("db/2_b.up.sql", "-- comment\nCREATE TABLE b (id int,);\n");
  RunResult r = run_migc("build db -o out --dir-format golang-migrate", d.path());
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "db/2_b.up.sql:2:24: error: syntax error: syntax error at or near \")\"\n"
                        "    2 | CREATE TABLE b (id int,);\n"
                        "      |                        ^\n"));
  CHECK_FALSE(fs::exists(d.path() / "out"));
}

TEST_CASE("build: a failed rebuild leaves the previous artifacts untouched", "[build]") {
  TempDir d;
  d.write("db/1_a.up.sql", "CREATE TABLE a (id int);\n");
  std::string before = build_into(d, "--dir-format golang-migrate");
  d.write("db/2_b.up.sql", "CREATE TABLE (;\n");
  CHECK(run_migc("build db -o out --dir-format golang-migrate", d.path()).exit_code == 2);
  CHECK(d.read("out/deploy.sql") == before);
  for (const auto& e : fs::directory_iterator(d.path() / "out")) CHECK(e.path().filename().string()[0] != '.');
}

TEST_CASE("build: usage errors are exit 2", "[build]") {
  TempDir d;
  CHECK(run_migc("build --dir-format nope", d.path()).exit_code == 2);
  CHECK(run_migc("build --pg-version fifteen", d.path()).exit_code == 2);
  CHECK(run_migc("frobnicate", d.path()).exit_code == 2);
  RunResult missing = run_migc("build no-such-dir", d.path());
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "no-such-dir: error: not a directory"));
}

TEST_CASE("build: migc.toml settings apply and flags override them", "[build]") {
  TempDir d;
  d.write("migc.toml", "dir = \"db\"\nout = \"compiled\"\ndir_format = \"flyway\"\n[placeholders]\nschema = \"app\"\n");
  d.write("db/V1__init.sql", "CREATE SCHEMA ${schema};\n");
  fs::create_directories(d.path() / "sub");
  RunResult r = run_migc("build", d.path() / "sub");  // found by walking up
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(d.read("compiled/deploy.sql"), "CREATE SCHEMA app;"));
  REQUIRE(run_migc("build -o other --placeholder schema=billing", d.path()).exit_code == 0);
  CHECK(contains(d.read("other/deploy.sql"), "CREATE SCHEMA billing;"));
  d.write("migc.toml", "dir = \"db\"\nbogus = 1\n");
  RunResult bad = run_migc("build", d.path());
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "migc.toml:2:1: error: unknown key 'bogus' in migc.toml"));
}

TEST_CASE("graph: mermaid, dot and json on stdout", "[build]") {
  TempDir d;
  d.write("db/1_a.up.sql", "CREATE TABLE a (id int);\n");
  d.write("db/2_b.up.sql", "CREATE TABLE b (id int);\n");
  RunResult mermaid = run_migc("graph db --dir-format golang-migrate", d.path());
  CHECK(mermaid.exit_code == 0);
  CHECK(mermaid.out == "flowchart TD\n  m1[\"1\"]\n  m2[\"2\"]\n  m1 -.-> m2\n");
  RunResult dot = run_migc("graph db --dir-format golang-migrate --format dot", d.path());
  CHECK(contains(dot.out, "  m1 -> m2 [style=dotted];\n"));
  RunResult json = run_migc("graph db --dir-format golang-migrate --format json", d.path());
  CHECK(contains(json.out, "\"from\": \"1\""));
  CHECK(run_migc("graph db --format svg", d.path()).exit_code == 2);
}

TEST_CASE("build: domain filters and --no-seeds on the example project", "[build]") {
  TempDir d;
  RunResult r = run_migc("build '" + (source_dir() / "migrations-example").string() + "' -o '" +
                         (d.path() / "out").string() + "' --include auth,billing --no-seeds");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string plan = d.read("out/plan.json");
  CHECK(contains(plan, "\"domain\": \"billing\""));
  CHECK_FALSE(contains(plan, "\"domain\": \"analytics\""));
  CHECK_FALSE(contains(plan, "\"kind\": \"seed\""));
  CHECK(contains(plan, "\"filtered_out\": ["));
}
