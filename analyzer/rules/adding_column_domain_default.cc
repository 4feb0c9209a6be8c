// adding-column-domain-default: ADD COLUMN of a domain type with CHECK constraints on a table that
// is not new rewrites the table under ACCESS EXCLUSIVE: PostgreSQL checks the domain against the
// new value of every row, the default or NULL (measured on 15: the table gets a new relfilenode
// with or without a DEFAULT).
#include "analyzer/rules/altered_table.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  report_column_rewrites(
      ctx,
      [&](const PgQuery__ColumnDef& def) {
        std::string type = type_of(ctx, def.type_name).formatted;
        const TypeDef* domain = domain_named(ctx, type);
        return domain && !domain->constraints.empty() ? "of domain " + type + ", which has CHECK constraints,"
                                                      : std::string();
      },
      " to check the domain's constraints on every row",
      "add the column with the domain's base type and enforce the domain's condition as a table CHECK … NOT VALID, "
      "validated in a later transaction");
}

}  // namespace

Rule adding_column_domain_default() {
  return {.id = "adding-column-domain-default",
          .severity = LintSeverity::Warning,
          .summary = "a column of a domain with CHECK constraints added to an existing table rewrites it",
          .check = check};
}

}  // namespace migc::rules
