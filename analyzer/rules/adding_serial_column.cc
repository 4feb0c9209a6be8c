// adding-serial-column: ADD COLUMN of a serial type on a table that is not new creates a sequence
// and rewrites the table under ACCESS EXCLUSIVE to give every row a number from it.
#include "analyzer/rules/altered_table.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  report_column_rewrites(
      ctx,
      [&](const PgQuery__ColumnDef& def) {
        return type_of(ctx, def.type_name).serial_base.empty() ? std::string()
                                                               : string_list(def.type_name->names, def.type_name->n_names).back();
      },
      " to number every row from a new sequence",
      "add a nullable bigint column, SET DEFAULT nextval() of a new sequence, backfill the existing rows in batches, "
      "then make it NOT NULL");
}

}  // namespace

Rule adding_serial_column() {
  return {.id = "adding-serial-column",
          .severity = LintSeverity::Warning,
          .summary = "a serial column added to an existing table rewrites it",
          .check = check};
}

}  // namespace migc::rules
