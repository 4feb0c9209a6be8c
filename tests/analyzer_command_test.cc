// The analyzer end to end: inferred dependencies reorder graph formats and are errors in
// linear ones, `migc deps` reports, `migc schema` prints the predicted schema, deploy.sql
// carries hazards.
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_postgres.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace migc::test;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::vector<std::string> plan_order(const TempDir& d) {
  auto plan = nlohmann::json::parse(d.read("out/plan.json"));
  return plan["order"].get<std::vector<std::string>>();
}

}  // namespace

TEST_CASE("analyzer: a yoyo project in the wrong file order is reordered and applies", "[analyzer-e2e]") {
  TempDir d;
  RunResult r = run_migc("build " + (source_dir() / "tests/golden/yoyo-inferred/input").string() +
                             " --dir-format yoyo -o " + (d.path() / "out").string(),
                         d.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(plan_order(d) == std::vector<std::string>{"0003.create-customers", "0004.order-status", "0002.create-orders",
                                                  "0001.index-orders", "0005.customer-orders-view",
                                                  "0006.first-customer"});
  std::string deploy = d.read("out/deploy.sql");
  CHECK(contains(deploy, "-- inferred dependency: 0003.create-customers (uses table public.customers)\n"));
  TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available: apply skipped");
    return;
  }
  RunResult apply = pg.psql_file(pg.create_database(), d.path() / "out/deploy.sql");
  INFO(apply.err);
  CHECK(apply.exit_code == 0);
}

TEST_CASE("analyzer: the forgotten dependency of migrations-example is reported and honoured", "[analyzer-e2e]") {
  TempDir d;
  std::string example = (source_dir() / "migrations-example").string();
  RunResult deps = run_migc("deps " + example, d.path());
  INFO(deps.err);
  CHECK(deps.exit_code == 1);
  CHECK(contains(deps.out, "'20250302_01_create_monthly_revenue' uses table billing.invoices, which "
                           "'20250112_01_create_invoices' creates, but does not declare it"));
  RunResult build = run_migc("build " + example + " -o out", d.path());
  REQUIRE(build.exit_code == 0);
  auto plan = nlohmann::json::parse(d.read("out/plan.json"));
  bool found = false;
  for (const auto& m : plan["migrations"])
    if (m["id"] == "20250302_01_create_monthly_revenue")
      for (const auto& dep : m["inferred_deps"])
        found = found || (dep["id"] == "20250112_01_create_invoices" && dep["declared"] == false);
  CHECK(found);
  CHECK(contains(d.read("out/graph.mmd"), "-. inferred .->"));
}

TEST_CASE("analyzer: a linear format that uses an object before it is created is an error at both places",
          "[analyzer-e2e]") {
  TempDir d;
  d.write("db/1_view.up.sql", "CREATE VIEW v AS SELECT id FROM t;\n");
  d.write("db/2_table.up.sql", "\nCREATE TABLE t (id int);\n");
  RunResult r = run_migc("build db -o out --dir-format golang-migrate", d.path());
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "db/1_view.up.sql:1:1: error: migration '1' uses table public.t, which only the later "
                        "migration '2' creates"));
  CHECK(contains(r.err, "db/2_table.up.sql:2:1: note: '2' creates it here"));
  CHECK(!fs::exists(d.path() / "out"));
}

TEST_CASE("deps: redundant declared edges come with the path that implies them", "[analyzer-e2e]") {
  TempDir d;
  d.write("db/a.sql", "CREATE TABLE a (id int PRIMARY KEY);\n");
  d.write("db/b.sql", "-- depends: a\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);\n");
  d.write("db/c.sql", "-- depends: a b\nCREATE TABLE c (b_id int REFERENCES b);\n");
  RunResult r = run_migc("deps db --dir-format yoyo", d.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "redundant declared dependencies (1):\n  db/c.sql:1:13: 'c' declares 'a', already implied by "
                        "c → b → a\n"));
  CHECK(contains(r.out, "undeclared dependencies (0):"));
  RunResult json = run_migc("deps db --dir-format yoyo --format json", d.path());
  auto doc = nlohmann::json::parse(json.out);
  REQUIRE(doc["redundant"].size() == 1);
  CHECK(doc["redundant"][0]["implied_by"] == nlohmann::json::array({"c", "b", "a"}));
}

TEST_CASE("deps: two unordered migrations that change the same table are an order-dependent pair",
          "[analyzer-e2e]") {
  TempDir d;
  d.write("db/a.sql", "CREATE TABLE t (id int);\n");
  d.write("db/b.sql", "-- depends: a\nALTER TABLE t ADD COLUMN x int;\n");
  d.write("db/c.sql", "-- depends: a\nALTER TABLE t ADD COLUMN y int;\n");
  RunResult r = run_migc("deps db --dir-format yoyo", d.path());
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "order-dependent pairs (1):\n  'b' (alter) and 'c' (alter) table public.t: nothing orders "
                        "them\n"));
}

TEST_CASE("deps: objects nobody creates, and [external] for those the database already has", "[analyzer-e2e]") {
  TempDir d;
  d.write("db/1_a.up.sql", "INSERT INTO legacy.accounts (id) VALUES (1);\nCREATE TABLE t (id int);\nCREATE TABLE t2 (id int);\n");
  d.write("db/2_b.up.sql", "CREATE TABLE t (id int);\n");
  RunResult r = run_migc("deps db --dir-format golang-migrate", d.path());
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "created by nobody (1):\n  db/1_a.up.sql:1:1: relation legacy.accounts used by '1'\n"));
  CHECK(contains(r.out, "duplicate creations (1):\n  table public.t is created by '1', '2'\n"));
  d.write("migc.toml", "[external]\ntables = [\"legacy.accounts\"]\n");
  RunResult with_external = run_migc("deps db --dir-format golang-migrate", d.path());
  CHECK(contains(with_external.out, "created by nobody (0):"));
  RunResult flag = run_migc("deps db --dir-format golang-migrate --external schema:legacy", d.path());
  CHECK(contains(flag.out, "created by nobody (0):"));
  RunResult bad = run_migc("deps db --dir-format golang-migrate --external widget:x", d.path());
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "--external 'widget:x' is not KIND:NAME"));
}

TEST_CASE("schema: the predicted schema as JSON and as SQL that applies", "[analyzer-e2e]") {
  TempDir d;
  std::string input = (source_dir() / "tests/golden/yoyo-inferred/input").string();
  RunResult json = run_migc("schema " + input + " --dir-format yoyo --format json", d.path());
  INFO(json.err);
  REQUIRE(json.exit_code == 0);
  auto doc = nlohmann::json::parse(json.out);
  std::vector<std::string> tables;
  for (const auto& t : doc["tables"]) tables.push_back(t["name"]);
  CHECK(tables == std::vector<std::string>{"public.customers", "public.orders"});
  RunResult sql = run_migc("schema " + input + " --dir-format yoyo", d.path());
  REQUIRE(sql.exit_code == 0);
  CHECK(contains(sql.out, "CREATE TYPE public.order_status AS ENUM ('new', 'paid', 'shipped');"));
  TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available: apply skipped");
    return;
  }
  d.write("schema.sql", sql.out);
  RunResult apply = pg.psql_file(pg.create_database(), d.path() / "schema.sql");
  INFO(apply.err);
  CHECK(apply.exit_code == 0);
}

TEST_CASE("build: deploy.sql names the hazards of migrations-example above their statements", "[analyzer-e2e]") {
  TempDir d;
  RunResult r = run_migc("build " + (source_dir() / "migrations-example").string() + " -o out", d.path());
  REQUIRE(r.exit_code == 0);
  std::string deploy = d.read("out/deploy.sql");
  CHECK(contains(deploy, "-- !! data loss: drops column auth.users.legacy_password_md5\n"));
  CHECK(contains(deploy, "-- !! lock: ACCESS EXCLUSIVE on billing.plans (blocks reads and writes)\n"));
  CHECK(contains(deploy, "-- !! rewrite: "));
}

TEST_CASE("deps --fix shows the headers to add and remove as a diff; --write writes them", "[analyzer-e2e]") {
  TempDir d;
  d.write("db/0001.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
  d.write("db/0002.py",
          "\"\"\"Plans.\"\"\"\nfrom yoyo import step\n"
          "steps = [step(\"CREATE TABLE plans (id int PRIMARY KEY, owner int REFERENCES users)\")]\n");
  d.write("db/0003.sql",
          "-- Subscriptions\n-- depends: 0001 0002\nCREATE TABLE subs (u int REFERENCES users, p int REFERENCES plans);\n");
  d.write("db/0004.sql", "INSERT INTO plans (id) VALUES (1);\n");
  RunResult fix = run_migc("deps db --dir-format yoyo --fix", d.path());
  CHECK(fix.exit_code == 1);
  CHECK(fix.out ==
        "--- a/0002.py\n+++ b/0002.py\n@@ -1,3 +1,4 @@\n \"\"\"Plans.\"\"\"\n+__depends__ = {\"0001\"}\n from yoyo import step\n"
        " steps = [step(\"CREATE TABLE plans (id int PRIMARY KEY, owner int REFERENCES users)\")]\n"
        "--- a/0003.sql\n+++ b/0003.sql\n@@ -1,3 +1,3 @@\n -- Subscriptions\n--- depends: 0001 0002\n+-- depends: 0002\n"
        " CREATE TABLE subs (u int REFERENCES users, p int REFERENCES plans);\n"
        "--- a/0004.sql\n+++ b/0004.sql\n@@ -1 +1,2 @@\n+-- depends: 0002\n INSERT INTO plans (id) VALUES (1);\n");
  CHECK(d.read("db/0003.sql").find("-- depends: 0001 0002") != std::string::npos);  // --fix alone writes nothing

  RunResult write = run_migc("deps db --dir-format yoyo --fix --write", d.path());
  CHECK(write.exit_code == 0);
  CHECK(d.read("db/0004.sql") == "-- depends: 0002\nINSERT INTO plans (id) VALUES (1);\n");
  RunResult again = run_migc("deps db --dir-format yoyo --fix", d.path());
  CHECK(again.exit_code == 0);
  CHECK(again.out.empty());

  RunResult linear = run_migc("deps db --dir-format golang-migrate --fix", d.path());
  CHECK(linear.exit_code == 2);
  CHECK(contains(linear.err, "no dependency headers to fix"));
}
