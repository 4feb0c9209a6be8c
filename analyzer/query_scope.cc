#include "analyzer/query_scope.h"

#include <array>
#include <charconv>

namespace migc {

namespace {

using Match = ColumnLookup::Match;

std::string_view string_node(const PgQuery__Node* node) {
  return node->node_case == PG_QUERY__NODE__NODE_STRING ? std::string_view(node->string->sval) : std::string_view();
}

std::string_view last_string(PgQuery__Node* const* items, size_t n) {
  return n ? string_node(items[n - 1]) : std::string_view();
}

// A result column's name as FigureColnameInternal() picks it, with its strength: 2 for a name
// taken from the expression, 1 for a fallback ("case", a cast's type), 0 for none ("?column?").
// `unknown` is set for a `*`, whose columns cannot be named here.
struct FiguredName {
  std::string_view name;
  int strength = 0;
  bool unknown = false;
};

std::string_view sql_value_function_name(PgQuery__SQLValueFunctionOp op) {
  static constexpr std::array<std::string_view, 16> kNames{
      "",          "current_date", "current_time",   "current_time",    "current_timestamp", "current_timestamp",
      "localtime", "localtime",    "localtimestamp", "localtimestamp",  "current_role",      "current_user",
      "user",      "session_user", "current_catalog", "current_schema",
  };
  auto index = static_cast<size_t>(op);
  return index < kNames.size() ? kNames[index] : std::string_view();
}

std::string_view xml_expression_name(PgQuery__XmlExprOp op) {
  static constexpr std::array<std::string_view, 8> kNames{
      "", "xmlconcat", "xmlelement", "xmlforest", "xmlparse", "xmlpi", "xmlroot", "xmlserialize",
  };
  auto index = static_cast<size_t>(op);
  return index < kNames.size() ? kNames[index] : std::string_view();  // IS DOCUMENT: unnamed
}

constexpr FiguredName kUnnamed{"?column?", 0};

FiguredName figure_name(const PgQuery__Node* node);

FiguredName named(std::string_view name, int strength = 2) {
  if (name.empty()) return kUnnamed;
  return {name, strength};
}

// A select-list entry's name: AS name, else the figured one.
FiguredName result_name(const PgQuery__ResTarget* target) {
  if (target->name && *target->name) return named(target->name);
  return target->val ? figure_name(target->val) : kUnnamed;
}

// The first result column of a scalar sub-select.
FiguredName first_result_name(const PgQuery__Node* query) {
  if (query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) return kUnnamed;
  const PgQuery__SelectStmt* s = query->select_stmt;
  while (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE && s->larg) s = s->larg;
  if (s->n_target_list == 0 || s->target_list[0]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) return kUnnamed;
  return result_name(s->target_list[0]->res_target);
}

FiguredName figure_name(const PgQuery__Node* node) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_COLUMN_REF: {
      const PgQuery__ColumnRef* ref = node->column_ref;
      if (ref->n_fields && ref->fields[ref->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR)
        return {{}, 0, true};
      return named(last_string(ref->fields, ref->n_fields));
    }
    case PG_QUERY__NODE__NODE_A_INDIRECTION: {
      const PgQuery__AIndirection* ind = node->a_indirection;
      for (size_t i = ind->n_indirection; i-- > 0;) {
        if (ind->indirection[i]->node_case == PG_QUERY__NODE__NODE_A_STAR) return {{}, 0, true};
        if (auto name = string_node(ind->indirection[i]); !name.empty()) return named(name);
      }
      return ind->arg ? figure_name(ind->arg) : kUnnamed;
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL:
      return named(last_string(node->func_call->funcname, node->func_call->n_funcname));
    case PG_QUERY__NODE__NODE_A_EXPR:
      return node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF ? named("nullif") : kUnnamed;
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
      FiguredName inner = node->type_cast->arg ? figure_name(node->type_cast->arg) : kUnnamed;
      const PgQuery__TypeName* type = node->type_cast->type_name;
      if (inner.strength <= 1 && !inner.unknown && type) return named(last_string(type->names, type->n_names), 1);
      return inner;
    }
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
      return node->collate_clause->arg ? figure_name(node->collate_clause->arg) : kUnnamed;
    case PG_QUERY__NODE__NODE_GROUPING_FUNC: return named("grouping");
    case PG_QUERY__NODE__NODE_SUB_LINK:
      switch (node->sub_link->sub_link_type) {
        case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK: return named("exists");
        case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK: return named("array");
        case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK:
          return node->sub_link->subselect ? first_result_name(node->sub_link->subselect) : kUnnamed;
        default: return kUnnamed;
      }
    case PG_QUERY__NODE__NODE_CASE_EXPR: {
      FiguredName result = node->case_expr->defresult ? figure_name(node->case_expr->defresult) : kUnnamed;
      return result.strength <= 1 && !result.unknown ? named("case", 1) : result;
    }
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: return named("array");
    case PG_QUERY__NODE__NODE_ROW_EXPR: return named("row");
    case PG_QUERY__NODE__NODE_COALESCE_EXPR: return named("coalesce");
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
      return named(node->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "greatest" : "least");
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: return named(sql_value_function_name(node->sqlvalue_function->op));
    case PG_QUERY__NODE__NODE_XML_EXPR: return named(xml_expression_name(node->xml_expr->op));
    case PG_QUERY__NODE__NODE_XML_SERIALIZE: return named("xmlserialize");
    default: return kUnnamed;
  }
}

// The select (or DML with RETURNING) whose list names a query's result columns.
struct ResultList {
  PgQuery__Node* const* targets = nullptr;
  size_t n = 0;
  size_t values_width = 0;  // VALUES: its columns are column1, column2, …
  bool known = false;
};

ResultList result_list(const PgQuery__Node* query) {
  switch (query->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT: {
      const PgQuery__SelectStmt* s = query->select_stmt;
      while (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE && s->larg) s = s->larg;  // the first branch names them
      if (s->n_values_lists) {
        const PgQuery__Node* row = s->values_lists[0];
        size_t width = row->node_case == PG_QUERY__NODE__NODE_LIST ? row->list->n_items : 0;
        return {nullptr, 0, width, true};
      }
      return {s->target_list, s->n_target_list, 0, true};
    }
    case PG_QUERY__NODE__NODE_INSERT_STMT:
      return {query->insert_stmt->returning_list, query->insert_stmt->n_returning_list, 0, true};
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
      return {query->update_stmt->returning_list, query->update_stmt->n_returning_list, 0, true};
    case PG_QUERY__NODE__NODE_DELETE_STMT:
      return {query->delete_stmt->returning_list, query->delete_stmt->n_returning_list, 0, true};
    default: return {};
  }
}

// N of a VALUES column name "columnN", or 0.
size_t values_column_number(std::string_view name) {
  constexpr std::string_view prefix = "column";
  if (!name.starts_with(prefix) || name.size() == prefix.size() || name[prefix.size()] == '0') return 0;
  size_t number = 0;
  auto [end, error] = std::from_chars(name.data() + prefix.size(), name.data() + name.size(), number);
  return error == std::errc() && end == name.data() + name.size() ? number : 0;
}

bool alias_names(const PgQuery__Alias* alias, size_t position, std::string_view name) {
  return alias && position < alias->n_colnames && string_node(alias->colnames[position]) == name;
}

}  // namespace

Match query_has_column(const PgQuery__Node* query, PgQuery__Node* const* cte_colnames, size_t n_cte_colnames,
                       const PgQuery__Alias* alias, std::string_view name) {
  ResultList list = result_list(query);
  size_t renamed = std::max(alias ? alias->n_colnames : 0, n_cte_colnames);
  // A renamed position answers by its new name only.
  for (size_t i = 0; i < renamed; ++i) {
    bool by_alias = alias && i < alias->n_colnames;
    if (by_alias ? alias_names(alias, i, name) : string_node(cte_colnames[i]) == name) return Match::Derived;
  }
  if (!list.known) return Match::Maybe;
  if (list.values_width) {
    size_t number = values_column_number(name);
    return number > renamed && number <= list.values_width ? Match::Derived : Match::None;
  }
  for (size_t i = 0; i < list.n; ++i) {
    const PgQuery__Node* node = list.targets[i];
    if (node->node_case != PG_QUERY__NODE__NODE_RES_TARGET) continue;
    FiguredName figured = result_name(node->res_target);
    if (figured.unknown) return Match::Maybe;  // a * expands to columns not named here
    if (i >= renamed && figured.name == name) return Match::Derived;
  }
  return Match::None;
}

void QueryScopes::push_level(bool sees_enclosing_items) {
  Level level;
  level.begin = items_.size();
  level.enclosing_visible = sees_enclosing_items ? items_.size() : (levels_.empty() ? 0 : levels_.back().begin);
  levels_.push_back(level);
}

void QueryScopes::pop_level() {
  items_.resize(levels_.back().begin);
  levels_.pop_back();
}

void QueryScopes::set_with(const PgQuery__WithClause* with, size_t visible) {
  levels_.back().with = with;
  levels_.back().visible_ctes = visible;
}

void QueryScopes::set_visible_ctes(size_t visible) { levels_.back().visible_ctes = visible; }

const PgQuery__CommonTableExpr* QueryScopes::find_cte(std::string_view name) const {
  for (size_t l = levels_.size(); l-- > 0;) {
    const Level& level = levels_[l];
    for (size_t i = 0; level.with && i < level.visible_ctes; ++i) {
      const PgQuery__Node* cte = level.with->ctes[i];
      if (cte->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR && name == cte->common_table_expr->ctename)
        return cte->common_table_expr;
    }
  }
  return nullptr;
}

size_t QueryScopes::level_end(size_t index) const {
  return index + 1 < levels_.size() ? levels_[index + 1].enclosing_visible : items_.size();
}

ColumnLookup QueryScopes::lookup(const RangeItem& item, std::string_view name) const {
  switch (item.kind) {
    case RangeItem::Kind::Relation: {
      if (!item.relation) break;  // not modelled: like a function, only its aliases are known
      const auto& columns = item.relation->columns;
      bool views_unknown = columns.empty() && (item.relation->kind == RelKind::View ||
                                               item.relation->kind == RelKind::MaterializedView);
      size_t renamed = item.alias ? item.alias->n_colnames : 0;
      for (size_t i = 0; i < renamed; ++i)
        if (alias_names(item.alias, i, name))
          return i < columns.size() ? ColumnLookup{Match::Catalog, item.relation, columns[i].name}
                                    : ColumnLookup{Match::Derived};
      for (size_t i = renamed; i < columns.size(); ++i)
        if (columns[i].name == name) return {Match::Catalog, item.relation, columns[i].name};
      return {views_unknown ? Match::Maybe : Match::None};
    }
    case RangeItem::Kind::Query:
      return {query_has_column(item.query, item.query_colnames, item.n_query_colnames, item.alias, name)};
    case RangeItem::Kind::Join:
      if (item.alias && item.alias->n_colnames) return {Match::Maybe};
      return find_among(item.join_begin, item.join_end, name);
    case RangeItem::Kind::Opaque: break;
  }
  for (size_t i = 0; item.alias && i < item.alias->n_colnames; ++i)
    if (alias_names(item.alias, i, name)) return {Match::Derived};
  return {Match::Maybe};
}

ColumnLookup QueryScopes::find_among(size_t begin, size_t end, std::string_view name) const {
  // PostgreSQL reports a name two items have as ambiguous, so in valid SQL a catalog column
  // found at this level is the one, even when another item's columns are unknown.
  ColumnLookup best;
  for (size_t i = begin; i < end; ++i) {
    if (items_[i].kind == RangeItem::Kind::Join) continue;  // its members are items themselves
    ColumnLookup found = lookup(items_[i], name);
    if (found.match == Match::Catalog) return found;
    if (found.match > best.match) best = found;
  }
  return best;
}

ColumnLookup QueryScopes::unqualified(std::string_view name) const {
  for (size_t l = levels_.size(); l-- > 0;) {
    if (levels_[l].opaque) return {};
    ColumnLookup found = find_among(levels_[l].begin, level_end(l), name);
    if (found.match != Match::None) return found;
  }
  return {};
}

const RangeItem* QueryScopes::find_item(std::string_view refname, std::string_view schema) const {
  for (size_t l = levels_.size(); l-- > 0;) {
    if (levels_[l].opaque) return nullptr;
    for (size_t i = levels_[l].begin, end = level_end(l); i < end; ++i) {
      const RangeItem& item = items_[i];
      if (!item.qualifiable || item.refname != refname) continue;
      if (schema.empty()) return &item;
      // schema.table.column names a relation that has no alias
      if (item.kind == RangeItem::Kind::Relation && !item.alias && (item.schema.empty() || item.schema == schema))
        return &item;
    }
  }
  return nullptr;
}

ColumnLookup QueryScopes::resolve(const PgQuery__ColumnRef* ref) const {
  size_t n = ref->n_fields;
  if (n == 0 || ref->fields[n - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR) return {};  // * reads nothing more
  std::array<std::string_view, 4> f{};
  for (size_t i = 0; i < n && i < f.size(); ++i) f[i] = string_node(ref->fields[i]);
  auto in_item = [&](const RangeItem* item, std::string_view column) {
    return item ? lookup(*item, column) : ColumnLookup{};
  };
  // PostgreSQL's order: a.b is table.column, else column.field; a.b.c is schema.table.column,
  // else table.column.field; a.b.c.d is catalog.schema.table.column, else schema.table.column.field.
  switch (n) {
    case 1: return unqualified(f[0]);
    case 2:
      if (const RangeItem* item = find_item(f[0], {})) return in_item(item, f[1]);
      return unqualified(f[0]);
    case 3:
      if (const RangeItem* item = find_item(f[1], f[0])) return in_item(item, f[2]);
      if (const RangeItem* item = find_item(f[0], {})) return in_item(item, f[1]);
      return {};
    case 4:
      if (const RangeItem* item = find_item(f[2], f[1])) return in_item(item, f[3]);
      if (const RangeItem* item = find_item(f[1], f[0])) return in_item(item, f[2]);
      return {};
    default: return {};
  }
}

}  // namespace migc
