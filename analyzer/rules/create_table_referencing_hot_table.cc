// create-table-referencing-hot-table: CREATE TABLE with a foreign key to a table that is not new
// takes SHARE ROW EXCLUSIVE on that table (to add the key's triggers), which blocks its writes
// while it waits for the lock and until the transaction ends.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_CREATE_STMT) return;
  const PgQuery__CreateStmt& stmt = *ctx.node->create_stmt;
  QualifiedName table = range_var_name(stmt.relation, ctx.model->default_schema());
  std::string parents;
  for (const Hazard& h : *ctx.hazards)
    if (h.kind == HazardKind::Lock && h.lock == LockMode::ShareRowExclusive && h.relation && *h.relation != table &&
        !ctx.is_new(h.age))
      parents += (parents.empty() ? "takes " : " and ") + h.message;
  if (parents.empty()) return;
  ctx.report("CREATE TABLE " + display_name(table) + " with a foreign key " + parents,
             "set lock_timeout so that waiting for the lock cannot stall writes, and commit soon after",
             stmt.relation->location);
}

}  // namespace

Rule create_table_referencing_hot_table() {
  return {.id = "create-table-referencing-hot-table",
          .severity = LintSeverity::Info,
          .summary = "a new table's foreign key locks an existing table against writes",
          .check = check};
}

}  // namespace migc::rules
