// trigger-on-existing-table: CREATE TRIGGER, or ENABLE/DISABLE TRIGGER, on a table that is not new
// takes SHARE ROW EXCLUSIVE, which blocks writes while it waits and while the transaction lasts.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

constexpr PgQuery__AlterTableType kTriggerCommands[] = {
    PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig,      PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig,
    PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig, PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll,
    PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser,  PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig,
    PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll,  PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser,
};

constexpr std::string_view kHelp = "set lock_timeout so that waiting for the lock cannot stall writes, and commit soon after";

void check(RuleContext& ctx) {
  if (ctx.node->node_case == PG_QUERY__NODE__NODE_CREATE_TRIG_STMT) {
    const PgQuery__RangeVar* rv = ctx.node->create_trig_stmt->relation;
    QualifiedName table = ctx.model->resolve_relation(rv);
    if (!ctx.is_new(table))
      ctx.report("CREATE TRIGGER " + takes_lock(ctx, table, LockMode::ShareRowExclusive), std::string(kHelp),
                 rv->location);
    return;
  }
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (PgQuery__AlterTableType subtype : kTriggerCommands)
    if (!t->commands(subtype).empty()) {
      ctx.report("ENABLE/DISABLE TRIGGER " + takes_lock(ctx, t->name, LockMode::ShareRowExclusive),
                 std::string(kHelp));
      return;
    }
}

}  // namespace

Rule trigger_on_existing_table() {
  return {.id = "trigger-on-existing-table",
          .severity = LintSeverity::Info,
          .summary = "a trigger created, enabled or disabled on an existing table",
          .check = check};
}

}  // namespace migc::rules
