#include "analyzer/sql_tree.h"

#include <catch2/catch.hpp>

using migc::SqlExpression;
using migc::SqlTree;

TEST_CASE("SqlTree owns the statements of a parse and is empty on a syntax error", "[hazards][sql_tree]") {
  SqlTree tree("CREATE TABLE t (id int); SELECT 1");
  REQUIRE(tree.ok());
  REQUIRE(tree.size() == 2);
  CHECK(tree.statement(0)->node_case == PG_QUERY__NODE__NODE_CREATE_STMT);
  CHECK(tree.statement(1)->node_case == PG_QUERY__NODE__NODE_SELECT_STMT);

  SqlTree broken("CREATE TABLE (");
  CHECK_FALSE(broken.ok());
  CHECK(broken.size() == 0);
}

TEST_CASE("SqlExpression parses exactly one expression", "[hazards][sql_tree]") {
  SqlExpression check("(k >= 0) AND (k < 10)");
  REQUIRE(check.expr());
  CHECK(check.expr()->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR);
  CHECK_FALSE(SqlExpression("1 FROM t").expr());
  CHECK_FALSE(SqlExpression("1; DROP TABLE t").expr());
  CHECK_FALSE(SqlExpression("(").expr());
}
