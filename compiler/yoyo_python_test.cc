#include "compiler/yoyo_python.h"

#include <catch2/catch.hpp>

#include "compiler/yoyo_family_test_support.h"

using namespace migc;
using namespace migc::test;

using Strings = std::vector<std::string>;

namespace {

// Loads a yoyo directory holding `0002.py` (and the migrations it may depend on).
MigrationSet load_py(const std::string& source) {
  TempDir dir;
  dir.write("0001.sql", "SELECT 1;\n");
  dir.write("0001.bar.sql", "SELECT 1;\n");
  dir.write("0002.py", source);
  return load_dir(dir, Format::Yoyo);
}

Diagnostic py_error(const std::string& source) {
  TempDir dir;
  dir.write("0002.py", source);
  return load_error(dir, Format::Yoyo);
}

}  // namespace

TEST_CASE("yoyo .py: docstring, __depends__ and string-literal steps, rolled back last step first", "[yoyo]") {
  MigrationSet set = load_py(
      "\"\"\"\n"
      "Create the baz table.\n"
      "\n"
      "Long description.\n"
      "\"\"\"\n"
      "from yoyo import step\n"
      "\n"
      "__depends__ = {\"0001\", '0001.bar'}\n"
      "\n"
      "steps = [\n"
      "    step(\n"
      "        \"\"\"\n"
      "        CREATE TABLE baz (id int);\n"
      "        CREATE INDEX baz_id ON baz (id);\n"
      "        \"\"\",\n"
      "        \"DROP TABLE baz\",\n"
      "    ),\n"
      "    step(\"ALTER TABLE baz ADD x int\", \"ALTER TABLE baz DROP x\"),  # second\n"
      "    step(\"INSERT INTO baz VALUES (1)\"),\n"
      "]\n");
  const Migration& m = migration(set, "0002");
  CHECK(m.name == "Create the baz table.");
  CHECK(declared_deps(m) == Strings{"0001", "0001.bar"});
  CHECK(position(set, m.deps[0].declared_at->file, m.deps[0].declared_at->offset) == "8:16");
  CHECK(position(set, m.deps[1].declared_at->file, m.deps[1].declared_at->offset) == "8:24");
  REQUIRE(m.up.size() == 1);
  CHECK(m.up[0].tx == TxMode::Transaction);
  CHECK(texts(set, m.up[0]) == Strings{"\n        CREATE TABLE baz (id int);\n",
                                       "        CREATE INDEX baz_id ON baz (id);\n        ",
                                       "ALTER TABLE baz ADD x int", "INSERT INTO baz VALUES (1)"});
  REQUIRE(m.down);
  CHECK(texts(set, (*m.down)[0]) == Strings{"ALTER TABLE baz DROP x", "DROP TABLE baz"});
  REQUIRE(m.files.size() == 1);
  CHECK(set.file(m.files[0]).path() == "0002.py");
  CHECK(m.up[0].statements[0].file != m.files[0]);  // the decoded strings, a derived file
  CHECK(set.file(m.up[0].statements[0].file).path() == "0002.py");
}

TEST_CASE("yoyo .py: SQL positions map back to the .py source", "[yoyo]") {
  MigrationSet set = load_py(
      "steps = [\n"
      "    step('SELECT 1;\\n' 'SELECT \\'x\\';\\tSELECT 2',\n"
      "         r'''SELECT '\\d' ''')\n"
      "]\n");
  const Migration& m = migration(set, "0002");
  const auto& up = m.up[0].statements;
  REQUIRE(texts(set, m.up[0]) == Strings{"SELECT 1;\n", "SELECT 'x';", "\tSELECT 2"});
  CHECK(position(set, up[0].file, up[0].begin) == "2:11");
  CHECK(position(set, up[1].file, up[1].begin) == "2:25");
  CHECK(position(set, up[1].file, up[1].begin + 7) == "2:32");  // the quote, written \'
  CHECK(position(set, up[2].file, up[2].begin + 1) == "2:40");  // after the \t escape
  const auto& down = (*m.down)[0].statements;
  REQUIRE(texts(set, (*m.down)[0]) == Strings{"SELECT '\\d' "});
  CHECK(position(set, down[0].file, down[0].begin + 8) == "3:22");
}

TEST_CASE("yoyo .py: escapes are decoded unless the string is raw", "[yoyo]") {
  MigrationSet set = load_py(
      "step('a\\x41\\u00e9\\U0001F600\\101\\d\\\\\\\"\"')\n"
      "step(u\"tab\\tnl\\n\" R'raw\\n' \"\"\"line \\\n"
      "joined\"\"\")\n");
  CHECK(texts(set, migration(set, "0002").up[0]) ==
        Strings{"aA\xC3\xA9\xF0\x9F\x98\x80"
                "A\\d\\\"\"",
                "tab\tnl\nraw\\nline joined"});
}

TEST_CASE("yoyo .py: the forms of __depends__ and __transactional__", "[yoyo]") {
  CHECK(declared_deps(migration(load_py("__depends__ = '0001'\n"), "0002")) == Strings{"0001"});
  CHECK(declared_deps(migration(load_py("__depends__ = ('0001')\n"), "0002")) == Strings{"0001"});
  CHECK(declared_deps(migration(load_py("__depends__ = ('0001', '0001.bar',)\n"), "0002")) ==
        Strings{"0001", "0001.bar"});
  CHECK(declared_deps(migration(load_py("__depends__ = ['0001' '.bar']\n"), "0002")) == Strings{"0001.bar"});
  CHECK(declared_deps(migration(load_py("__depends__ = set()\n"), "0002")).empty());
  CHECK(declared_deps(migration(load_py("__depends__ = []\n"), "0002")).empty());

  MigrationSet set = load_py("__transactional__ = False\nstep('VACUUM', 'SELECT 1')\n");
  CHECK(migration(set, "0002").up[0].tx == TxMode::None);
  CHECK((*migration(set, "0002").down)[0].tx == TxMode::None);
  CHECK(migration(load_py("__transactional__ = True\n"), "0002").up[0].tx == TxMode::Transaction);
}

TEST_CASE("yoyo .py: group(), transaction(), yoyo.step() and keyword arguments", "[yoyo]") {
  MigrationSet set = load_py(
      "import yoyo\n"
      "from yoyo import (step, group,\n"
      "                  transaction)\n"
      "from __future__ import annotations\n"
      "step('A1', 'A0')\n"
      "group(step('B1', 'B0'), [yoyo.step(apply='C1', rollback='C0')], ignore_errors=None)\n"
      "transaction(steps=[step('D1', None, None)]); pass\n"
      "steps = (yoyo.group(step(rollback='E0', apply='E1')),)\n");
  const Migration& m = migration(set, "0002");
  CHECK(texts(set, m.up[0]) == Strings{"A1", "B1", "C1", "D1", "E1"});
  CHECK(texts(set, (*m.down)[0]) == Strings{"E0", "C0", "B0", "A0"});
}

TEST_CASE("yoyo .py: a module with no steps is an empty migration without a down part", "[yoyo]") {
  MigrationSet set = load_py("'''Nothing yet.'''\nfrom yoyo import step\nsteps = []\n");
  const Migration& m = migration(set, "0002");
  CHECK(m.name == "Nothing yet.");
  REQUIRE(m.up.size() == 1);
  CHECK(m.up[0].statements.empty());
  CHECK_FALSE(m.down);
}

TEST_CASE("yoyo .py: ignore_errors is warned about, since the compiled script cannot ignore errors", "[yoyo]") {
  MigrationSet set = load_py("step('DROP TABLE x', ignore_errors='apply')\n");
  CHECK(warnings(set) == Strings{"m/0002.py:1:36: ignore_errors='apply' is not reproduced: the compiled script "
                                 "stops at the first failing statement"});
  Diagnostic d = py_error("step('x', ignore_errors='sometimes')\n");
  CHECK(where(d) == "m/0002.py:1:25");
  CHECK(d.message == "ignore_errors must be 'apply', 'rollback' or 'all', not 'sometimes'");
}

TEST_CASE("yoyo .py: anything dynamic is an error at its place saying migc reads .py files statically", "[yoyo]") {
  struct Case {
    std::string source;
    std::string where;
    std::string message;
  };
  const std::string statically = ": migc reads .py migrations statically and accepts only ";
  const std::string module_level =
      "imports of yoyo, __depends__ = …, __transactional__ = …, steps = [...] and step()/group() calls at module "
      "level";
  const std::string step_args = "string literals or None as step() arguments";
  auto c = GENERATE_COPY(values<Case>({
      {"def apply_step(conn):\n    pass\n", "1:1", "a function definition ('def')" + statically + module_level},
      {"class M:\n    pass\n", "1:1", "a class definition ('class')" + statically + module_level},
      {"@decorator\n", "1:1", "a decorator" + statically + module_level},
      {"if True:\n    step('x')\n", "1:1", "an 'if' statement" + statically + module_level},
      {"sql = 'SELECT 1'\n", "1:1", "an assignment to 'sql'" + statically + module_level},
      {"print('x')\n", "1:1", "a call to 'print()'" + statically + module_level},
      {"import os\n", "1:1",
       "an import of 'os'" + statically + "'from yoyo import …', 'import yoyo' and 'from __future__ import …'"},
      {"from yoyo import step as s\n", "1:23",
       "an import alias ('as')" + statically + "'from yoyo import …', 'import yoyo' and 'from __future__ import …'"},
      {"step(apply_fn, rollback_fn)\n", "1:6",
       "the name 'apply_fn' (a Python-function step or a variable)" + statically + step_args},
      {"step(lambda conn: None)\n", "1:6", "a lambda" + statically + step_args},
      {"step(textwrap.dedent('''x'''))\n", "1:6", "a call to 'textwrap.dedent()'" + statically + step_args},
      {"step('SELECT ' + 'x')\n", "1:16", "'+' (a computed value)" + statically + step_args},
      {"step('SELECT %s' % table)\n", "1:18", "'%' (a computed value)" + statically + step_args},
      {"step('SELECT {}'.format(t))\n", "1:17", "a method call ('.format')" + statically + step_args},
      {"step(*sqls)\n", "1:6", "*args or **kwargs" + statically + step_args},
      {"steps = [step('x') for s in x]\n", "1:20",
       "a comprehension" + statically + "step(), group() and transaction() calls as steps"},
      {"steps = [make_step()]\n", "1:10",
       "a call to 'make_step()'" + statically + "step(), group() and transaction() calls as steps"},
      {"__depends__ = {'a' for d in x}\n", "1:20",
       "a comprehension" + statically + "a string, or a set, list or tuple of strings, as __depends__"},
      {"__depends__ = PREVIOUS\n", "1:15",
       "the name 'PREVIOUS'" + statically + "a string, or a set, list or tuple of strings, as __depends__"},
      {"__transactional__ = 0\n", "1:21", "the number 0" + statically + "True or False as __transactional__"},
      {"'''doc'''\n'''another'''\n", "2:1", "a string after the docstring" + statically + module_level},
  }));
  Diagnostic d = py_error(c.source);
  CHECK(where(d) == "m/0002.py:" + c.where);
  CHECK(d.message == c.message);
  CHECK(d.hints == Strings{"put the SQL in string literals passed to step(), or move it to a .sql migration"});
}

TEST_CASE("yoyo .py: f-strings, bytes and other syntax errors", "[yoyo]") {
  struct Case {
    std::string source;
    std::string where;
    std::string message;
  };
  auto c = GENERATE(values<Case>({
      {"step(f'SELECT {x}')\n", "1:6",
       "an f-string: migc reads .py migrations statically and accepts only plain string literals (with r or u "
       "prefixes)"},
      {"step(rb'x')\n", "1:6", "a bytes literal: yoyo needs SQL as text strings (drop the b prefix)"},
      {"step('SELECT 1)\n", "1:6", "unterminated string: a string in single quotes ends at the end of its line"},
      {"step('''SELECT 1)\n", "1:6", "unterminated triple-quoted string"},
      {"steps = [\n  step('x'),\n", "1:9", "'[' is never closed"},
      {"step('x'))\n", "1:10", "unmatched ')'"},
      {"  step('x')\n", "1:1", "unexpected indentation: only module-level statements are read"},
      {"step('x' 'y' z)\n", "1:14", "expected ')' but found the name 'z'"},
      {"__depends__ = '0001'\n__depends__ = '0001'\n", "2:1",
       "__depends__ is assigned more than once; yoyo would use only the last value"},
      {"__transactional__ = True\n__transactional__ = False\n", "2:1",
       "__transactional__ is assigned more than once; yoyo would use only the last value"},
      {"step()\n", "1:1", "step() needs an apply argument: the SQL to run"},
      {"step('x', undo='y')\n", "1:11", "step() has no argument 'undo' (it takes apply, rollback and ignore_errors)"},
      {"step('x', 'y', None, 'z')\n", "1:22", "step() takes at most 3 arguments: apply, rollback and ignore_errors"},
      {"step(rollback='y', 'x')\n", "1:20", "a positional argument after a keyword argument"},
      {"step('x', apply='y')\n", "1:11", "step() gets 'apply' twice"},
      {"step('\\N{BULLET}')\n", "1:7",
       "'\\N{…}' escapes are not supported by migc's static reader: write the character itself"},
      {"step('\\x4')\n", "1:7", "truncated '\\x' escape: it needs 2 hex digits"},
      {"step('\\ud800')\n", "1:7", "the escape '\\ud800' is not a character PostgreSQL can receive"},
  }));
  Diagnostic d = py_error(c.source);
  CHECK(where(d) == "m/0002.py:" + c.where);
  CHECK(d.message == c.message);
}

TEST_CASE("yoyo .py: comments, blank lines, line joining and a BOM are fine", "[yoyo]") {
  MigrationSet set = load_py(
      "\xEF\xBB\xBF# -*- coding: utf-8 -*-\n"
      "\n"
      "   # an indented comment line\n"
      "step('SELECT 1', \\\n"
      "     'SELECT 0')  # trailing\r\n"
      "step(  # a comment inside brackets\n"
      "    'SELECT 2'\n"
      ")");
  const Migration& m = migration(set, "0002");
  CHECK(texts(set, m.up[0]) == Strings{"SELECT 1", "SELECT 2"});
  CHECK(texts(set, (*m.down)[0]) == Strings{"SELECT 0"});
}
