#include <catch2/catch.hpp>

#include "compiler/yoyo_family_test_support.h"

using namespace migc;
using namespace migc::test;

using Strings = std::vector<std::string>;

TEST_CASE("hyperdjango: root .sql files in natural order with UP and DOWN sections, chained", "[hyperdjango]") {
  TempDir dir;
  dir.write("10_add_email.sql", "-- UP\nALTER TABLE users ADD email text;\n-- DOWN\nALTER TABLE users DROP email;\n");
  dir.write("2_create_users.sql",
            "-- Users table.\n"
            "/* owned by the auth team */\n"
            "\n"
            "  -- up  \n"
            "CREATE TABLE users (id int);\n"
            "CREATE INDEX users_id ON users (id);\n"
            "-- Down\n"
            "DROP TABLE users;\n");
  dir.write("1_init.sql", "-- UP\nCREATE SCHEMA app;\n");
  dir.write("notes.md", "-- UP\n");
  dir.write("sub/3_nested.sql", "-- UP\nSELECT 3;\n");  // only the root's files are migrations
  MigrationSet set = load_dir(dir, Format::HyperDjango);

  CHECK(ids(set) == Strings{"1_init", "2_create_users", "10_add_email"});
  const Migration& users = set.migrations[1];
  CHECK(users.format == Format::HyperDjango);
  CHECK(users.name == "2_create_users");
  CHECK(users.up[0].tx == TxMode::Transaction);
  CHECK(texts(set, users.up[0]) == Strings{"CREATE TABLE users (id int);\n", "CREATE INDEX users_id ON users (id);\n"});
  CHECK(texts(set, (*users.down)[0]) == Strings{"DROP TABLE users;\n"});
  CHECK((*users.down)[0].tx == TxMode::Transaction);
  CHECK_FALSE(set.migrations[0].down);
  CHECK(implicit_deps(set.migrations[0]).empty());
  CHECK(implicit_deps(users) == Strings{"1_init"});
  CHECK(implicit_deps(set.migrations[2]) == Strings{"2_create_users"});
  CHECK(declared_deps(set.migrations[2]).empty());
}

TEST_CASE("hyperdjango: misplaced or missing markers are errors at their line", "[hyperdjango]") {
  TempDir dir;
  struct Case {
    std::string text;
    std::string where;
    std::string message;
  };
  auto c = GENERATE(values<Case>({
      {"CREATE TABLE a (id int);\n", "1:1", "no '-- UP' line: a hyperdjango migration needs an UP section"},
      {"-- UPGRADE\nCREATE TABLE a (id int);\n", "1:1", "no '-- UP' line: a hyperdjango migration needs an UP section"},
      {"-- note\n  SET search_path = app;\n-- UP\nSELECT 1;\n", "2:3",
       "SQL before the '-- UP' line: it belongs to no section and would never run"},
      {"-- UP\nSELECT 1;\n-- UP\nSELECT 2;\n", "3:1", "a second '-- UP' line: a file has one UP section"},
      {"-- UP\nSELECT 1;\n-- DOWN\nSELECT 2;\n-- down\n", "5:1",
       "a second '-- DOWN' line: a file has one DOWN section"},
      {"-- DOWN\nSELECT 2;\n-- UP\nSELECT 1;\n", "1:1", "'-- DOWN' before '-- UP': the UP section comes first"},
  }));
  dir.write("1_a.sql", c.text);
  Diagnostic d = load_error(dir, Format::HyperDjango);
  CHECK(where(d) == "m/1_a.sql:" + c.where);
  CHECK(d.message == c.message);
}
