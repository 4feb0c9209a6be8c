// adding-stored-generated-column: ADD COLUMN … GENERATED ALWAYS AS (…) STORED on a table that is
// not new rewrites the table under ACCESS EXCLUSIVE to compute the value of every row.
#include "analyzer/rules/altered_table.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  report_column_rewrites(
      ctx,
      [](const PgQuery__ColumnDef& def) {
        bool generated =
            (def.generated && *def.generated) || column_constraint(def, PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED);
        return generated ? std::string("GENERATED ALWAYS AS (…) STORED") : std::string();
      },
      " to compute every row",
      "add a plain nullable column kept current by a trigger, then backfill the existing rows in batches");
}

}  // namespace

Rule adding_stored_generated_column() {
  return {.id = "adding-stored-generated-column",
          .severity = LintSeverity::Warning,
          .summary = "a stored generated column added to an existing table rewrites it",
          .check = check,
          .aliases = {"adding-field-with-default"}};
}

}  // namespace migc::rules
