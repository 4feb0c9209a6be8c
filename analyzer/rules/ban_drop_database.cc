// ban-drop-database: DROP DATABASE in a migration destroys a whole database.
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_DROPDB_STMT) return;
  ctx.report("DROP DATABASE " + quote_ident(ctx.node->dropdb_stmt->dbname) + " destroys a whole database",
             "drop databases by hand, outside the migrations");
}

}  // namespace

Rule ban_drop_database() {
  return {.id = "ban-drop-database",
          .severity = LintSeverity::Error,
          .summary = "DROP DATABASE in a migration",
          .check = check};
}

}  // namespace migc::rules
