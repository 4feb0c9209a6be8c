// adding-field-with-volatile-default: ADD COLUMN … DEFAULT on a table that is not new rewrites the
// table and all its indexes under ACCESS EXCLUSIVE when the default is volatile (it is computed
// for each row), or for any default before PostgreSQL 11. A non-volatile default is stored once.
#include "analyzer/deparse.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/volatility.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  const ReplayContext& model = *ctx.model;
  report_column_rewrites(
      ctx,
      [&](const PgQuery__ColumnDef& def) -> std::string {
        const PgQuery__Node* expr = def.raw_default;
        if (const PgQuery__Constraint* c = column_constraint(def, PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT)) expr = c->raw_expr;
        if (!expr) return "";
        std::string text = "DEFAULT " + deparse_expression(expr);
        if (ctx.pg_version_num < 110000) return text + " (before PostgreSQL 11 every default is written into each row)";
        if (auto call = first_volatile_call(expr, model.catalog, model.session.search_path))
          return text + " (the volatile " + *call + "() is computed for each row)";
        return "";
      },
      "", "add the column without a default, SET DEFAULT in a second statement (new rows only), then backfill the "
          "existing rows in batches");
}

}  // namespace

Rule adding_field_with_volatile_default() {
  return {.id = "adding-field-with-volatile-default",
          .severity = LintSeverity::Warning,
          .summary = "a new column whose default rewrites an existing table (volatile, or any before PostgreSQL 11)",
          .check = check,
          .aliases = {"adding-field-with-default"}};
}

}  // namespace migc::rules
