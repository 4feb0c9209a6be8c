// renaming-schema: RENAME of a schema that is not new breaks every qualified name and search_path
// that uses the old name.
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_RENAME_STMT) return;
  const PgQuery__RenameStmt& stmt = *ctx.node->rename_stmt;
  if (stmt.rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA) return;
  auto schema = ctx.model->catalog.schemas.find(stmt.subname);
  if (schema != ctx.model->catalog.schemas.end() && ctx.is_new(ctx.model->age_of(schema->second.provenance))) return;
  ctx.report("RENAME SCHEMA " + quote_ident(stmt.subname) + " TO " + quote_ident(stmt.newname) +
                 " breaks every qualified name and search_path that code uses with the old name",
             "create the new schema and move objects over while code is switched; or keep both names working "
             "(views in the old schema) until every client has moved");
}

}  // namespace

Rule renaming_schema() {
  return {.id = "renaming-schema",
          .severity = LintSeverity::Warning,
          .summary = "RENAME of an existing schema",
          .check = check};
}

}  // namespace migc::rules
