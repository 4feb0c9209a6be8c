#include <catch2/catch.hpp>

#include "compiler/yoyo_family_test_support.h"

using namespace migc;
using namespace migc::test;

using Strings = std::vector<std::string>;

namespace {

std::string py_step(const std::string& sql, const std::string& depends = "") {
  std::string out = "from yoyo import step\n";
  if (!depends.empty()) out += "__depends__ = {" + depends + "}\n";
  return out + "steps = [step(\"" + sql + "\")]\n";
}

}  // namespace

TEST_CASE("migchain: folders holding .py migrations, in path order, with domains and inserters as seeds",
          "[migchain]") {
  TempDir dir;
  dir.write("auth/20250101_00_create_schema.py", py_step("CREATE SCHEMA auth"));
  dir.write("auth/users/20250101_01_create_users.py",
            py_step("CREATE TABLE auth.users (id int primary key)", "\"20250101_00_create_schema\""));
  dir.write("billing/plans/20250102_01_create_plans.py", py_step("CREATE TABLE billing.plans (name text)"));
  dir.write("billing/plans/20250102_04_plan_index.sql",
            "-- depends: 20250102_01_create_plans\nCREATE INDEX ON billing.plans (name);\n");
  dir.write("billing/plans/inserters/20250102_03_seed_plans.py",
            py_step("INSERT INTO billing.plans VALUES ('free')", "\"20250102_01_create_plans\""));
  dir.write("billing/subscriptions/20250102_02_create_subscriptions.py",
            py_step("CREATE TABLE billing.subscriptions (plan text, user_id int)",
                    "\"20250102_01_create_plans\", \"20250101_01_create_users\""));
  dir.write("00_bootstrap.py", py_step("CREATE SCHEMA billing"));
  dir.write("legacy/0001_old.sql", "SELECT 1;\n");  // no .py: MigChain never sees this folder
  dir.write("shared/__init__.py", "");               // __init__.py alone does not make a source
  MigrationSet set = load_dir(dir, Format::MigChain);

  CHECK(ids(set) == Strings{"00_bootstrap", "20250101_00_create_schema", "20250101_01_create_users",
                            "20250102_01_create_plans", "20250102_04_plan_index", "20250102_03_seed_plans",
                            "20250102_02_create_subscriptions"});
  Strings domains, kinds;
  for (const auto& m : set.migrations) {
    domains.push_back(m.domain);
    kinds.emplace_back(kind_name(m.kind));
    CHECK(m.format == Format::MigChain);
  }
  CHECK(domains == Strings{"root", "auth", "auth", "billing", "billing", "billing", "billing"});
  CHECK(kinds[5] == kind_name(Kind::Seed));
  CHECK(std::count(kinds.begin(), kinds.end(), std::string(kind_name(Kind::Schema))) == 6);
  CHECK(declared_deps(migration(set, "20250102_02_create_subscriptions")) ==
        Strings{"20250102_01_create_plans", "20250101_01_create_users"});
  CHECK(declared_deps(migration(set, "20250102_04_plan_index")) == Strings{"20250102_01_create_plans"});
  CHECK(texts(set, migration(set, "20250102_04_plan_index").up[0]) ==
        Strings{"-- depends: 20250102_01_create_plans\nCREATE INDEX ON billing.plans (name);\n"});
  CHECK(warnings(set) ==
        Strings{"m/legacy: its .sql files are not read: MigChain only reads folders that hold a .py migration"});
}

TEST_CASE("migchain: folders compare component by component, like pathlib", "[migchain]") {
  TempDir dir;
  dir.write("a-c/2.py", py_step("SELECT 2"));
  dir.write("a/b/1.py", py_step("SELECT 1"));
  dir.write("a/3.py", py_step("SELECT 3"));
  MigrationSet set = load_dir(dir, Format::MigChain);
  // "a" < "a/b" < "a-c", although '-' sorts before '/' as bytes
  CHECK(ids(set) == Strings{"3", "1", "2"});
}

TEST_CASE("migchain: a cross-domain dependency on a missing id is an error where it is written", "[migchain]") {
  TempDir dir;
  dir.write("auth/0001_users.py", py_step("CREATE TABLE users (id int)"));
  dir.write("billing/0002_subs.py", py_step("CREATE TABLE subs (id int)", "\"0001_users\", \"0001_user\""));
  Diagnostic d = load_error(dir, Format::MigChain);
  CHECK(where(d) == "m/billing/0002_subs.py:2:30");
  CHECK(d.message == "'0002_subs' depends on '0001_user', which is not a migration");
}

TEST_CASE("migchain: an inserters folder anywhere below the root holds seeds; post-apply stays a hook", "[migchain]") {
  TempDir dir;
  dir.write("catalog/inserters/extra/0002_more.py", py_step("INSERT INTO t VALUES (2)"));
  dir.write("catalog/inserters/post-apply-refresh.py", py_step("REFRESH MATERIALIZED VIEW v"));
  dir.write("catalog/inserters/__init__.py", "");
  MigrationSet set = load_dir(dir, Format::MigChain);
  CHECK(ids(set) == Strings{"post-apply-refresh", "0002_more"});
  CHECK(set.migrations[0].kind == Kind::PostApply);
  CHECK(set.migrations[1].kind == Kind::Seed);
  CHECK(set.migrations[1].domain == "catalog");
  CHECK(warnings(set) ==
        Strings{"m/catalog/inserters/__init__.py: ignored: yoyo 8 would load __init__.py as a migration named "
                "'__init__'"});
}
