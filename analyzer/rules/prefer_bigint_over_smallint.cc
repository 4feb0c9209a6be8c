// prefer-bigint-over-smallint: a smallint (or smallserial) column, whose values end at 32,767.
#include "analyzer/rules/column_types.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  report_column_types(
      ctx,
      [](const PgQuery__TypeName& type) -> std::string {
        auto name = builtin_type_name(&type);
        if (!name) return "";
        if (*name == "int2" || *name == "smallint") return "smallint, whose values end at 32,767";
        if (*name == "smallserial" || *name == "serial2") return "smallserial (smallint), whose values end at 32,767";
        return "";
      },
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
