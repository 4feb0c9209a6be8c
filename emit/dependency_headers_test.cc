#include "emit/dependency_headers.h"

#include <catch2/catch.hpp>

using namespace migc;
using Ids = std::vector<std::string>;

TEST_CASE("yoyo .sql: an existing depends line is replaced, repeats are folded into it", "[dependency-headers]") {
  CHECK(with_yoyo_depends("m.sql", "-- Modify foo\n-- depends: a\n-- depends: b\n\nALTER TABLE foo ADD x int;\n",
                          Ids{"a", "c"}) == "-- Modify foo\n-- depends: a c\n\nALTER TABLE foo ADD x int;\n");
}

TEST_CASE("yoyo .sql: a header is added at the top, and removed when nothing is needed", "[dependency-headers]") {
  CHECK(with_yoyo_depends("m.sql", "CREATE TABLE t (id int);\n", Ids{"a"}) == "-- depends: a\nCREATE TABLE t (id int);\n");
  CHECK(with_yoyo_depends("m.sql", "-- depends: a\r\nSELECT 1;\r\n", Ids{}) == "SELECT 1;\r\n");
  CHECK(with_yoyo_depends("m.sql", "SELECT 1;\r\n", Ids{"a"}) == "-- depends: a\r\nSELECT 1;\r\n");
}

TEST_CASE("yoyo .sql: a depends comment after the first SQL line is not a directive and stays", "[dependency-headers]") {
  CHECK(with_yoyo_depends("m.sql", "SELECT 1;\n-- depends: x\n", Ids{"a"}) == "-- depends: a\nSELECT 1;\n-- depends: x\n");
}

TEST_CASE("yoyo .py: __depends__ is rewritten in place, over several lines too", "[dependency-headers]") {
  const std::string before =
      "\"\"\"Seed plans.\"\"\"\nfrom yoyo import step\n__depends__ = {\n    \"a\",\n    \"b\",  # why\n}\n"
      "steps = [step(\"SELECT 1\")]\n";
  CHECK(with_yoyo_depends("m.py", before, Ids{"b", "c"}) ==
        "\"\"\"Seed plans.\"\"\"\nfrom yoyo import step\n__depends__ = {\"b\", \"c\"}\nsteps = [step(\"SELECT 1\")]\n");
  CHECK(with_yoyo_depends("m.py", before, Ids{}) ==
        "\"\"\"Seed plans.\"\"\"\nfrom yoyo import step\nsteps = [step(\"SELECT 1\")]\n");
}

TEST_CASE("yoyo .py: __depends__ is added after the docstring", "[dependency-headers]") {
  CHECK(with_yoyo_depends("m.py", "# coding\n'''Doc\nmore'''\nfrom yoyo import step\n", Ids{"a"}) ==
        "# coding\n'''Doc\nmore'''\n__depends__ = {\"a\"}\nfrom yoyo import step\n");
  CHECK(with_yoyo_depends("m.py", "from yoyo import step\n", Ids{"a"}) == "__depends__ = {\"a\"}\nfrom yoyo import step\n");
}
