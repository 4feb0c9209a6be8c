// require-table-schema: a table created, altered or dropped under an unqualified name.
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

void report_unqualified(RuleContext& ctx, const std::string& table, int32_t location) {
  ctx.report("table " + quote_ident(table) + " is not schema-qualified: it is whichever the search_path finds first",
             "write the schema: schema." + quote_ident(table), location);
}

void check(RuleContext& ctx) {
  const PgQuery__RangeVar* rv = nullptr;
  switch (ctx.node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: rv = ctx.node->create_stmt->relation; break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      if (ctx.node->alter_table_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) rv = ctx.node->alter_table_stmt->relation;
      break;
    case PG_QUERY__NODE__NODE_DROP_STMT: {
      const PgQuery__DropStmt* d = ctx.node->drop_stmt;
      if (d->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
      for (size_t i = 0; i < d->n_objects; ++i) {
        if (d->objects[i]->node_case != PG_QUERY__NODE__NODE_LIST) continue;
        auto parts = string_list(d->objects[i]->list->items, d->objects[i]->list->n_items);
        if (parts.size() == 1) report_unqualified(ctx, parts[0], -1);
      }
      return;
    }
    default: return;
  }
  if (rv && (!rv->schemaname || !*rv->schemaname) && std::string_view(rv->relpersistence) != "t")
    report_unqualified(ctx, rv->relname, rv->location);
}

}  // namespace

Rule require_table_schema() {
  return {.id = "require-table-schema",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "CREATE, ALTER or DROP TABLE of an unqualified name",
          .check = check};
}

}  // namespace migc::rules
