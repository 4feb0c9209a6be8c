// adding-required-field: ADD COLUMN … NOT NULL with nothing to fill the existing rows (no default,
// identity, generation or serial sequence; a domain's own default counts) fails on a table that
// has rows: "column … contains null values".
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

bool has(const PgQuery__ColumnDef& def, PgQuery__ConstrType type) { return column_constraint(def, type) != nullptr; }

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__ColumnDef* def : t->added_columns()) {
    TypeNameInfo type = type_of(ctx, def->type_name);
    const TypeDef* domain = domain_named(ctx, type.formatted);
    bool not_null = def->is_not_null || has(*def, PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) ||
                    has(*def, PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) || (domain && domain->not_null);
    bool filled = def->raw_default || (def->identity && *def->identity) || (def->generated && *def->generated) ||
                  has(*def, PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) || has(*def, PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY) ||
                  has(*def, PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED) || !type.serial_base.empty() ||
                  (domain && domain->default_expr);
    if (!not_null || filled) continue;
    // PostgreSQL's own error text, which quotes the names whatever they are.
    ctx.report("ADD COLUMN " + quote_ident(def->colname) + " is NOT NULL with no default: it fails with 'column \"" +
                   std::string(def->colname) + "\" of relation \"" + t->name.name +
                   "\" contains null values' as soon as " + display_name(t->name) + " has a row",
               "add it nullable, backfill, then SET NOT NULL; or give it a constant DEFAULT (no rewrite from "
               "PostgreSQL 11)",
               def->location);
  }
}

}  // namespace

Rule adding_required_field() {
  return {.id = "adding-required-field",
          .severity = LintSeverity::Error,
          .summary = "a NOT NULL column without a default added to an existing table",
          .check = check};
}

}  // namespace migc::rules
