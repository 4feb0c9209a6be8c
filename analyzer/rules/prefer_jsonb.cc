// prefer-jsonb: a json column (CREATE TABLE, ADD COLUMN, ALTER COLUMN … TYPE). json keeps the text
// as written and re-parses it on every access; jsonb is indexable, supports equality (DISTINCT,
// GROUP BY, UNIQUE) and the containment operators.
#include "analyzer/rules/altered_table.h"

namespace migc::rules {

namespace {

void check_column(RuleContext& ctx, const QualifiedName& table, const char* column, const PgQuery__TypeName* type,
                  int32_t location) {
  if (!type) return;
  std::string text = type_of(ctx, type).formatted;
  if (text != "json" && !text.starts_with("json[")) return;
  ctx.report("column " + display_name(table) + "." + quote_ident(column) + " is " + text +
                 ": it is re-parsed on every access, cannot be indexed or compared for equality",
             "use jsonb", location);
}

void check(RuleContext& ctx) {
  if (ctx.node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
    const PgQuery__CreateStmt& stmt = *ctx.node->create_stmt;
    QualifiedName table = range_var_name(stmt.relation, ctx.model->default_schema());
    for (size_t i = 0; i < stmt.n_table_elts; ++i)
      if (stmt.table_elts[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
        const PgQuery__ColumnDef* def = stmt.table_elts[i]->column_def;
        check_column(ctx, table, def->colname, def->type_name, def->location);
      }
    return;
  }
  auto t = altered_table(ctx);
  if (!t) return;
  for (const PgQuery__ColumnDef* def : t->added_columns())
    check_column(ctx, t->name, def->colname, def->type_name, def->location);
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType))
    if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
      check_column(ctx, t->name, cmd->name, cmd->def->column_def->type_name,
                   cmd->def->column_def->type_name ? cmd->def->column_def->type_name->location : -1);
}

}  // namespace

Rule prefer_jsonb() {
  return {.id = "prefer-jsonb",
          .severity = LintSeverity::Warning,
          .summary = "a json column where jsonb serves better",
          .check = check};
}

}  // namespace migc::rules
