#include "analyzer/rules/altered_table.h"

#include "analyzer/rules/statement_locks.h"

namespace migc {

std::vector<const PgQuery__AlterTableCmd*> AlteredTable::commands(PgQuery__AlterTableType subtype) const {
  std::vector<const PgQuery__AlterTableCmd*> out;
  for (size_t i = 0; i < stmt->n_cmds; ++i)
    if (stmt->cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD && stmt->cmds[i]->alter_table_cmd->subtype == subtype)
      out.push_back(stmt->cmds[i]->alter_table_cmd);
  return out;
}

std::vector<const PgQuery__ColumnDef*> AlteredTable::added_columns() const {
  std::vector<const PgQuery__ColumnDef*> out;
  for (const PgQuery__AlterTableCmd* cmd : commands(PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn)) {
    if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
    const PgQuery__ColumnDef* def = cmd->def->column_def;
    if (cmd->missing_ok && rel && rel->column(def->colname)) continue;
    out.push_back(def);
  }
  return out;
}

std::vector<const PgQuery__Constraint*> AlteredTable::added_constraints(PgQuery__ConstrType type) const {
  std::vector<const PgQuery__Constraint*> out;
  for (const PgQuery__AlterTableCmd* cmd : commands(PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint))
    if (const PgQuery__Constraint* c = constraint_node(cmd->def); c && c->contype == type) out.push_back(c);
  return out;
}

std::vector<const PgQuery__Constraint*> AlteredTable::constraints_with_columns(PgQuery__ConstrType type) const {
  std::vector<const PgQuery__Constraint*> out = added_constraints(type);
  for (const PgQuery__ColumnDef* def : added_columns())
    for (size_t i = 0; i < def->n_constraints; ++i)
      if (const PgQuery__Constraint* c = constraint_node(def->constraints[i]); c && c->contype == type) out.push_back(c);
  return out;
}

std::optional<AlteredTable> altered_table(const RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) return std::nullopt;
  const PgQuery__AlterTableStmt* stmt = ctx.node->alter_table_stmt;
  if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE || !stmt->relation) return std::nullopt;
  AlteredTable t;
  t.name = ctx.model->resolve_relation(stmt->relation);
  t.rel = ctx.model->catalog.relation(t.name);
  t.stmt = stmt;
  if (stmt->missing_ok && !t.rel) return std::nullopt;  // IF EXISTS of a relation the history never made
  return t;
}

const PgQuery__Constraint* constraint_node(const PgQuery__Node* n) {
  return n && n->node_case == PG_QUERY__NODE__NODE_CONSTRAINT ? n->constraint : nullptr;
}

const PgQuery__Constraint* column_constraint(const PgQuery__ColumnDef& def, PgQuery__ConstrType type) {
  for (size_t i = 0; i < def.n_constraints; ++i)
    if (const PgQuery__Constraint* c = constraint_node(def.constraints[i]); c && c->contype == type) return c;
  return nullptr;
}

TypeNameInfo type_of(const RuleContext& ctx, const PgQuery__TypeName* type) {
  const ReplayContext& model = *ctx.model;
  auto lookup = [&](const std::string& name) -> std::optional<std::string> {
    if (auto found = model.catalog.find_type(name, model.session.search_path)) return found->schema;
    return std::nullopt;
  };
  return format_type_name(type, lookup, model.default_schema());
}

const TypeDef* domain_named(const RuleContext& ctx, std::string_view type_text) {
  for (const auto& [name, type] : ctx.model->catalog.types)
    if (type.kind == TypeKind::Domain && display_name(name) == type_text) return &type;
  return nullptr;
}

void report_column_rewrites(RuleContext& ctx, const std::function<std::string(const PgQuery__ColumnDef&)>& cause,
                            std::string_view consequence, std::string_view help) {
  auto t = altered_table(ctx);
  if (!t || ctx.is_new(t->name)) return;
  for (const PgQuery__ColumnDef* def : t->added_columns()) {
    std::string why = cause(*def);
    if (why.empty()) continue;
    ctx.report("ADD COLUMN " + quote_ident(def->colname) + " " + why + " " + takes_lock(ctx, t->name) +
                   " and rewrites the table and its indexes" + std::string(consequence),
               std::string(help), def->location);
  }
}

bool column_is_new(const RuleContext& ctx, const Relation* table, std::string_view column) {
  const Column* c = table ? table->column(column) : nullptr;
  return c && ctx.is_new(ctx.model->age_of(c->provenance));
}

}  // namespace migc
