// set-access-method: ALTER TABLE … SET ACCESS METHOD (PostgreSQL 15) rewrites a table that is not new
// under ACCESS EXCLUSIVE; before 15 the statement does not exist.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod).empty()) return;
  if (ctx.pg_version_num < 150000) {
    ctx.report(LintSeverity::Error, "SET ACCESS METHOD needs PostgreSQL 15: it is a syntax error on the target version",
               "create a new table with USING the access method and copy the rows into it");
    return;
  }
  if (ctx.is_new(t->name)) return;
  ctx.report("SET ACCESS METHOD " + takes_lock(ctx, t->name) + " and rewrites the table and its indexes",
             "create the table with the access method from the start, or copy it into a new table and swap");
}

}  // namespace

Rule set_access_method() {
  return {.id = "set-access-method",
          .severity = LintSeverity::Warning,
          .summary = "SET ACCESS METHOD rewrites an existing table",
          .check = check};
}

}  // namespace migc::rules
