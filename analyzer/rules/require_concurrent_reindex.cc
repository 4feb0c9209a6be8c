// require-concurrent-reindex: REINDEX without CONCURRENTLY holds SHARE on the table (blocking
// writes) and ACCESS EXCLUSIVE on each index it rebuilds (blocking the queries that would use
// it) for the whole rebuild. CONCURRENTLY exists from PostgreSQL 12.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_REINDEX_STMT || ctx.pg_version_num < 120000) return;
  // The lock model knows the mode: CONCURRENTLY takes SHARE UPDATE EXCLUSIVE only.
  if (!locks_live_relation(ctx, LockMode::Share)) return;
  const PgQuery__RangeVar* rv = ctx.node->reindex_stmt->relation;
  ctx.report("REINDEX " + takes_live_locks(ctx) + " while it rebuilds the indexes",
             "rebuild with REINDEX … CONCURRENTLY, in a migration that runs outside a transaction block",
             rv ? rv->location : -1);
}

}  // namespace

Rule require_concurrent_reindex() {
  return {.id = "require-concurrent-reindex",
          .severity = LintSeverity::Warning,
          .summary = "REINDEX without CONCURRENTLY blocks writes, and reads through the index, during the rebuild",
          .check = check};
}

}  // namespace migc::rules
