// prefer-timestamptz: a timestamp without time zone column.
#include "analyzer/rules/column_types.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  report_column_types(
      ctx,
      {{{"timestamp"},
        "timestamp without time zone, whose values mean different instants to sessions in different time zones"}},
      "use timestamptz (timestamp with time zone)");
}

}  // namespace

Rule prefer_timestamptz() {
  return {.id = "prefer-timestamptz",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "timestamp without time zone column",
          .check = check,
          .aliases = {"prefer-timestamp-tz"}};
}

}  // namespace migc::rules
