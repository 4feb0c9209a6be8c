#include "analyzer/dependency_fix.h"

#include <catch2/catch.hpp>

#include "analyzer/compile_test_support.h"
#include "tests/test_support.h"

using namespace migc;
using Ids = std::vector<std::string>;

namespace {

std::vector<DependencyFix> fixes_for(const test::TempDir& d) {
  Compilation c = test::compile_dir(d.path(), Format::Yoyo);
  return plan_dependency_fixes(c.set, c.plan);
}

}  // namespace

TEST_CASE("dependency fixes: what the SQL needs is added, in deploy order", "[dependency-fix]") {
  test::TempDir d;
  d.write("0001.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
  d.write("0002.sql", "CREATE TABLE plans (id int PRIMARY KEY);\n");
  d.write("0003.sql", "CREATE TABLE subs (u int REFERENCES users, p int REFERENCES plans);\n");
  auto fixes = fixes_for(d);
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0].declared.empty());
  CHECK(fixes[0].wanted == Ids{"0001", "0002"});
}

TEST_CASE("dependency fixes: a declared edge the others imply is dropped, the rest keep their order",
          "[dependency-fix]") {
  test::TempDir d;
  d.write("0001.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
  d.write("0002.sql", "-- depends: 0001\nALTER TABLE users ADD COLUMN email text;\n");
  d.write("0003.sql", "-- depends: 0002 0001 0004\nCREATE INDEX ON users (email);\n");
  d.write("0004.sql", "CREATE TABLE other (id int);\n");
  auto fixes = fixes_for(d);
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0].migration == 2);
  CHECK(fixes[0].declared == Ids{"0002", "0001", "0004"});
  CHECK(fixes[0].wanted == Ids{"0002", "0004"});
}

TEST_CASE("dependency fixes: a project that declares exactly what it needs needs nothing", "[dependency-fix]") {
  test::TempDir d;
  d.write("0001.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
  d.write("0002.sql", "-- depends: 0001\nALTER TABLE users ADD COLUMN email text;\n");
  CHECK(fixes_for(d).empty());
}

TEST_CASE("dependency fixes: post-apply migrations are left alone", "[dependency-fix]") {
  test::TempDir d;
  d.write("0001.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
  d.write("post-apply.sql", "GRANT SELECT ON users TO PUBLIC;\n");
  CHECK(fixes_for(d).empty());
}
