// prefer-text-field: a varchar(n) column: changing its limit later takes an ACCESS EXCLUSIVE lock.
#include "analyzer/rules/column_types.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  report_column_types(
      ctx,
      {{{"varchar"},
        "varchar(n): changing the limit later takes ACCESS EXCLUSIVE on the table (and lowering it rewrites it)",
        true}},
      "use text, with a CHECK (char_length(column) <= n) constraint (added NOT VALID, then validated) if it needs a limit");
}

}  // namespace

Rule prefer_text_field() {
  return {.id = "prefer-text-field",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "varchar(n) column",
          .check = check};
}

}  // namespace migc::rules
