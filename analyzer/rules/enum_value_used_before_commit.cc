// enum-value-used-before-commit: a statement that uses an enum label which ALTER TYPE … ADD
// VALUE added earlier in the same transaction. PostgreSQL rejects it ("unsafe use of new value
// … New enum values must be committed before they can be used") unless the type itself was
// created in that transaction.
#include <algorithm>

#include <fmt/format.h>

#include "analyzer/node_text.h"
#include "analyzer/node_walk.h"
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

bool is_enum_type(const std::string& column_type, const QualifiedName& type) {
  std::string name = display_name(type);
  return column_type == name || column_type == name + "[]";
}

// The place of a constant 'label' in `node`'s subtree, or -1.
int32_t label_in(const PgQuery__Node* node, const std::string& label) {
  int32_t location = -1;
  if (!node) return location;
  walk_nodes(node, [&](const PgQuery__Node* n) {
    const char* text = string_constant(n);
    if (text && label == text) location = n->a_const->location;
    return location < 0;
  });
  return location;
}

std::string column_name(const PgQuery__Node* n) {
  if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || n->column_ref->n_fields == 0) return "";
  return std::string(string_node(n->column_ref->fields[n->column_ref->n_fields - 1]));
}

// Where the statement uses 'label' as a value of enum `type`: cast to it, assigned to, inserted
// into, compared with or made the default of a column of that type. -1 when it does not.
class LabelUse {
 public:
  LabelUse(const RuleContext& ctx, const QualifiedName& type, const std::string& label)
      : ctx_(ctx), type_(type), label_(label) {
    for (const Hazard& h : *ctx.hazards) {
      if (h.kind != HazardKind::Lock || !h.relation) continue;
      if (const Relation* r = ctx.model->catalog.relation(*h.relation))
        for (const Column& c : r->columns)
          if (is_enum_type(c.type, type)) columns_.push_back(c.name);
    }
  }

  int32_t find() {
    walk_nodes(ctx_.node, [&](const PgQuery__Node* n) {
      visit(n);
      return location_ < 0;
    });
    return location_;
  }

 private:
  bool enum_column(const std::string& name) const {
    return std::find(columns_.begin(), columns_.end(), name) != columns_.end();
  }
  bool enum_type(const PgQuery__TypeName* t) const {
    auto parts = t ? string_list(t->names, t->n_names) : std::vector<std::string>{};
    return !parts.empty() && ctx_.model->resolve_type(parts) == type_;
  }
  void check(const PgQuery__Node* value) {
    if (location_ < 0) location_ = label_in(value, label_);
  }

  void visit(const PgQuery__Node* n) {
    switch (n->node_case) {
      case PG_QUERY__NODE__NODE_TYPE_CAST:
        if (enum_type(n->type_cast->type_name)) check(n->type_cast->arg);
        break;
      case PG_QUERY__NODE__NODE_RES_TARGET:  // UPDATE … SET column = value
        if (n->res_target->val && enum_column(n->res_target->name)) check(n->res_target->val);
        break;
      case PG_QUERY__NODE__NODE_A_EXPR:  // column = 'label', column IN ('label', …)
        if (n->a_expr->lexpr && n->a_expr->rexpr) {
          if (enum_column(column_name(n->a_expr->lexpr))) check(n->a_expr->rexpr);
          if (enum_column(column_name(n->a_expr->rexpr))) check(n->a_expr->lexpr);
        }
        break;
      case PG_QUERY__NODE__NODE_INSERT_STMT: insert(n->insert_stmt); break;
      case PG_QUERY__NODE__NODE_ALTER_TABLE_CMD:
        if (n->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault &&
            enum_column(n->alter_table_cmd->name))
          check(n->alter_table_cmd->def);
        break;
      case PG_QUERY__NODE__NODE_COLUMN_DEF:
        if (enum_type(n->column_def->type_name))
          for (size_t i = 0; i < n->column_def->n_constraints; ++i) check(n->column_def->constraints[i]);
        break;
      default: break;
    }
  }

  // INSERT INTO t (columns) VALUES (…): the values in the positions of enum columns.
  void insert(const PgQuery__InsertStmt* stmt) {
    std::vector<std::string> names;
    for (size_t i = 0; i < stmt->n_cols; ++i)
      if (stmt->cols[i]->node_case == PG_QUERY__NODE__NODE_RES_TARGET) names.push_back(stmt->cols[i]->res_target->name);
    if (names.empty() && stmt->relation)
      if (const Relation* r = ctx_.model->catalog.relation(ctx_.model->resolve_relation(stmt->relation)))
        for (const Column& c : r->columns) names.push_back(c.name);
    if (!stmt->select_stmt || stmt->select_stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) return;
    const auto* select = stmt->select_stmt->select_stmt;
    for (size_t row = 0; row < select->n_values_lists; ++row) {
      const PgQuery__Node* list = select->values_lists[row];
      if (list->node_case != PG_QUERY__NODE__NODE_LIST) continue;
      for (size_t i = 0; i < list->list->n_items && i < names.size(); ++i)
        if (enum_column(names[i])) check(list->list->items[i]);
    }
  }

  const RuleContext& ctx_;
  const QualifiedName& type_;
  const std::string& label_;
  std::vector<std::string> columns_;
  int32_t location_ = -1;
};

void check(RuleContext& ctx) {
  if (ctx.tx->enum_values.empty() || ctx.pg_version_num < 120000) return;
  for (const AddedEnumValue& added : ctx.tx->enum_values) {
    const TypeDef* type = ctx.model->catalog.type(added.type);
    if (type && ctx.is_new(ctx.model->age_of(type->provenance))) continue;
    int32_t location = LabelUse(ctx, added.type, added.label).find();
    if (location < 0) continue;
    ctx.report(fmt::format("uses '{}', which ALTER TYPE {} ADD VALUE added at line {} in this same transaction: "
                           "PostgreSQL rejects a new enum value until the transaction that added it commits",
                           added.label, display_name(added.type), added.added_by.line),
               "commit the ADD VALUE first: put it in a migration (or transaction) of its own before the one that "
               "uses the value",
               location);
    return;
  }
}

}  // namespace

Rule enum_value_used_before_commit() {
  return {.id = "enum-value-used-before-commit",
          .severity = LintSeverity::Error,
          .summary = "an enum value used in the transaction that added it",
          .check = check};
}

}  // namespace migc::rules
