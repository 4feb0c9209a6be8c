// index-too-many-columns: a non-unique index with more than three key columns is rarely used past
// its first columns, yet costs space and every write.
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

constexpr size_t kMostColumns = 3;

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_INDEX_STMT) return;
  const PgQuery__IndexStmt& stmt = *ctx.node->index_stmt;
  if (stmt.unique || stmt.n_index_params <= kMostColumns) return;
  ctx.report("index on " + display_name(ctx.model->resolve_relation(stmt.relation)) + " has " +
                 std::to_string(stmt.n_index_params) + " key columns; more than " + std::to_string(kMostColumns) +
                 " rarely help a query",
             "keep the most selective columns first and at most three; move the others to INCLUDE (…)",
             stmt.relation->location);
}

}  // namespace

Rule index_too_many_columns() {
  return {.id = "index-too-many-columns",
          .severity = LintSeverity::Info,
          .summary = "a non-unique index with more than three key columns",
          .check = check};
}

}  // namespace migc::rules
