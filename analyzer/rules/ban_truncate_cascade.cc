// ban-truncate-cascade: TRUNCATE … CASCADE also empties every table whose foreign keys point at the
// named ones, and theirs in turn: the model lists them.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_TRUNCATE_STMT ||
      ctx.node->truncate_stmt->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
    return;
  std::string emptied;
  for (const Hazard& h : *ctx.hazards)
    if (h.kind == HazardKind::DataLoss && h.relation && !ctx.is_new(h.age))
      emptied += (emptied.empty() ? "" : ", ") + display_name(*h.relation);
  if (emptied.empty()) return;
  ctx.report("TRUNCATE … CASCADE empties " + emptied + ", including every table whose foreign keys reach them; it " +
                 takes_live_locks(ctx),
             "name every table to truncate, without CASCADE, so that a new foreign key cannot widen it");
}

}  // namespace

Rule ban_truncate_cascade() {
  return {.id = "ban-truncate-cascade",
          .severity = LintSeverity::Warning,
          .summary = "TRUNCATE … CASCADE",
          .check = check};
}

}  // namespace migc::rules
