// ban-drop-column: DROP COLUMN of a column that is not new breaks every running query and deploy of
// code that still reads or writes it, and its data is gone.
#include "analyzer/hazard_collector.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn)) {
    std::string column = column_text(t->name, cmd->name);
    // The model says what is dropped (IF EXISTS of a missing column drops nothing).
    if (!hazard_on(ctx, HazardKind::DataLoss, t->name, HazardCause::DropColumn, cmd->name) ||
        column_is_new(ctx, t->rel, cmd->name))
      continue;
    ctx.report("DROP COLUMN " + column + " " + takes_live_locks(ctx) +
                   "; code that still reads or writes the column fails, and its data is lost",
               "stop reading and writing the column (e.g. ignore it in the ORM), deploy, then drop it in a later "
               "migration");
  }
}

}  // namespace

Rule ban_drop_column() {
  return {.id = "ban-drop-column",
          .severity = LintSeverity::Warning,
          .summary = "DROP COLUMN of an existing column",
          .check = check};
}

}  // namespace migc::rules
