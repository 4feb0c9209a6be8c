// unique-index-may-fail: CREATE UNIQUE INDEX on a table that already has rows fails when they
// hold duplicates; built CONCURRENTLY, the failure leaves an INVALID index behind.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_INDEX_STMT) return;
  const PgQuery__IndexStmt& stmt = *ctx.node->index_stmt;
  if (!stmt.unique) return;
  QualifiedName table = ctx.model->resolve_relation(stmt.relation);
  if (ctx.is_new(table) || !hazard_on(ctx, HazardKind::Scan, table)) return;  // empty, or nothing built
  std::string keys;
  for (size_t i = 0; i < stmt.n_index_params; ++i) {
    const PgQuery__Node* p = stmt.index_params[i];
    bool named = p->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM && p->index_elem->name && *p->index_elem->name;
    keys += (i ? ", " : "") + (named ? quote_ident(p->index_elem->name) : std::string("an expression"));
  }
  ctx.report("CREATE UNIQUE INDEX fails if " + display_name(table) + " already holds duplicate (" + keys + ") values" +
                 (stmt.concurrent ? ", and then leaves an INVALID index behind" : ""),
             "check for duplicates first (SELECT … GROUP BY … HAVING count(*) > 1) and clean them up",
             stmt.relation->location);
}

}  // namespace

Rule unique_index_may_fail() {
  return {.id = "unique-index-may-fail",
          .severity = LintSeverity::Info,
          .summary = "a unique index on an existing table fails on duplicate rows",
          .check = check};
}

}  // namespace migc::rules
