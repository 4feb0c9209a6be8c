#include "analyzer/rules/column_types.h"

#include <algorithm>


namespace migc {

std::vector<TypedColumn> typed_columns(const PgQuery__Node* stmt) {
  std::vector<TypedColumn> out;
  auto add = [&](const PgQuery__RangeVar* table, const PgQuery__ColumnDef* def, const char* name) {
    if (def && def->type_name) out.push_back({table ? table->relname : "", name ? name : def->colname, def->type_name});
  };
  if (stmt->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
    const PgQuery__CreateStmt* create = stmt->create_stmt;
    for (size_t i = 0; i < create->n_table_elts; ++i)
      if (create->table_elts[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
        add(create->relation, create->table_elts[i]->column_def, nullptr);
  } else if (stmt->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
    const PgQuery__AlterTableStmt* alter = stmt->alter_table_stmt;
    for (size_t i = 0; i < alter->n_cmds; ++i) {
      if (alter->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
      const PgQuery__AlterTableCmd* cmd = alter->cmds[i]->alter_table_cmd;
      if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
      if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn) add(alter->relation, cmd->def->column_def, nullptr);
      if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)
        add(alter->relation, cmd->def->column_def, cmd->name);
    }
  }
  return out;
}

namespace {

// The built-in type a TypeName names: written bare or in pg_catalog; nullopt for another schema.
std::optional<std::string> builtin_type_name(const PgQuery__TypeName* type) {
  std::vector<std::string> names = string_list(type->names, type->n_names);
  if (names.empty() || names.size() > 2 || (names.size() == 2 && names[0] != "pg_catalog")) return std::nullopt;
  return names.back();
}

}  // namespace

void report_column_types(RuleContext& ctx, const std::vector<FlaggedTypes>& flagged, std::string_view help) {
  for (const TypedColumn& c : typed_columns(ctx.node)) {
    auto name = builtin_type_name(c.type);
    if (!name) continue;
    for (const FlaggedTypes& f : flagged) {
      if (std::find(f.names.begin(), f.names.end(), *name) == f.names.end() || (f.with_length && c.type->n_typmods == 0))
        continue;
      ctx.report("column " + (c.table.empty() ? "" : quote_ident(c.table) + ".") + quote_ident(c.column) + " is " +
                     std::string(f.reason),
                 std::string(help), c.type->location);
      break;
    }
  }
}

}  // namespace migc
