// ban-drop-not-null: ALTER COLUMN … DROP NOT NULL on a column that is not new lets NULLs into a
// column whose readers were written for values; it cannot be put back without a scan.
#include "analyzer/hazard_collector.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull)) {
    const Column* c = t->rel ? t->rel->column(cmd->name) : nullptr;
    if ((c && !c->not_null) || column_is_new(ctx, t->rel, cmd->name)) continue;  // nothing to drop / nobody relies
    ctx.report("DROP NOT NULL on " + column_text(t->name, cmd->name) + " " + takes_lock(ctx, t->name) +
                   " and lets NULLs into a column that readers expect to hold a value",
               "keep NOT NULL until every reader and writer handles NULL; restoring it later scans the table");
  }
}

}  // namespace

Rule ban_drop_not_null() {
  return {.id = "ban-drop-not-null",
          .severity = LintSeverity::Warning,
          .summary = "DROP NOT NULL on an existing column",
          .check = check};
}

}  // namespace migc::rules
