// type-change-with-check-constraints: ALTER COLUMN … TYPE re-creates the CHECK constraints that use
// the column and checks them against every row under ACCESS EXCLUSIVE. For a change that would
// otherwise only touch the catalog (varchar(10) → varchar(20)) that is a full scan nobody expects
// (measured on PostgreSQL 15: one sequential scan, no rewrite). Changes that rewrite the table
// are changing-column-type's.
#include <algorithm>

#include "analyzer/hazard_collector.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || !t->rel || ctx.is_new(t->name)) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)) {
    std::string column = column_text(t->name, cmd->name);
    if (hazard_on(ctx, HazardKind::Rewrite, t->name, HazardCause::ColumnType, cmd->name)) continue;
    std::string checks;
    for (const Constraint& c : t->rel->constraints)
      if (c.type == 'c' && c.validated && std::count(c.columns.begin(), c.columns.end(), cmd->name))
        checks += (checks.empty() ? "" : ", ") + quote_ident(c.name);
    if (checks.empty()) continue;
    ctx.report("changing the type of " + column + " re-checks CHECK " + checks + " on every row: it " +
                   takes_lock(ctx, t->name) + " while it scans the table",
               "drop the CHECK, change the type, re-add the CHECK with NOT VALID and VALIDATE it in a later "
               "transaction");
  }
}

}  // namespace

Rule type_change_with_check_constraints() {
  return {.id = "type-change-with-check-constraints",
          .severity = LintSeverity::Warning,
          .summary = "a column type change that re-checks CHECK constraints by scanning an existing table",
          .check = check};
}

}  // namespace migc::rules
