// adding-foreign-key-constraint: a foreign key added to a table that is not new, without NOT
// VALID, holds SHARE ROW EXCLUSIVE on both tables (blocking their writes) while it checks every
// row. A REFERENCES written on ADD COLUMN cannot be NOT VALID at all.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

constexpr std::string_view kRecipe =
    "add it with ADD CONSTRAINT … FOREIGN KEY … NOT VALID (no scan), then VALIDATE CONSTRAINT in a later "
    "transaction (SHARE UPDATE EXCLUSIVE on the table, ROW SHARE on the referenced one)";

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__Constraint* c : t->added_constraints(PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)) {
    if (c->skip_validation) continue;
    QualifiedName parent = ctx.model->resolve_relation(c->pktable);
    ctx.report("ADD FOREIGN KEY " + takes_live_locks(ctx) + " while it scans " + display_name(t->name) + " and " +
                   display_name(parent) + " to check every row",
               std::string(kRecipe), c->location);
  }
  for (const PgQuery__ColumnDef* def : t->added_columns()) {
    const PgQuery__Constraint* fk = column_constraint(*def, PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN);
    if (!fk) continue;
    // Without a default the new column is all NULL: nothing to check, but the locks stay.
    bool filled = def->raw_default || column_constraint(*def, PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT);
    ctx.report("ADD COLUMN " + quote_ident(def->colname) + " … REFERENCES " + takes_live_locks(ctx) +
                   (filled ? " while it checks the default of every row against " +
                                 display_name(ctx.model->resolve_relation(fk->pktable))
                           : "") +
                   "; a foreign key written on the column cannot be NOT VALID",
               "add the column without REFERENCES, then " + std::string(kRecipe), fk->location);
  }
}

}  // namespace

Rule adding_foreign_key_constraint() {
  return {.id = "adding-foreign-key-constraint",
          .severity = LintSeverity::Warning,
          .summary = "a foreign key added to an existing table without NOT VALID",
          .check = check,
          .aliases = {"foreign-key-missing-not-valid", "constraint-missing-not-valid"}};
}

}  // namespace migc::rules
