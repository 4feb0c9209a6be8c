// ban-drop-table: DROP TABLE of a table that is not new loses its data and breaks the code that
// uses it; it also takes ACCESS EXCLUSIVE on every table its foreign keys reference.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_DROP_STMT ||
      ctx.node->drop_stmt->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
    return;
  // The tables the model says the statement drops (with their partitions, and what CASCADE adds).
  std::string dropped;
  for (const Hazard& h : *ctx.hazards)
    if (h.kind == HazardKind::DataLoss && h.relation && !ctx.is_new(h.age) && h.message.starts_with("drops table"))
      dropped += (dropped.empty() ? "" : ", ") + display_name(*h.relation);
  if (dropped.empty()) return;
  ctx.report("DROP TABLE loses the data of " + dropped + " and breaks code that still uses it; it " +
                 takes_live_locks(ctx),
             "stop using the table and deploy first; keep a copy (or rename it away and drop it later)");
}

}  // namespace

Rule ban_drop_table() {
  return {.id = "ban-drop-table",
          .severity = LintSeverity::Warning,
          .summary = "DROP TABLE of an existing table",
          .check = check};
}

}  // namespace migc::rules
