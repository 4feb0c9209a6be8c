// exclusion-constraint: ADD CONSTRAINT … EXCLUDE on a table that is not new builds its index
// under ACCESS EXCLUSIVE; it can be neither NOT VALID nor USING INDEX.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__Constraint* c : t->added_constraints(PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION))
    ctx.report("EXCLUDE " + takes_lock(ctx, t->name) +
                   " while it scans the table to build its index; an exclusion constraint cannot be NOT VALID nor "
                   "use an existing index",
               "add it when the table is created, or in a maintenance window with lock_timeout set", c->location);
}

}  // namespace

Rule exclusion_constraint() {
  return {.id = "exclusion-constraint",
          .severity = LintSeverity::Warning,
          .summary = "an exclusion constraint added to an existing table builds its index under ACCESS EXCLUSIVE",
          .check = check};
}

}  // namespace migc::rules
