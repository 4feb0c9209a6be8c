// non-linear-migration: a new migration that sorts before one that already ran: most runners skip
// it or refuse it, and the order of the two differs between databases.
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  const std::vector<bool>* applied = ctx.model->applied;
  if (!applied || ctx.nested || ctx.reported_in_migration()) return;
  for (uint32_t later = ctx.migration + 1; later < applied->size(); ++later)
    if ((*applied)[later]) {
      ctx.report("migration " + ctx.set->migrations[ctx.migration].id + " sorts before " +
                     ctx.set->migrations[later].id + ", which already ran",
                 "give it a version after the last one that ran (rename the file)");
      return;
    }
}

}  // namespace

Rule non_linear_migration() {
  return {.id = "non-linear-migration",
          .severity = LintSeverity::Warning,
          .opt_in = true,
          .summary = "a new migration ordered before one that already ran",
          .check = check};
}

}  // namespace migc::rules
