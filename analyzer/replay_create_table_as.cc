// CREATE TABLE … AS and SELECT … INTO: a table whose columns are the query's result columns,
// named as PostgreSQL names them; a column's type is known when it is a column of a table in
// the model, an explicit cast, a literal or one of a few common functions (count, now).
#include "analyzer/index_names.h"
#include "analyzer/relation_edits.h"
#include "analyzer/replay_relations.h"

namespace migc {

namespace {

// A FROM item whose columns a target can name: its alias (or table name) and its columns.
struct Source {
  std::string alias;
  const Relation* relation = nullptr;
};

void collect_sources(const PgQuery__Node* item, ReplayContext& ctx, std::vector<Source>& out) {
  if (item->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
    const PgQuery__RangeVar* rv = item->range_var;
    std::string alias = rv->alias && *rv->alias->aliasname ? rv->alias->aliasname : rv->relname;
    out.push_back({alias, ctx.catalog.relation(ctx.resolve_relation(rv))});
  } else if (item->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
    collect_sources(item->join_expr->larg, ctx, out);
    collect_sources(item->join_expr->rarg, ctx, out);
  } else {
    out.push_back({"", nullptr});  // a sub-select or function: columns unknown
  }
}

std::string constant_type(const PgQuery__AConst* c) {
  if (c->isnull) return "text";
  switch (c->val_case) {
    case PG_QUERY__A__CONST__VAL_IVAL: return "integer";
    case PG_QUERY__A__CONST__VAL_FVAL: return "numeric";
    case PG_QUERY__A__CONST__VAL_BOOLVAL: return "boolean";
    case PG_QUERY__A__CONST__VAL_SVAL: return "text";  // an unknown-type literal becomes text
    default: return "";
  }
}

// The result types of a few functions common in CREATE TABLE AS.
std::string function_type(const PgQuery__Node* val) {
  if (val->node_case == PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION) {
    switch (val->sqlvalue_function->op) {
      case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE: return "date";
      case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP: return "timestamp with time zone";
      default: return "";
    }
  }
  if (val->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return "";
  auto name = string_list(val->func_call->funcname, val->func_call->n_funcname);
  if (name.empty()) return "";
  if (name.back() == "count") return "bigint";
  if (name.back() == "now") return "timestamp with time zone";
  return "";
}

// The column a column reference names among the FROM items, or null.
const Column* find_column(const std::vector<Source>& sources, const PgQuery__ColumnRef* ref) {
  auto names = string_list(ref->fields, ref->n_fields);
  if (names.empty()) return nullptr;
  const std::string& column = names.back();
  for (const Source& s : sources) {
    if (!s.relation || (names.size() >= 2 && names[names.size() - 2] != s.alias)) continue;
    if (const Column* c = s.relation->column(column)) return c;
  }
  return nullptr;
}

bool is_star(const PgQuery__Node* val) {
  if (val->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return false;
  const PgQuery__ColumnRef* ref = val->column_ref;
  return ref->n_fields && ref->fields[ref->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR;
}

// The result columns of a SELECT: names and, where known, types.
std::vector<Column> result_columns(const PgQuery__SelectStmt* select, ReplayContext& ctx) {
  while (select->op != PG_QUERY__SET_OPERATION__SETOP_NONE && select->larg) select = select->larg;
  std::vector<Column> out;
  if (select->n_values_lists) {
    const PgQuery__Node* first = select->values_lists[0];
    size_t n = first->node_case == PG_QUERY__NODE__NODE_LIST ? first->list->n_items : 0;
    for (size_t i = 0; i < n; ++i) out.push_back(Column{.name = "column" + std::to_string(i + 1)});
    return out;
  }
  std::vector<Source> sources;
  for (size_t i = 0; i < select->n_from_clause; ++i) collect_sources(select->from_clause[i], ctx, sources);
  for (size_t i = 0; i < select->n_target_list; ++i) {
    if (select->target_list[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) continue;
    const PgQuery__ResTarget* target = select->target_list[i]->res_target;
    const PgQuery__Node* val = target->val;
    if (is_star(val)) {
      auto names = string_list(val->column_ref->fields, val->column_ref->n_fields);
      for (const Source& s : sources) {
        if (!names.empty() && names.back() != s.alias) continue;
        if (!s.relation) ctx.note("columns behind * are not all known");
        else
          for (const Column& c : s.relation->columns) out.push_back(Column{.name = c.name, .type = c.type});
      }
      continue;
    }
    Column c;
    c.name = *target->name ? std::string(target->name) : figure_column_name(val).value_or("?column?");
    if (val->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
      if (const Column* found = find_column(sources, val->column_ref)) c.type = found->type;
    } else if (val->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && val->type_cast->type_name) {
      c.type = ctx.type_text(val->type_cast->type_name);
    } else if (val->node_case == PG_QUERY__NODE__NODE_A_CONST) {
      c.type = constant_type(val->a_const);
    } else {
      c.type = function_type(val);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

void replay_create_table_as(const PgQuery__Node* query, const PgQuery__IntoClause* into, bool if_not_exists,
                            ReplayContext& ctx) {
  const PgQuery__RangeVar* rv = into->rel;
  collect_reads(query, ctx);
  QualifiedName name = created_relation_name(ctx, rv);
  if (already_exists(ctx, name, if_not_exists)) return;
  std::vector<Column> columns;
  if (query->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) columns = result_columns(query->select_stmt, ctx);
  else ctx.note("the columns of " + display_name(name) + " are not known");
  auto names = string_list(into->col_names, into->n_col_names);
  Relation& table = create_relation(ctx, name, RelKind::Table);
  table.unlogged = std::string_view(rv->relpersistence) == "u";
  set_options(table.options, into->options, into->n_options);
  for (size_t i = 0; i < columns.size(); ++i) {
    Column& c = table.columns.emplace_back(std::move(columns[i]));
    if (i < names.size()) c.name = names[i];
    c.provenance.created_by = ctx.migration;
    if (c.type.empty()) ctx.note("the type of " + display_name(name) + "." + c.name + " is not known");
    ctx.reference(column_ref(name, c.name), Access::Create);
  }
}

}  // namespace migc
