// require-concurrent-index-creation: CREATE INDEX without CONCURRENTLY on a table that is not
// new holds SHARE, which blocks every write, for as long as the build scans the table.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_INDEX_STMT) return;
  const PgQuery__IndexStmt& stmt = *ctx.node->index_stmt;
  if (stmt.concurrent) return;
  QualifiedName table = ctx.model->resolve_relation(stmt.relation);
  if (ctx.is_new(table)) return;
  const Relation* r = ctx.model->catalog.relation(table);
  if (r && r->kind == RelKind::PartitionedTable) return;  // no CONCURRENTLY there: index-on-partitioned-table
  if (!hazard_on(ctx, HazardKind::Scan, table)) return;   // IF NOT EXISTS of an index it has: builds nothing
  ctx.report("CREATE INDEX " + takes_lock(ctx, table, LockMode::Share) + " while it scans the table to build the index",
             "build it with CREATE INDEX CONCURRENTLY, in a migration that runs outside a transaction block",
             stmt.relation->location);
}

}  // namespace

Rule require_concurrent_index_creation() {
  return {.id = "require-concurrent-index-creation",
          .severity = LintSeverity::Warning,
          .summary = "CREATE INDEX without CONCURRENTLY on an existing table blocks writes during the build",
          .check = check};
}

}  // namespace migc::rules
