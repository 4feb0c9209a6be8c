// prefer-robust-stmts: outside a transaction, a statement that fails when run a second time: a
// migration that stopped half-way cannot simply be run again.
#include "analyzer/rules/altered_table.h"

namespace migc::rules {

namespace {

void report(RuleContext& ctx, const std::string& what, const std::string& help) {
  ctx.report(what + " fails if the migration stopped after it and runs again: nothing rolls it back", help);
}

void check(RuleContext& ctx) {
  const PgQuery__Node* n = ctx.node;
  bool concurrently = n->node_case == PG_QUERY__NODE__NODE_INDEX_STMT && n->index_stmt->concurrent;
  if ((ctx.tx->open() && !concurrently) || ctx.nested) return;  // a transaction rolls back as a whole
  switch (n->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      if (!n->create_stmt->if_not_exists) report(ctx, "CREATE TABLE without IF NOT EXISTS", "write CREATE TABLE IF NOT EXISTS");
      return;
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      if (!n->index_stmt->if_not_exists)
        report(ctx, std::string("CREATE INDEX ") + (concurrently ? "CONCURRENTLY " : "") + "without IF NOT EXISTS",
               concurrently ? "write CREATE INDEX CONCURRENTLY IF NOT EXISTS, and drop an INVALID index left by a "
                              "failed build before running it again"
                            : "write CREATE INDEX IF NOT EXISTS");
      return;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      if (!n->drop_stmt->missing_ok) report(ctx, "DROP without IF EXISTS", "write DROP … IF EXISTS");
      return;
    default: break;
  }
  auto t = altered_table(ctx);
  if (!t) return;
  for (size_t i = 0; i < t->stmt->n_cmds; ++i) {
    if (t->stmt->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd* cmd = t->stmt->cmds[i]->alter_table_cmd;
    switch (cmd->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (!cmd->missing_ok) report(ctx, "ADD COLUMN without IF NOT EXISTS", "write ADD COLUMN IF NOT EXISTS");
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        if (!cmd->missing_ok) report(ctx, "DROP COLUMN without IF EXISTS", "write DROP COLUMN IF EXISTS");
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        if (!cmd->missing_ok) report(ctx, "DROP CONSTRAINT without IF EXISTS", "write DROP CONSTRAINT IF EXISTS");
        break;
      default:
        report(ctx, "ALTER TABLE outside a transaction", "run the migration in a transaction");
        return;
    }
  }
}

}  // namespace

Rule prefer_robust_stmts() {
  return {.id = "prefer-robust-stmts",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "outside a transaction, a statement that fails when run again",
          .check = check};
}

}  // namespace migc::rules
