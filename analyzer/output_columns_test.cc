#include "analyzer/output_columns.h"

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;

namespace {

std::vector<std::string> view_columns(const std::string& sql) {
  auto r = test::replay_sql({"CREATE TABLE a (id int, x int, y text); CREATE TABLE b (id int, x int, z text);" + sql});
  const Relation* v = r.catalog.relation({"public", "v"});
  REQUIRE(v);
  std::vector<std::string> names;
  for (const auto& c : v->columns) names.push_back(c.name);
  return names;
}

using Names = std::vector<std::string>;

}  // namespace

// Expected names are the attribute names PostgreSQL 15 gave the same views.
TEST_CASE("expressions are named as PostgreSQL names them", "[output-columns]") {
  CHECK(view_columns("CREATE VIEW v AS SELECT 1::int, '1'::text, a.id::text, CASE WHEN true THEN 1 END, "
                     "(SELECT y FROM a LIMIT 1), EXISTS (SELECT 1), coalesce(1), now(), current_timestamp, "
                     "1 + 1 AS two, ARRAY[1], greatest(1, 2), 'a' COLLATE \"C\" AS co, nullif(1, 2), "
                     "(SELECT x AS xx FROM a LIMIT 1), 1 + 1 FROM a") ==
        Names{"int4", "text", "id", "case", "y", "exists", "coalesce", "now", "current_timestamp", "two",
              "array", "greatest", "co", "nullif", "xx", "?column?"});
  CHECK(view_columns("CREATE VIEW v AS SELECT CASE WHEN true THEN 1 ELSE a.x END FROM a") == Names{"x"});
}

TEST_CASE("stars expand through joins, sub-selects and CTEs", "[output-columns]") {
  CHECK(view_columns("CREATE VIEW v AS SELECT * FROM a JOIN b USING (id, x)") == Names{"id", "x", "y", "z"});
  CHECK(view_columns("CREATE VIEW v AS SELECT * FROM a NATURAL JOIN b") == Names{"id", "x", "y", "z"});
  CHECK(view_columns("CREATE VIEW v AS SELECT * FROM (a JOIN b USING (id)) j(k, l, m, n, o)") ==
        Names{"k", "l", "m", "n", "o"});
  CHECK(view_columns("CREATE VIEW v AS SELECT b.*, a.id AS aid FROM a, b") == Names{"id", "x", "z", "aid"});
  CHECK(view_columns("CREATE VIEW v AS WITH c(p) AS (SELECT id, x FROM a) SELECT * FROM c") == Names{"p", "x"});
  CHECK(view_columns("CREATE VIEW v (p, q) AS SELECT * FROM (SELECT 1, 2 AS k, 3) s(m)") ==
        Names{"p", "q", "?column?"});
  CHECK(view_columns("CREATE VIEW v AS SELECT id FROM a UNION SELECT x FROM b") == Names{"id"});
  CHECK(view_columns("CREATE VIEW v AS VALUES (1, 2)") == Names{"column1", "column2"});
}

TEST_CASE("a star over an unknown relation leaves only the aliases", "[output-columns]") {
  CHECK(view_columns("CREATE VIEW v AS SELECT * FROM elsewhere").empty());
  CHECK(view_columns("CREATE VIEW v (p) AS SELECT * FROM generate_series(1, 3)") == Names{"p"});
}
