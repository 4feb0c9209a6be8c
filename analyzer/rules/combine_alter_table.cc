// combine-alter-table: a second ALTER TABLE of the same table in one transaction: one statement
// with both subcommands takes the lock once and, where both rewrite, rewrites once.
#include "analyzer/rules/altered_table.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || t->stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !ctx.tx->open() || ctx.nested) return;
  const HeldLock* held = ctx.tx->lock_on(t->name);
  if (!held || held->taken_by.migration != ctx.migration || held->taken_by.statement == ctx.statement) return;
  const ParsedStatement& earlier = (*ctx.statements)[held->taken_by.statement];
  if (!earlier.node || earlier.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) return;
  ctx.report("ALTER TABLE " + display_name(t->name) + " again in the transaction of the one at line " +
                 std::to_string(held->taken_by.line),
             "combine the subcommands into one ALTER TABLE, separated by commas");
}

}  // namespace

Rule combine_alter_table() {
  return {.id = "combine-alter-table",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "two ALTER TABLEs of one table in one transaction",
          .check = check};
}

}  // namespace migc::rules
