// renaming-column: RENAME COLUMN of a column that is not new breaks the code and queries (views
// keep working) that use the old name the moment it commits.
#include "analyzer/hazard_collector.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_RENAME_STMT) return;
  const PgQuery__RenameStmt& stmt = *ctx.node->rename_stmt;
  if (stmt.rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN || stmt.relation_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
    return;
  QualifiedName table = ctx.model->resolve_relation(stmt.relation);
  const Relation* r = ctx.model->catalog.relation(table);
  if ((!r && stmt.missing_ok) || ctx.is_new(table) || column_is_new(ctx, r, stmt.subname)) return;
  ctx.report("RENAME COLUMN " + column_text(table, stmt.subname) + " TO " + quote_ident(stmt.newname) + " " +
                 takes_lock(ctx, table) + "; code that uses the old name fails as soon as it commits",
             "add the new column, write both, backfill, move readers over, then drop the old one (or keep the old "
             "name readable through a view)",
             stmt.relation->location);
}

}  // namespace

Rule renaming_column() {
  return {.id = "renaming-column",
          .severity = LintSeverity::Warning,
          .summary = "RENAME COLUMN of an existing column",
          .check = check};
}

}  // namespace migc::rules
