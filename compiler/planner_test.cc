#include "compiler/planner.h"

#include <catch2/catch.hpp>

using namespace migc;

namespace {

// A set with one in-memory file per migration, so declared edges can point at real places.
struct SetBuilder {
  MigrationSet set;
  SetBuilder() { set.root = "db"; }
  Migration& add(const std::string& id, std::vector<std::string> deps = {}, Kind kind = Kind::Schema,
                 std::string domain = "") {
    std::string text = "-- depends:";
    for (const auto& d : deps) text += " " + d;
    text += "\nSELECT 1;\n";
    auto f = static_cast<uint32_t>(set.files.size());
    set.files.push_back(std::make_unique<SourceFile>(id + ".sql", "db/" + id + ".sql", text));
    Migration m;
    m.id = id;
    m.kind = kind;
    m.domain = std::move(domain);
    m.files.push_back(f);
    uint32_t offset = 12;
    for (const auto& d : deps) {
      m.deps.push_back({.target = d, .declared_at = Place{f, offset}});
      offset += static_cast<uint32_t>(d.size()) + 1;
    }
    set.migrations.push_back(std::move(m));
    return set.migrations.back();
  }
  std::vector<std::string> order(const PlanOptions& o = {}) {
    std::vector<std::string> ids;
    for (uint32_t i : plan_migrations(set, o).order) ids.push_back(set.migrations[i].id);
    return ids;
  }
};

}  // namespace

TEST_CASE("planner: dependencies first, then source order", "[planner]") {
  SetBuilder b;
  b.add("a", {"c"});
  b.add("b");
  b.add("c");
  CHECK(b.order() == std::vector<std::string>{"b", "c", "a"});
}

TEST_CASE("planner: repeatables after versioned, post-apply hooks last", "[planner]") {
  SetBuilder b;
  b.add("post-apply", {}, Kind::PostApply);
  b.add("R__views", {}, Kind::Repeatable);
  b.add("1");
  b.add("2", {"1"});
  CHECK(b.order() == std::vector<std::string>{"1", "2", "R__views", "post-apply"});
}

TEST_CASE("planner: an unknown dependency is an error where it is declared", "[planner]") {
  SetBuilder b;
  b.add("a", {"nope"});
  try {
    b.order();
    FAIL("expected an error");
  } catch (const CompileError& e) {
    const Diagnostic& d = e.diagnostics().front();
    CHECK(d.message == "migration 'a' depends on 'nope', which does not exist");
    CHECK(d.file == "db/a.sql");
    CHECK(d.at.line == 1);
    CHECK(d.at.column == 13);
  }
}

TEST_CASE("planner: a cycle names every migration on it and each edge's place", "[planner]") {
  SetBuilder b;
  b.add("x");
  b.add("a", {"c"});
  b.add("b", {"a"});
  b.add("c", {"b"});
  try {
    b.order();
    FAIL("expected a cycle error");
  } catch (const CompileError& e) {
    const Diagnostic& d = e.diagnostics().front();
    CHECK(d.message.find("dependency cycle") != std::string::npos);
    for (const char* id : {"'a'", "'b'", "'c'"}) {
      bool named = false;
      for (const auto& n : d.notes) named = named || n.message.find(std::string(id) + " depends on") == 0;
      CHECK(named);
    }
    REQUIRE(d.notes.size() == 3);
    for (const auto& n : d.notes) CHECK(n.at.line == 1);
    CHECK(d.message.find("x →") == std::string::npos);  // x is not on the cycle
    CHECK(d.message.find("→ x") == std::string::npos);
  }
}

TEST_CASE("planner: a self-dependency is a cycle", "[planner]") {
  SetBuilder b;
  b.add("a", {"a"});
  CHECK_THROWS_AS(b.order(), CompileError);
}

TEST_CASE("planner: domain filters and --no-seeds", "[planner]") {
  SetBuilder b;
  b.add("users", {}, Kind::Schema, "auth");
  b.add("plans", {}, Kind::Schema, "billing");
  b.add("seed_plans", {"plans"}, Kind::Seed, "billing");
  b.add("stats", {}, Kind::Schema, "analytics");
  PlanOptions only_billing;
  only_billing.include_domains = {"billing"};
  CHECK(b.order(only_billing) == std::vector<std::string>{"plans", "seed_plans"});
  PlanOptions no_seeds;
  no_seeds.no_seeds = true;
  no_seeds.exclude_domains = {"analytics"};
  CHECK(b.order(no_seeds) == std::vector<std::string>{"users", "plans"});
}

TEST_CASE("planner: a kept migration may not depend on a filtered-out one", "[planner]") {
  SetBuilder b;
  b.add("seed", {}, Kind::Seed);
  b.add("schema", {"seed"});
  PlanOptions o;
  o.no_seeds = true;
  REQUIRE_THROWS_AS(b.order(o), CompileError);
  try {
    b.order(o);
  } catch (const CompileError& e) {
    CHECK(e.diagnostics().front().message.find("'schema' depends on 'seed'") != std::string::npos);
  }
}
