#include "cli/config.h"

#include <catch2/catch.hpp>

#include "compiler/diagnostic.h"
#include "tests/test_support.h"

TEST_CASE("read_config reads every key and resolves paths against the file", "[config]") {
  migc::test::TempDir d;
  d.write("migc.toml",
          "dir = \"db\"\ndir_format = \"yoyo\"\nout = \"/abs/out\"\npg_version = 11\ninclude = [\"auth\", \"billing\"]\n"
          "exclude = \"analytics\"\nno_seeds = true\ntrack = true\ntrack_table = \"ops.history\"\n"
          "[placeholders]\nschema = \"app\"\n");
  migc::Config c = migc::read_config(d.path() / "migc.toml");
  CHECK(c.path_of(*c.dir) == d.path() / "db");
  CHECK(c.path_of(*c.out) == "/abs/out");
  CHECK(c.dir_format == "yoyo");
  CHECK(c.pg_version == "11");
  CHECK(c.include == std::vector<std::string>{"auth", "billing"});
  CHECK(c.exclude == std::vector<std::string>{"analytics"});
  CHECK(c.no_seeds == true);
  CHECK(c.track == true);
  CHECK(c.track_table == "ops.history");
  CHECK(c.placeholders.at("schema") == "app");
}

TEST_CASE("find_config walks up from a subfolder", "[config]") {
  migc::test::TempDir d;
  d.write("migc.toml", "");
  d.write("a/b/keep", "");
  CHECK(migc::find_config(d.path() / "a" / "b") == d.path() / "migc.toml");
}

TEST_CASE("read_config errors carry line and column", "[config]") {
  migc::test::TempDir d;
  d.write("migc.toml", "track = \"yes\"\n");
  try {
    migc::read_config(d.path() / "migc.toml");
    FAIL("expected an error");
  } catch (const migc::CompileError& e) {
    CHECK(e.diagnostics().front().message == "'track' must be true or false");
    CHECK(e.diagnostics().front().at.line == 1);
  }
  d.write("migc.toml", "dir = [\n");
  CHECK_THROWS_AS(migc::read_config(d.path() / "migc.toml"), migc::CompileError);
}
