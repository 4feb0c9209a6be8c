// disallowed-unique-constraint: ADD CONSTRAINT … UNIQUE (or a UNIQUE on ADD COLUMN) on a table
// that is not new builds its index while holding ACCESS EXCLUSIVE.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__Constraint* c : t->constraints_with_columns(PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)) {
    if (c->indexname && *c->indexname) continue;  // USING INDEX: no build
    ctx.report("UNIQUE " + takes_lock(ctx, t->name) + " while it scans the table to build its index",
               "CREATE UNIQUE INDEX CONCURRENTLY first (outside a transaction block), then ADD CONSTRAINT … UNIQUE "
               "USING INDEX",
               c->location);
  }
}

}  // namespace

Rule disallowed_unique_constraint() {
  return {.id = "disallowed-unique-constraint",
          .severity = LintSeverity::Warning,
          .summary = "a UNIQUE constraint that builds its index on an existing table under ACCESS EXCLUSIVE",
          .check = check,
          .aliases = {"unique-constraint-needs-index"}};
}

}  // namespace migc::rules
