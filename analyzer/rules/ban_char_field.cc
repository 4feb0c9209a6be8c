// ban-char-field: a char(n) column.
#include "analyzer/rules/column_types.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  report_column_types(
      ctx,
      {{{"bpchar"}, "char(n), which pads its values with spaces and is no faster than text"}},
      "use text (with a CHECK constraint if it needs a length)");
}

}  // namespace

Rule ban_char_field() {
  return {.id = "ban-char-field",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "char(n) column",
          .check = check};
}

}  // namespace migc::rules
