#include "analyzer/node_text.h"

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;

TEST_CASE("node text: names and string constants", "[references]") {
  auto r = test::replay_sql({"SELECT 'abc', 1, NULL, x"});
  PgQuery__Node* const* targets = r.trees[0]->stmts[0]->stmt->select_stmt->target_list;
  auto value = [&](size_t i) { return targets[i]->res_target->val; };
  CHECK(std::string_view(string_constant(value(0))) == "abc");
  CHECK(string_constant(value(1)) == nullptr);
  CHECK(string_constant(value(2)) == nullptr);
  CHECK(string_constant(value(3)) == nullptr);
  CHECK(string_node(value(3)->column_ref->fields[0]) == "x");
  CHECK(string_node(value(0)).empty());
  CHECK(has_text("a"));
  CHECK_FALSE(has_text(""));
  CHECK_FALSE(has_text(nullptr));
}
