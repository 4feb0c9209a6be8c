// renaming-table: RENAME of a table that is not new breaks the code that uses the old name the
// moment it commits.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_RENAME_STMT) return;
  const PgQuery__RenameStmt& stmt = *ctx.node->rename_stmt;
  if (stmt.rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
  QualifiedName table = ctx.model->resolve_relation(stmt.relation);
  if ((!ctx.model->catalog.relation(table) && stmt.missing_ok) || ctx.is_new(table)) return;
  ctx.report("RENAME " + display_name(table) + " TO " + quote_ident(stmt.newname) + " " + takes_lock(ctx, table) +
                 "; code that uses the old name fails as soon as it commits",
             "rename it and CREATE VIEW with the old name AS SELECT * FROM the new one in the same transaction; drop "
             "the view once no code uses the old name",
             stmt.relation->location);
}

}  // namespace

Rule renaming_table() {
  return {.id = "renaming-table",
          .severity = LintSeverity::Warning,
          .summary = "RENAME of an existing table",
          .check = check};
}

}  // namespace migc::rules
