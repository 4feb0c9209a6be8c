#include <catch2/catch.hpp>

#include "compiler/yoyo_family_test_support.h"

using namespace migc;
using namespace migc::test;

using Strings = std::vector<std::string>;

TEST_CASE("yoyo: the .sql and .py files of the root, sorted, with ids without the extension", "[yoyo]") {
  TempDir dir;
  dir.write("0002.add-bar.py", "from yoyo import step\nsteps = [step('CREATE TABLE bar (id int)')]\n");
  dir.write("0001.create-foo.sql", "CREATE TABLE foo (id int);\n");
  dir.write("0001.create-foo.rollback.sql", "DROP TABLE foo;\n");
  dir.write("post-apply-grants.sql", "GRANT SELECT ON foo TO reader;\n");
  dir.write("0003.Upper.SQL", "SELECT 1;\n");
  dir.write("_tmp_yoyonew_abc.sql", "SELECT 2;\n");
  dir.write("__init__.py", "");
  dir.write("README.md", "notes\n");
  dir.write("nested/0004.sql", "SELECT 4;\n");  // yoyo does not recurse
  MigrationSet set = load_dir(dir, Format::Yoyo);

  CHECK(ids(set) == Strings{"0001.create-foo", "0002.add-bar", "post-apply-grants"});
  CHECK(set.migrations[0].kind == Kind::Schema);
  CHECK(set.migrations[2].kind == Kind::PostApply);
  for (const auto& m : set.migrations) CHECK(m.format == Format::Yoyo);
  CHECK(warnings(set) ==
        Strings{"m/0003.Upper.SQL: not a migration: yoyo matches the extension case-sensitively and skips '.SQL' files",
                "m/__init__.py: ignored: yoyo 8 would load __init__.py as a migration named '__init__'"});
}

TEST_CASE("yoyo: each statement of a .sql file is split, in one transaction, and the rollback file is the down part",
          "[yoyo]") {
  TempDir dir;
  dir.write("0001.create-foo.sql",
            "-- Create foo\n"
            "-- and its index\n"
            "CREATE TABLE foo (id int);\n"
            "CREATE INDEX foo_id ON foo (id);\n");
  dir.write("0001.create-foo.rollback.sql", "DROP INDEX foo_id;\nDROP TABLE foo;\n");
  MigrationSet set = load_dir(dir, Format::Yoyo);
  const Migration& m = migration(set, "0001.create-foo");

  CHECK(m.name == "Create foo");
  REQUIRE(m.up.size() == 1);
  CHECK(m.up[0].tx == TxMode::Transaction);
  CHECK(texts(set, m.up[0]) ==
        Strings{"-- Create foo\n-- and its index\nCREATE TABLE foo (id int);\n", "CREATE INDEX foo_id ON foo (id);\n"});
  REQUIRE(m.down);
  REQUIRE(m.down->size() == 1);
  CHECK((*m.down)[0].tx == TxMode::Transaction);
  CHECK(texts(set, (*m.down)[0]) == Strings{"DROP INDEX foo_id;\n", "DROP TABLE foo;\n"});
  REQUIRE(m.files.size() == 2);
  CHECK(set.file(m.files[1]).path() == "0001.create-foo.rollback.sql");
  CHECK(m.deps.empty());
}

TEST_CASE("yoyo: a migration without a rollback file has no down part", "[yoyo]") {
  TempDir dir;
  dir.write("0001.sql", "SELECT 1;\n");
  MigrationSet set = load_dir(dir, Format::Yoyo);
  CHECK_FALSE(set.migrations[0].down);
  CHECK(set.migrations[0].name == "0001");
}

TEST_CASE("yoyo: -- depends: lists ids, repeated directives add up, each id knows where it is written", "[yoyo]") {
  TempDir dir;
  dir.write("0000.initial-schema.sql", "CREATE SCHEMA app;\n");
  dir.write("0001.create-foo.sql", "CREATE TABLE app.foo (id int);\n");
  dir.write("0001.create-bar.sql", "CREATE TABLE app.bar (id int);\n");
  dir.write("0002.modify-foo.sql",
            "-- Modify foo\n"
            "--depends:0000.initial-schema   0001.create-foo\n"
            "  --  depends :  0001.create-bar\n"
            "\n"
            "ALTER TABLE app.foo ADD baz int;\n");
  MigrationSet set = load_dir(dir, Format::Yoyo);
  const Migration& m = migration(set, "0002.modify-foo");

  CHECK(declared_deps(m) == Strings{"0000.initial-schema", "0001.create-foo", "0001.create-bar"});
  CHECK(m.name == "Modify foo");
  for (const auto& d : m.deps) {
    CHECK(d.type == DependencyRef::Type::Requires);
    REQUIRE(d.declared_at);
    CHECK(d.declared_at->file == m.files[0]);
  }
  CHECK(position(set, m.files[0], m.deps[0].declared_at->offset) == "2:11");
  CHECK(position(set, m.files[0], m.deps[1].declared_at->offset) == "2:33");
  CHECK(position(set, m.files[0], m.deps[2].declared_at->offset) == "3:18");
  // the ids are those of the files, sorted; the planner orders by the dependencies
  CHECK(ids(set) == Strings{"0000.initial-schema", "0001.create-bar", "0001.create-foo", "0002.modify-foo"});
}

TEST_CASE("yoyo: -- transactional: false sends the statements one by one, down part included", "[yoyo]") {
  TempDir dir;
  dir.write("0001.db.sql", "-- transactional: FALSE\n\nCREATE INDEX CONCURRENTLY i ON t (a);\nVACUUM t;\n");
  dir.write("0001.db.rollback.sql", "DROP INDEX CONCURRENTLY i;\n");
  dir.write("0002.tx.sql", "-- transactional: true\nSELECT 1;\n");
  MigrationSet set = load_dir(dir, Format::Yoyo);
  const Migration& m = migration(set, "0001.db");
  CHECK(m.up[0].tx == TxMode::None);
  CHECK(m.up[0].statements.size() == 2);
  CHECK((*m.down)[0].tx == TxMode::None);
  CHECK(migration(set, "0002.tx").up[0].tx == TxMode::Transaction);
}

TEST_CASE("yoyo: a transactional value other than true or false is an error at the value", "[yoyo]") {
  TempDir dir;
  SECTION("unknown word") {
    dir.write("0001.sql", "-- a comment\n-- transactional: no\nSELECT 1;\n");
    Diagnostic d = load_error(dir, Format::Yoyo);
    CHECK(where(d) == "m/0001.sql:2:19");
    CHECK(d.message == "invalid '-- transactional:' value 'no': expected true or false");
  }
  SECTION("trailing spaces: yoyo compares the whole value") {
    dir.write("0001.sql", "-- transactional: false  \nSELECT 1;\n");
    Diagnostic d = load_error(dir, Format::Yoyo);
    CHECK(where(d) == "m/0001.sql:1:19");
    CHECK(d.message == "invalid '-- transactional:' value 'false  ': expected true or false");
    CHECK(d.hints == Strings{"yoyo compares the whole text after the colon: remove the trailing spaces"});
  }
  SECTION("given twice: yoyo joins the values") {
    dir.write("0001.sql", "-- transactional: false\n-- transactional: false\nSELECT 1;\n");
    Diagnostic d = load_error(dir, Format::Yoyo);
    CHECK(where(d) == "m/0001.sql:2:19");
    CHECK(d.message ==
          "'-- transactional:' is given more than once; yoyo joins the values into 'false false', which is "
          "neither true nor false");
  }
}

TEST_CASE("yoyo: a dependency on an unknown id is an error where it is written", "[yoyo]") {
  TempDir dir;
  dir.write("0001.create-foo.sql", "CREATE TABLE foo (id int);\n");
  dir.write("0002.sql", "-- depends: 0001.create-foo.sql 0000.missing\nSELECT 1;\n");
  dir.write("0003.py", "__depends__ = ['0002', 'nope']\n");
  std::vector<Diagnostic> ds = load_errors(dir, Format::Yoyo);
  REQUIRE(ds.size() == 3);
  CHECK(where(ds[0]) == "m/0002.sql:1:13");
  CHECK(ds[0].message == "'0002' depends on '0001.create-foo.sql', which is not a migration");
  CHECK(ds[0].hints == Strings{"yoyo ids are file names without the extension: did you mean '0001.create-foo'?"});
  CHECK(where(ds[1]) == "m/0002.sql:1:33");
  CHECK(ds[1].message == "'0002' depends on '0000.missing', which is not a migration");
  CHECK(ds[1].hints.empty());
  CHECK(where(ds[2]) == "m/0003.py:1:24");
  CHECK(ds[2].message == "'0003' depends on 'nope', which is not a migration");
}

TEST_CASE("yoyo: directives yoyo would not read are warned about", "[yoyo]") {
  TempDir dir;
  dir.write("0000.sql", "SELECT 0;\n");
  dir.write("0001.sql",
            "-- Depends: 0000\n"
            "CREATE TABLE t (id int);\n"
            "-- depends: 0000\n"
            "CREATE TABLE u (id int);\n");
  dir.write("0001.rollback.sql", "-- transactional: false\nDROP TABLE u;\nDROP TABLE t;\n");
  MigrationSet set = load_dir(dir, Format::Yoyo);
  const Migration& m = migration(set, "0001");
  CHECK(m.deps.empty());
  CHECK(m.up[0].tx == TxMode::Transaction);
  CHECK(m.name == "Depends: 0000");  // a plain comment line, so part of the description
  CHECK(warnings(set) ==
        Strings{"m/0001.sql:1:1: yoyo does not read this directive: directives count only in the comment lines "
                "that open the file, with lower-case names",
                "m/0001.sql:3:1: yoyo does not read this directive: directives count only in the comment lines "
                "that open the file, with lower-case names",
                "m/0001.rollback.sql:1:1: yoyo does not read this directive: a rollback file's directives are "
                "ignored"});
}

TEST_CASE("yoyo: a rollback file without its migration is warned about and ignored", "[yoyo]") {
  TempDir dir;
  dir.write("0001.sql", "SELECT 1;\n");
  dir.write("0002.rollback.sql", "SELECT 2;\n");
  dir.write("0003.py", "");
  dir.write("0003.rollback.sql", "SELECT 3;\n");
  MigrationSet set = load_dir(dir, Format::Yoyo);
  CHECK(ids(set) == Strings{"0001", "0003"});
  CHECK_FALSE(migration(set, "0003").down);
  CHECK(warnings(set) ==
        Strings{"m/0002.rollback.sql: rollback file without a migration: yoyo ignores it, as there is no m/0002.sql",
                "m/0003.rollback.sql: rollback file without a migration: yoyo ignores it, as there is no m/0003.sql"});
}

TEST_CASE("yoyo: a duplicate id across .sql and .py is an error", "[yoyo]") {
  TempDir dir;
  dir.write("0001.sql", "SELECT 1;\n");
  dir.write("0001.py", "steps = [step('SELECT 1')]\n");
  CHECK(load_error(dir, Format::Yoyo).message == "duplicate migration id '0001'");
}

TEST_CASE("yoyo: SQL statements are split like PostgreSQL, comments kept with their statement", "[yoyo]") {
  TempDir dir;
  dir.write("0001.fn.sql",
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
            "-- the view\n"
            "CREATE VIEW v AS SELECT ';' AS x;\n");
  MigrationSet set = load_dir(dir, Format::Yoyo);
  CHECK(texts(set, set.migrations[0].up[0]) ==
        Strings{"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n",
                "-- the view\nCREATE VIEW v AS SELECT ';' AS x;\n"});
}
