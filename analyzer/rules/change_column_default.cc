// change-column-default: SET or DROP DEFAULT on a column that is not new changes what inserts that
// leave the column out store, behind the back of code written for the old default (an ORM that
// omits unchanged columns, say). The ACCESS EXCLUSIVE it takes is brief.
#include "analyzer/hazard_collector.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault)) {
    if (column_is_new(ctx, t->rel, cmd->name)) continue;
    std::string column = column_text(t->name, cmd->name);
    ctx.report(std::string(cmd->def ? "SET DEFAULT" : "DROP DEFAULT") + " on existing column " + column +
                   " changes what inserts that leave it out store; it " + takes_lock(ctx, t->name),
               "deploy code that writes the column explicitly (or expects the new default) before changing it");
  }
}

}  // namespace

Rule change_column_default() {
  return {.id = "change-column-default",
          .severity = LintSeverity::Info,
          .summary = "a default changed on an existing column",
          .check = check};
}

}  // namespace migc::rules
