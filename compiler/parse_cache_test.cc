#include "compiler/parse_cache.h"

#include <catch2/catch.hpp>

#include "compiler/loader.h"
#include "compiler/parser.h"
#include "tests/test_support.h"

TEST_CASE("parse cache: trees survive a run, unused ones are dropped, damage is ignored", "[parse-cache]") {
  migc::test::TempDir d;
  auto file = d.path() / "cache" / "parse.bin";
  {
    migc::ParseCache cache(file);
    CHECK_FALSE(cache.find("SELECT 1"));
    cache.add("SELECT 1", "tree-1");
    cache.add("SELECT 2", "tree-2");
    cache.save();
  }
  {
    migc::ParseCache cache(file);
    REQUIRE(cache.find("SELECT 1"));
    CHECK(*cache.find("SELECT 1") == "tree-1");
    cache.save();  // SELECT 2 was not used: dropped
  }
  {
    migc::ParseCache cache(file);
    CHECK(cache.find("SELECT 1"));
    CHECK_FALSE(cache.find("SELECT 2"));
  }
  d.write("cache/parse.bin", "not a cache");
  migc::ParseCache damaged(file);
  CHECK_FALSE(damaged.find("SELECT 1"));
}

TEST_CASE("parse cache: parse_set gives the same trees from the cache", "[parse-cache]") {
  migc::test::TempDir d;
  d.write("db/0001.sql", "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\n");
  migc::LoadOptions load;
  load.root = d.path() / "db";
  migc::MigrationSet set = migc::load_migrations(load);
  migc::ParseCache cache(d.path() / "parse.bin");
  migc::ParseOptions options;
  options.cache = &cache;
  auto first = migc::parse_set(set, options);
  cache.save();
  migc::ParseCache again(d.path() / "parse.bin");
  options.cache = &again;
  CHECK(again.find("CREATE TABLE t (a int);\n"));
  auto second = migc::parse_set(set, options);
  REQUIRE(second.migrations[0].up.size() == 2);
  CHECK(second.migrations[0].up[1].kind == "index_stmt");
  CHECK(second.migrations[0].up[1].begin == first.migrations[0].up[1].begin);
}
