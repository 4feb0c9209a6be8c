// replica-identity-full: REPLICA IDENTITY FULL on a table that is not new makes logical replication
// log the whole old row of every UPDATE and DELETE, and match rows by all columns on the
// subscriber; NOTHING makes UPDATE and DELETE fail once the table is published.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity)) {
    if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_REPLICA_IDENTITY_STMT) continue;
    std::string_view kind = cmd->def->replica_identity_stmt->identity_type;
    std::string effect;
    if (kind == "f")
      effect = "REPLICA IDENTITY FULL logs the whole old row of every UPDATE and DELETE and makes subscribers match "
               "rows on every column";
    else if (kind == "n")
      effect = "REPLICA IDENTITY NOTHING makes UPDATE and DELETE fail while the table is in a publication";
    else
      continue;
    ctx.report(effect + "; it " + takes_lock(ctx, t->name),
               "keep the primary key as the identity, or use REPLICA IDENTITY USING INDEX on a unique NOT NULL index; "
               "check the publications first");
  }
}

}  // namespace

Rule replica_identity_full() {
  return {.id = "replica-identity-full",
          .severity = LintSeverity::Warning,
          .summary = "REPLICA IDENTITY FULL or NOTHING on an existing table",
          .check = check};
}

}  // namespace migc::rules
