// adding-not-nullable-field: ALTER COLUMN … SET NOT NULL on a table that is not new scans every row
// under ACCESS EXCLUSIVE, unless the column is NOT NULL already or (from PostgreSQL 12) a validated
// CHECK proves it: the model's judgement, which reports the scan only when it happens.
#include "analyzer/check_proof.h"
#include "analyzer/hazard_collector.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name) || !hazard_on(ctx, HazardKind::Scan, t->name, HazardCause::SetNotNull)) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull)) {
    // The hazard is the table's; which of its columns need the scan is the same judgement per column.
    const Column* c = t->rel ? t->rel->column(cmd->name) : nullptr;
    if (c && c->not_null) continue;
    if (t->rel && ctx.pg_version_num >= 120000 && CheckFacts(*t->rel).proves_not_null(cmd->name)) continue;
    std::string column = quote_ident(cmd->name);
    std::string help =
        ctx.pg_version_num >= 120000
            ? "ADD CONSTRAINT … CHECK (" + column +
                  " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a later transaction, then SET NOT NULL (no scan) "
                  "and drop the CHECK"
            : "before PostgreSQL 12 SET NOT NULL always scans: keep a validated CHECK (" + column +
                  " IS NOT NULL) instead, or run it in a maintenance window";
    ctx.report("SET NOT NULL on " + column_text(t->name, cmd->name) + " " + takes_lock(ctx, t->name) +
                   " while it scans the table for NULLs",
               std::move(help));
  }
}

}  // namespace

Rule adding_not_nullable_field() {
  return {.id = "adding-not-nullable-field",
          .severity = LintSeverity::Warning,
          .summary = "SET NOT NULL that scans an existing table under ACCESS EXCLUSIVE",
          .check = check,
          .aliases = {"set-not-null"}};
}

}  // namespace migc::rules
