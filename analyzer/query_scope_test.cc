#include "analyzer/query_scope.h"

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;
using Match = ColumnLookup::Match;

TEST_CASE("query scope: levels resolve inner first, hide FROM siblings from non-LATERAL sub-selects, and know sub-select columns",
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
  // A sub-select's known result columns are its own; unknown ones answer only for its aliases.
  scopes.push_level();
  RangeItem known;
  known.kind = RangeItem::Kind::Query;
  known.refname = "q";
  known.columns = std::vector<std::string>{"email"};
  scopes.add_item(known);
  CHECK(scopes.resolve(ref(1)).match == Match::Derived);
  CHECK(scopes.resolve(ref(0)).match == Match::Catalog);
  scopes.item(1).columns.reset();  // item 0 is x
  CHECK(scopes.resolve(ref(0)).match == Match::Maybe);
  scopes.pop_level();
  ColumnLookup email = scopes.resolve(ref(1));
  CHECK(email.match == Match::Catalog);
  CHECK(email.relation == &users);
  CHECK(email.column == "email");
}
