// drop-constraint: DROP CONSTRAINT takes ACCESS EXCLUSIVE on the table and, for a foreign key, on
// the table it references too, however new the constrained table is.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || !locks_live_relation(ctx, LockMode::AccessExclusive)) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint)) {
    if (cmd->missing_ok && t->rel && !t->rel->constraint(cmd->name)) continue;  // IF EXISTS of nothing
    ctx.report("DROP CONSTRAINT " + quote_ident(cmd->name) + " " + takes_live_locks(ctx),
               "set lock_timeout so that waiting for the lock cannot stall the tables, and deploy the code that no "
               "longer relies on the constraint first");
  }
}

}  // namespace

Rule drop_constraint() {
  return {.id = "drop-constraint",
          .severity = LintSeverity::Info,
          .summary = "DROP CONSTRAINT locks the table, and a foreign key's referenced table, with ACCESS EXCLUSIVE",
          .check = check};
}

}  // namespace migc::rules
