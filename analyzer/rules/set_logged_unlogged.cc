// set-logged-unlogged: SET LOGGED / SET UNLOGGED on a table that is not new rewrites it (and, for
// LOGGED, writes all of it to the WAL) under ACCESS EXCLUSIVE.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (auto [cause, what] : {std::pair{HazardCause::SetLogged, "SET LOGGED"}, {HazardCause::SetUnlogged, "SET UNLOGGED"}})
    if (hazard_on(ctx, HazardKind::Rewrite, t->name, cause))  // not when already so
      ctx.report(std::string(what) + " " + takes_lock(ctx, t->name) + " and rewrites the table and its indexes",
                 "change persistence only while the table is small or new, or in a maintenance window");
}

}  // namespace

Rule set_logged_unlogged() {
  return {.id = "set-logged-unlogged",
          .severity = LintSeverity::Warning,
          .summary = "SET LOGGED / UNLOGGED rewrites an existing table",
          .check = check};
}

}  // namespace migc::rules
