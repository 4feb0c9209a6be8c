// check-constraint-missing-not-valid: ADD CONSTRAINT … CHECK without NOT VALID on a table that is
// not new checks every row while it holds ACCESS EXCLUSIVE.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__Constraint* c : t->added_constraints(PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)) {
    if (c->skip_validation) continue;
    ctx.report("ADD CHECK " + takes_lock(ctx, t->name) + " while it scans the table to check every row",
               "add it with NOT VALID (no scan), then VALIDATE CONSTRAINT in a later transaction (SHARE UPDATE "
               "EXCLUSIVE: reads and writes go on)",
               c->location);
  }
}

}  // namespace

Rule check_constraint_missing_not_valid() {
  return {.id = "check-constraint-missing-not-valid",
          .severity = LintSeverity::Warning,
          .summary = "a CHECK constraint added to an existing table without NOT VALID",
          .check = check,
          .aliases = {"constraint-missing-not-valid"}};
}

}  // namespace migc::rules
