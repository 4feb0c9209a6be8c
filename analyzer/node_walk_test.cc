#include "analyzer/node_walk.h"

#include <catch2/catch.hpp>

#include "analyzer/sql_tree.h"

using migc::SqlTree;
using migc::walk_nodes;

namespace {

std::vector<std::string> relation_names(const PgQuery__Node* root, bool skip_subqueries = false) {
  std::vector<std::string> names;
  walk_nodes(root, [&](const PgQuery__Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) names.emplace_back(n->range_var->relname);
    return !(skip_subqueries && n->node_case == PG_QUERY__NODE__NODE_SUB_LINK);
  });
  return names;
}

}  // namespace

TEST_CASE("walk_nodes reaches every node, through typed fields and oneofs", "[hazards][node_walk]") {
  SqlTree tree(
      "WITH recent AS (SELECT * FROM orders) "
      "SELECT u.id FROM users u JOIN recent r ON r.user_id = u.id "
      "WHERE EXISTS (SELECT 1 FROM audit.events e WHERE e.user_id = u.id) "
      "UNION SELECT id FROM admins");
  REQUIRE(tree.size() == 1);
  CHECK(relation_names(tree.statement(0)) == std::vector<std::string>{"orders", "users", "recent", "events", "admins"});
  // Returning false skips a node's children.
  CHECK(relation_names(tree.statement(0), true) == std::vector<std::string>{"orders", "users", "recent", "admins"});
}

TEST_CASE("walk_nodes does not visit relations held as typed fields", "[hazards][node_walk]") {
  // INSERT's target is InsertStmt.relation (a RangeVar field, not a node): only the source is seen.
  SqlTree tree("INSERT INTO archive SELECT * FROM live");
  REQUIRE(tree.size() == 1);
  CHECK(relation_names(tree.statement(0)) == std::vector<std::string>{"live"});
}
