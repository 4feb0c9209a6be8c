#include "analyzer/query_scope.h"

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;
using Match = ColumnLookup::Match;

namespace {

// Whether the query `sql` (optionally as a FROM item with column aliases `AS s(…)`) has a result
// column `name`.
Match has_column(const std::string& sql, const std::string& name, const std::string& alias = "") {
  std::string text = "SELECT 1 FROM (" + sql + ") AS s" + alias;
  auto r = test::replay_sql({text});
  const PgQuery__RangeSubselect* sub = r.trees[0]->stmts[0]->stmt->select_stmt->from_clause[0]->range_subselect;
  return query_has_column(sub->subquery, nullptr, 0, sub->alias, name);
}

}  // namespace

TEST_CASE("query scope: result columns are named as PostgreSQL names them", "[references]") {
  CHECK(has_column("SELECT id AS n FROM t", "n") == Match::Derived);
  CHECK(has_column("SELECT id AS n FROM t", "id") == Match::None);
  CHECK(has_column("SELECT t.id FROM t", "id") == Match::Derived);
  CHECK(has_column("SELECT count(*) FROM t", "count") == Match::Derived);
  CHECK(has_column("SELECT x::text FROM t", "x") == Match::Derived);
  CHECK(has_column("SELECT '1'::int", "int4") == Match::Derived);
  CHECK(has_column("SELECT CASE WHEN true THEN 1 END", "case") == Match::Derived);
  CHECK(has_column("SELECT CASE WHEN true THEN 1 ELSE x END FROM t", "x") == Match::Derived);
  CHECK(has_column("SELECT coalesce(a, b), greatest(1, 2), nullif(a, b) FROM t", "greatest") == Match::Derived);
  CHECK(has_column("SELECT nullif(a, b) FROM t", "nullif") == Match::Derived);
  CHECK(has_column("SELECT (ROW(1, 2)).f1, EXISTS (SELECT 1), ARRAY[1]", "f1") == Match::Derived);
  CHECK(has_column("SELECT EXISTS (SELECT 1)", "exists") == Match::Derived);
  CHECK(has_column("SELECT (SELECT y FROM u)", "y") == Match::Derived);
  CHECK(has_column("SELECT current_date", "current_date") == Match::Derived);
  CHECK(has_column("SELECT 1 + 1", "?column?") == Match::Derived);
  CHECK(has_column("SELECT 1 + 1", "x") == Match::None);
}

TEST_CASE("query scope: aliases rename, * makes the list unknown, VALUES has columnN", "[references]") {
  CHECK(has_column("SELECT a, b FROM t", "x", "(x)") == Match::Derived);
  CHECK(has_column("SELECT a, b FROM t", "a", "(x)") == Match::None);
  CHECK(has_column("SELECT a, b FROM t", "b", "(x)") == Match::Derived);
  CHECK(has_column("SELECT * FROM t", "anything") == Match::Maybe);
  CHECK(has_column("SELECT t.* FROM t", "x", "(x)") == Match::Derived);
  CHECK(has_column("VALUES (1, 2)", "column2") == Match::Derived);
  CHECK(has_column("VALUES (1, 2)", "column3") == Match::None);
  CHECK(has_column("VALUES (1, 2)", "column1", "(a)") == Match::None);
  CHECK(has_column("SELECT a FROM t UNION SELECT b FROM u", "a") == Match::Derived);
  CHECK(has_column("SELECT a FROM t UNION SELECT b FROM u", "b") == Match::None);
}

TEST_CASE("query scope: levels resolve inner first and hide FROM siblings from non-LATERAL sub-selects",
          "[references]") {
  Relation users;
  users.name = {"public", "users"};
  users.columns = {Column{"id"}, Column{"email"}};
  auto r = test::replay_sql({"SELECT id, email, x.id, s.id"});
  PgQuery__Node* const* targets = r.trees[0]->stmts[0]->stmt->select_stmt->target_list;
  auto ref = [&](size_t i) { return targets[i]->res_target->val->column_ref; };

  QueryScopes scopes;
  scopes.push_level();
  RangeItem outer;
  outer.kind = RangeItem::Kind::Relation;
  outer.refname = "x";
  outer.relation = &users;
  scopes.add_item(outer);
  scopes.push_level(/*sees_enclosing_items=*/false);
  // x is a FROM sibling of this non-LATERAL sub-select: out of sight.
  CHECK(scopes.resolve(ref(0)).match == Match::None);
  scopes.pop_level();
  scopes.push_level();
  RangeItem inner;
  inner.kind = RangeItem::Kind::Opaque;
  inner.refname = "s";
  scopes.add_item(inner);
  // The inner level's function might have `id`: the search stops there.
  CHECK(scopes.resolve(ref(0)).match == Match::Maybe);
  CHECK(scopes.resolve(ref(2)).match == Match::Catalog);
  CHECK(scopes.resolve(ref(2)).column == "id");
  CHECK(scopes.resolve(ref(3)).match == Match::Maybe);
  scopes.pop_level();
  ColumnLookup email = scopes.resolve(ref(1));
  CHECK(email.match == Match::Catalog);
  CHECK(email.relation == &users);
  CHECK(email.column == "email");
}
