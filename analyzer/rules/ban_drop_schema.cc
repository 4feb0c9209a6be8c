// ban-drop-schema: DROP SCHEMA of a schema that is not new; with CASCADE it drops every table, view,
// function and type in it.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_DROP_STMT) return;
  const PgQuery__DropStmt& stmt = *ctx.node->drop_stmt;
  if (stmt.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA) return;
  bool cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  for (size_t i = 0; i < stmt.n_objects; ++i) {
    if (stmt.objects[i]->node_case != PG_QUERY__NODE__NODE_STRING) continue;
    std::string name = stmt.objects[i]->string->sval;
    auto schema = ctx.model->catalog.schemas.find(name);
    if (schema == ctx.model->catalog.schemas.end() ? stmt.missing_ok
                                                   : ctx.is_new(ctx.model->age_of(schema->second.provenance)))
      continue;
    std::string locks = takes_live_locks(ctx);
    ctx.report("DROP SCHEMA " + quote_ident(name) +
                   (cascade ? " CASCADE drops everything in it" + (locks.empty() ? "" : " and " + locks)
                            : " breaks code that names it"),
               "move what is still used out of the schema and deploy first; drop it in a later migration");
  }
}

}  // namespace

Rule ban_drop_schema() {
  return {.id = "ban-drop-schema",
          .severity = LintSeverity::Warning,
          .summary = "DROP SCHEMA of an existing schema",
          .check = check};
}

}  // namespace migc::rules
