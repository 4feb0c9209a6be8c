// prefer-bigint-over-smallint: a smallint (or smallserial) column, whose values end at 32,767.
#include "analyzer/rules/column_types.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  report_column_types(
      ctx,
      {{{"int2", "smallint"}, "smallint, whose values end at 32,767"},
       {{"smallserial", "serial2"}, "smallserial (smallint), whose values end at 32,767"}},
      "use bigint: widening it later rewrites the table");
}

}  // namespace

Rule prefer_bigint_over_smallint() {
  return {.id = "prefer-bigint-over-smallint",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "smallint or smallserial column",
          .check = check};
}

}  // namespace migc::rules
