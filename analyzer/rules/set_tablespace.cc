// set-tablespace: ALTER TABLE/INDEX … SET TABLESPACE on a relation that is not new copies every block
// of it to the new tablespace under ACCESS EXCLUSIVE.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace))
    ctx.report("SET TABLESPACE " + quote_ident(cmd->name) + " " + takes_lock(ctx, t->name) + " while it copies all of " +
                   display_name(t->name) + " to the new tablespace",
               "move large relations with a tool that copies online (e.g. pg_repack --tablespace), or in a "
               "maintenance window");
}

}  // namespace

Rule set_tablespace() {
  return {.id = "set-tablespace",
          .severity = LintSeverity::Warning,
          .summary = "SET TABLESPACE copies an existing relation under ACCESS EXCLUSIVE",
          .check = check};
}

}  // namespace migc::rules
