// require-concurrent-index-deletion: DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on
// the index's table, so it waits behind every running query on it and blocks all that follow.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_DROP_STMT) return;
  const PgQuery__DropStmt& stmt = *ctx.node->drop_stmt;
  if (stmt.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX || stmt.concurrent) return;
  const Catalog& catalog = ctx.model->catalog;
  for (size_t i = 0; i < stmt.n_objects; ++i) {
    if (stmt.objects[i]->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    const PgQuery__List* parts = stmt.objects[i]->list;
    QualifiedName index = ctx.model->resolve_relation(string_list(parts->items, parts->n_items));
    const Relation* r = catalog.relation(index);
    if (!r && stmt.missing_ok) continue;  // IF EXISTS of an index the history never made
    // An index of a partitioned table cannot be dropped concurrently.
    if (r && r->kind == RelKind::PartitionedIndex) continue;
    QualifiedName table = r && !r->index.table.name.empty() ? r->index.table : index;
    if (ctx.is_new(table)) continue;
    ctx.report("DROP INDEX " + display_name(index) + " " + takes_lock(ctx, table),
               "drop it with DROP INDEX CONCURRENTLY, in a migration that runs outside a transaction block");
  }
}

}  // namespace

Rule require_concurrent_index_deletion() {
  return {.id = "require-concurrent-index-deletion",
          .severity = LintSeverity::Warning,
          .summary = "DROP INDEX without CONCURRENTLY locks out reads and writes of an existing table",
          .check = check};
}

}  // namespace migc::rules
