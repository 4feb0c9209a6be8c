#include "analyzer/dependencies.h"

#include <catch2/catch.hpp>

#include "analyzer/compile_test_support.h"
#include "tests/test_support.h"

using namespace migc;

namespace {

std::vector<std::string> missing_names(const Compilation& c) {
  std::vector<std::string> names;
  for (const auto& m : c.analysis.missing) names.push_back(m.object.display());
  return names;
}

// "before → after (object)" for every inferred edge.
std::vector<std::string> inferred_edges(const Compilation& c) {
  std::vector<std::string> edges;
  for (const auto& e : c.analysis.inferred)
    edges.push_back(c.set.migrations[e.before].id + " → " + c.set.migrations[e.after].id + " (" + e.object.display() + ")");
  return edges;
}

}  // namespace

TEST_CASE("dependencies: a temporary table is found first by unqualified names and is nobody's dependency",
          "[dependencies]") {
  test::TempDir d;
  d.write("1_a.up.sql", "CREATE TABLE perms (id int);\n");
  d.write("2_b.up.sql",
          "CREATE TEMP TABLE perms (id int);\nCREATE TEMP TABLE scratch AS SELECT 1 AS x;\n"
          "INSERT INTO perms SELECT x FROM scratch;\nDROP TABLE scratch;\n");
  Compilation c = test::compile_dir(d.path(), Format::GolangMigrate);
  CHECK(missing_names(c).empty());
  CHECK(inferred_edges(c).empty());  // the INSERT writes the temporary perms, not 1's table
  CHECK(c.analysis.catalog.relation({"public", "perms"}));
  CHECK_FALSE(c.analysis.catalog.relation({"pg_temp", "perms"}));  // gone with the session
}

TEST_CASE("dependencies: what an extension brings is that extension's, in the schema it went to", "[dependencies]") {
  test::TempDir d;
  d.write("1_a.up.sql", "CREATE EXTENSION IF NOT EXISTS ltree SCHEMA public;\nCREATE EXTENSION pgsodium;\n");
  d.write("2_b.up.sql", "CREATE TABLE cats (path ltree);\nCREATE EXTENSION citext;\nCREATE TABLE tags (t citext);\n");
  d.write("3_c.up.sql", "SELECT pgsodium.crypto_aead_det_keygen();\n");
  d.write("4_d.up.sql", "SELECT other.f();\n");
  Compilation c = test::compile_dir(d.path(), Format::GolangMigrate);
  CHECK(missing_names(c) == std::vector<std::string>{"function other.f"});
  CHECK(inferred_edges(c) == std::vector<std::string>{"1 → 2 (type public.ltree)",  // not citext's, installed in 2
                                                      "1 → 3 (function pgsodium.crypto_aead_det_keygen)"});
}

TEST_CASE("dependencies: the columns of a table nobody creates are not reported again", "[dependencies]") {
  test::TempDir d;
  d.write("1_a.up.sql", "INSERT INTO legacy.accounts (id, name) VALUES (1, 'x');\n");
  Compilation c = test::compile_dir(d.path(), Format::GolangMigrate);
  CHECK(missing_names(c) == std::vector<std::string>{"relation legacy.accounts"});
}
