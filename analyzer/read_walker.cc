#include "analyzer/read_walker.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "analyzer/identifier_text.h"
#include "analyzer/node_text.h"
#include "analyzer/output_columns.h"
#include "analyzer/type_names.h"

namespace migc {

namespace {

template <class T>
const T* field_at(const ProtobufCMessage* message, unsigned offset) {
  return reinterpret_cast<const T*>(reinterpret_cast<const char*>(message) + offset);
}

// The message a Node wraps (every member of its oneof is a message).
const ProtobufCMessage* node_message(const PgQuery__Node* node) {
  if (node->node_case == PG_QUERY__NODE__NODE__NOT_SET) return nullptr;
  const ProtobufCFieldDescriptor* field =
      protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, node->node_case);
  return field ? *field_at<const ProtobufCMessage*>(&node->base, field->offset) : nullptr;
}

// A string argument, also when cast ('seq'::text): text converts to regclass when called.
const char* string_argument(const PgQuery__Node* node) {
  if (node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && node->type_cast->arg) node = node->type_cast->arg;
  return string_constant(node);
}

// Built-in functions whose first argument names a relation in a string.
bool takes_relation_text(std::string_view function) {
  static constexpr std::array<std::string_view, 5> kNames{"nextval", "currval", "setval", "to_regclass",
                                                          "pg_get_serial_sequence"};
  return std::find(kNames.begin(), kNames.end(), function) != kNames.end();
}

// A ColumnRef that is one plain name, or "".
std::string_view single_name(const PgQuery__Node* node) {
  if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || node->column_ref->n_fields != 1) return {};
  return string_node(node->column_ref->fields[0]);
}

// Whether the select list names a result column `name` with AS.
bool names_result_column(const PgQuery__SelectStmt* s, std::string_view name) {
  for (size_t i = 0; i < s->n_target_list; ++i) {
    const PgQuery__Node* t = s->target_list[i];
    if (t->node_case == PG_QUERY__NODE__NODE_RES_TARGET && has_text(t->res_target->name) && name == t->res_target->name)
      return true;
  }
  return false;
}

}  // namespace

void ReadWalker::walk(const PgQuery__Node* node) {
  if (!node) return;
  if (const ProtobufCMessage* message = node_message(node)) visit(message);
}

void ReadWalker::walk_all(PgQuery__Node* const* nodes, size_t n) {
  for (size_t i = 0; i < n; ++i) walk(nodes[i]);
}

void ReadWalker::walk_on_relation(const PgQuery__Node* expr, const QualifiedName& relation) {
  scopes_.push_level();
  RangeItem item;
  item.kind = RangeItem::Kind::Relation;
  item.refname = relation.name;
  item.schema = relation.schema;
  item.relation = ctx_.catalog.relation(relation);
  scopes_.add_item(std::move(item));
  walk(expr);
  scopes_.pop_level();
}

void ReadWalker::visit(const ProtobufCMessage* message) {
  const ProtobufCMessageDescriptor* d = message->descriptor;
  // Most frequent kinds first.
  if (d == &pg_query__node__descriptor) return walk(reinterpret_cast<const PgQuery__Node*>(message));
  if (d == &pg_query__column_ref__descriptor) return column(reinterpret_cast<const PgQuery__ColumnRef*>(message));
  if (d == &pg_query__a__const__descriptor || d == &pg_query__string__descriptor) return;
  if (d == &pg_query__func_call__descriptor) return function_call(reinterpret_cast<const PgQuery__FuncCall*>(message));
  if (d == &pg_query__type_cast__descriptor) return type_cast(reinterpret_cast<const PgQuery__TypeCast*>(message));
  if (d == &pg_query__type_name__descriptor) return type_name(reinterpret_cast<const PgQuery__TypeName*>(message));
  if (d == &pg_query__range_var__descriptor) return range_var(reinterpret_cast<const PgQuery__RangeVar*>(message));
  if (d == &pg_query__select_stmt__descriptor) return select(reinterpret_cast<const PgQuery__SelectStmt*>(message));
  if (d == &pg_query__insert_stmt__descriptor) return insert(reinterpret_cast<const PgQuery__InsertStmt*>(message));
  if (d == &pg_query__update_stmt__descriptor) return update(reinterpret_cast<const PgQuery__UpdateStmt*>(message));
  if (d == &pg_query__delete_stmt__descriptor) return remove(reinterpret_cast<const PgQuery__DeleteStmt*>(message));
  if (d == &pg_query__merge_stmt__descriptor) return merge(reinterpret_cast<const PgQuery__MergeStmt*>(message));
  // Names that read nothing: aliases, and the table SELECT … INTO creates.
  if (d == &pg_query__alias__descriptor || d == &pg_query__into_clause__descriptor) return;
  children(message);
}

void ReadWalker::children(const ProtobufCMessage* message, std::initializer_list<size_t> skip) {
  const ProtobufCMessageDescriptor* d = message->descriptor;
  for (unsigned i = 0; i < d->n_fields; ++i) {
    const ProtobufCFieldDescriptor& f = d->fields[i];
    if (f.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if (std::find(skip.begin(), skip.end(), f.offset) != skip.end()) continue;
    if ((f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) && *field_at<uint32_t>(message, f.quantifier_offset) != f.id) continue;
    if (f.label == PROTOBUF_C_LABEL_REPEATED) {
      size_t n = *field_at<size_t>(message, f.quantifier_offset);
      const ProtobufCMessage* const* items = *field_at<const ProtobufCMessage* const*>(message, f.offset);
      for (size_t j = 0; j < n; ++j)
        if (items[j]) visit(items[j]);
    } else if (const ProtobufCMessage* child = *field_at<const ProtobufCMessage*>(message, f.offset)) {
      visit(child);
    }
  }
}

void ReadWalker::column(const PgQuery__ColumnRef* ref) {
  ColumnLookup found = scopes_.resolve(ref);
  if (found.match == ColumnLookup::Match::Catalog)
    ctx_.reference(column_ref(found.relation->name, std::string(found.column)), Access::Read);
}

std::optional<QualifiedName> ReadWalker::relation_in_text(std::string_view text) {
  auto parts = split_identifiers(text, '.');
  if (!parts || parts->empty() || parts->size() > 3) return std::nullopt;
  QualifiedName q = ctx_.resolve_relation(*parts);
  ctx_.reference(relation_ref(q), Access::Read);
  return q;
}

void ReadWalker::function_call(const PgQuery__FuncCall* call) {
  size_t n = call->n_funcname;
  std::string_view name = n ? string_node(call->funcname[n - 1]) : std::string_view();
  std::string_view schema = n >= 2 ? string_node(call->funcname[n - 2]) : std::string_view();
  bool builtin = false;
  if (schema.empty()) {
    if (auto found = ctx_.catalog.find_function(name, ctx_.session.search_path))
      ctx_.reference(function_ref(std::move(*found)), Access::Read);
    else
      builtin = true;
  } else if (schema == "pg_catalog") {
    builtin = true;
  } else {
    ctx_.reference(function_ref({std::string(schema), std::string(name)}), Access::Read);
  }
  if (builtin && call->n_args && takes_relation_text(name)) {
    if (const char* text = string_argument(call->args[0])) {
      auto table = relation_in_text(text);
      // pg_get_serial_sequence('table', 'column'): the column name is taken literally
      const char* column = call->n_args > 1 ? string_argument(call->args[1]) : nullptr;
      if (table && name == "pg_get_serial_sequence" && has_text(column)) read_column(*table, column);
    }
  }
  children(&call->base, {offsetof(PgQuery__FuncCall, funcname)});
}

void ReadWalker::type_cast(const PgQuery__TypeCast* cast) {
  const PgQuery__TypeName* type = cast->type_name;
  if (type && cast->arg && type->n_names && string_node(type->names[type->n_names - 1]) == "regclass" &&
      (type->n_names == 1 || string_node(type->names[0]) == "pg_catalog")) {
    if (const char* text = string_constant(cast->arg)) relation_in_text(text);
  }
  walk(cast->arg);
  if (type) type_name(type);
}

void ReadWalker::type_name(const PgQuery__TypeName* type) {
  if (!type->pct_type) {
    // A built-in type reads nothing: skip formatting it (format_type_name makes the same test).
    std::string_view first = type->n_names ? string_node(type->names[0]) : std::string_view();
    bool builtin = (type->n_names == 2 && first == "pg_catalog") ||
                   (type->n_names == 1 && is_builtin_type(first) &&
                    !ctx_.catalog.find_type(first, ctx_.session.search_path));
    if (!builtin) ctx_.type_text(type);
    return;
  }
  // table.column%TYPE
  std::vector<std::string> parts = string_list(type->names, type->n_names);
  if (parts.size() < 2) return;
  std::string column = std::move(parts.back());
  parts.pop_back();
  QualifiedName table = ctx_.resolve_relation(parts);
  ctx_.reference(relation_ref(table), Access::Read);
  read_column(table, column);
}

void ReadWalker::range_var(const PgQuery__RangeVar* rv) {
  if (!has_text(rv->schemaname) && scopes_.find_cte(rv->relname)) return;
  ctx_.reference(relation_ref(ctx_.resolve_relation(rv)), Access::Read);
}

void ReadWalker::read_column(const QualifiedName& table, std::string_view column) {
  ctx_.reference(column_ref(table, std::string(column)), Access::Read);
}

// --- queries --------------------------------------------------------------------------------

// FOR UPDATE OF x names FROM items, not relations: the locking clause is left out below.
void ReadWalker::select(const PgQuery__SelectStmt* s, bool sees_enclosing_items) {
  scopes_.push_level(sees_enclosing_items);
  if (s->with_clause) with(s->with_clause);
  if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE) {
    if (s->larg) select(s->larg);
    if (s->rarg) select(s->rarg);
    // ORDER BY / LIMIT of a set operation see only its result columns
    scopes_.set_opaque();
    children(&s->base, {offsetof(PgQuery__SelectStmt, with_clause), offsetof(PgQuery__SelectStmt, larg),
                        offsetof(PgQuery__SelectStmt, rarg), offsetof(PgQuery__SelectStmt, into_clause),
                        offsetof(PgQuery__SelectStmt, locking_clause)});
  } else {
    for (size_t i = 0; i < s->n_from_clause; ++i) from_item(s->from_clause[i]);
    sort_clause(s);
    children(&s->base, {offsetof(PgQuery__SelectStmt, with_clause), offsetof(PgQuery__SelectStmt, from_clause),
                        offsetof(PgQuery__SelectStmt, sort_clause), offsetof(PgQuery__SelectStmt, into_clause),
                        offsetof(PgQuery__SelectStmt, locking_clause)});
  }
  scopes_.pop_level();
}

void ReadWalker::with(const PgQuery__WithClause* w) {
  // A recursive WITH sees all its CTEs everywhere; otherwise each CTE sees those before it.
  scopes_.set_with(w, w->recursive ? w->n_ctes : 0);
  for (size_t i = 0; i < w->n_ctes; ++i) {
    if (!w->recursive) scopes_.set_visible_ctes(i);
    if (w->ctes[i]->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR) walk(w->ctes[i]->common_table_expr->ctequery);
  }
  scopes_.set_visible_ctes(w->n_ctes);
}

// ORDER BY name prefers a result column named by AS over an input column of the same name.
void ReadWalker::sort_clause(const PgQuery__SelectStmt* s) {
  for (size_t i = 0; i < s->n_sort_clause; ++i) {
    const PgQuery__Node* item = s->sort_clause[i];
    if (item->node_case == PG_QUERY__NODE__NODE_SORT_BY && item->sort_by->node) {
      std::string_view name = single_name(item->sort_by->node);
      if (!name.empty() && names_result_column(s, name)) continue;
    }
    walk(item);
  }
}

void ReadWalker::from_item(const PgQuery__Node* node) {
  RangeItem item;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_RANGE_VAR: return from_relation(node->range_var);
    case PG_QUERY__NODE__NODE_JOIN_EXPR: return join(node->join_expr);
    case PG_QUERY__NODE__NODE_RANGE_SUBSELECT: {
      const PgQuery__RangeSubselect* sub = node->range_subselect;
      if (!sub->subquery) return;
      if (sub->subquery->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) select(sub->subquery->select_stmt, sub->lateral);
      else walk(sub->subquery);
      item.kind = RangeItem::Kind::Query;
      item.alias = sub->alias;
      item.columns = query_columns(sub->subquery, nullptr, sub->alias);
      break;
    }
    case PG_QUERY__NODE__NODE_RANGE_FUNCTION: {
      // Functions in FROM may refer to the items before them (they are implicitly LATERAL).
      const PgQuery__RangeFunction* fn = node->range_function;
      children(&fn->base);
      item.alias = fn->alias;
      // Without an alias the item is named after its (first) function.
      if (!fn->alias && fn->n_functions && fn->functions[0]->node_case == PG_QUERY__NODE__NODE_LIST &&
          fn->functions[0]->list->n_items &&
          fn->functions[0]->list->items[0]->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
        const PgQuery__FuncCall* call = fn->functions[0]->list->items[0]->func_call;
        if (call->n_funcname) item.refname = string_node(call->funcname[call->n_funcname - 1]);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_RANGE_TABLE_FUNC:
      children(&node->range_table_func->base);
      item.alias = node->range_table_func->alias;
      break;
    case PG_QUERY__NODE__NODE_RANGE_TABLE_SAMPLE:
      if (node->range_table_sample->relation) from_item(node->range_table_sample->relation);
      children(&node->range_table_sample->base, {offsetof(PgQuery__RangeTableSample, relation),
                                                 offsetof(PgQuery__RangeTableSample, method)});
      return;
    default: return walk(node);
  }
  if (item.alias) item.refname = item.alias->aliasname;
  scopes_.add_item(std::move(item));
}

void ReadWalker::from_relation(const PgQuery__RangeVar* rv) {
  const PgQuery__CommonTableExpr* cte = has_text(rv->schemaname) ? nullptr : scopes_.find_cte(rv->relname);
  if (!cte) {
    add_relation(rv, Access::Read);
    return;
  }
  RangeItem item;
  item.kind = RangeItem::Kind::Query;
  item.alias = rv->alias;
  item.refname = rv->alias ? rv->alias->aliasname : rv->relname;
  item.columns = query_columns(cte->ctequery, cte, rv->alias);
  scopes_.add_item(std::move(item));
}

QualifiedName ReadWalker::add_relation(const PgQuery__RangeVar* rv, Access access) {
  QualifiedName q = ctx_.resolve_relation(rv);
  ctx_.reference(relation_ref(q), access);
  RangeItem item;
  item.kind = RangeItem::Kind::Relation;
  item.alias = rv->alias;
  item.refname = rv->alias ? rv->alias->aliasname : rv->relname;
  item.relation = ctx_.catalog.relation(q);
  item.schema = has_text(rv->schemaname) ? std::string_view(rv->schemaname)
                : item.relation         ? std::string_view(item.relation->name.schema)
                                        : std::string_view();
  scopes_.add_item(std::move(item));
  return q;
}

std::optional<std::vector<std::string>> ReadWalker::query_columns(const PgQuery__Node* query,
                                                                  const PgQuery__CommonTableExpr* cte,
                                                                  const PgQuery__Alias* alias) const {
  auto names = output_column_names(query, ctx_);
  if (!names) return std::nullopt;
  if (cte) names = with_aliases(names, string_list(cte->aliascolnames, cte->n_aliascolnames));
  if (alias) names = with_aliases(names, string_list(alias->colnames, alias->n_colnames));
  return names;
}

void ReadWalker::join(const PgQuery__JoinExpr* j) {
  size_t begin = scopes_.item_count();
  if (j->larg) from_item(j->larg);
  size_t middle = scopes_.item_count();
  if (j->rarg) from_item(j->rarg);
  size_t end = scopes_.item_count();
  // USING (c) reads c on both sides.
  for (size_t i = 0; i < j->n_using_clause; ++i) {
    std::string_view name = string_node(j->using_clause[i]);
    for (auto [from, to] : {std::pair{begin, middle}, std::pair{middle, end}}) {
      ColumnLookup found = scopes_.find_among(from, to, name);
      if (found.match == ColumnLookup::Match::Catalog) read_column(found.relation->name, found.column);
    }
  }
  walk(j->quals);
  // An alias names the join's columns and hides the names of the items inside it; the alias of
  // JOIN … USING (…) AS j names only the merged columns and hides nothing.
  if (const PgQuery__Alias* alias = j->alias ? j->alias : j->join_using_alias) {
    if (j->alias)
      for (size_t i = begin; i < end; ++i) scopes_.item(i).qualifiable = false;
    RangeItem item;
    item.kind = RangeItem::Kind::Join;
    item.refname = alias->aliasname;
    item.alias = alias;
    item.join_begin = begin;
    item.join_end = end;
    scopes_.add_item(std::move(item));
  }
}

// --- data-modifying statements ----------------------------------------------------------------

void ReadWalker::assignments(PgQuery__Node* const* targets, size_t n, const QualifiedName& table) {
  for (size_t i = 0; i < n; ++i) {
    if (targets[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) {
      walk(targets[i]);
      continue;
    }
    const PgQuery__ResTarget* t = targets[i]->res_target;
    if (has_text(t->name)) read_column(table, t->name);
    walk_all(t->indirection, t->n_indirection);
    walk(t->val);
  }
}

void ReadWalker::insert(const PgQuery__InsertStmt* s) {
  scopes_.push_level();
  if (s->with_clause) with(s->with_clause);
  // The source rows cannot see the target; ON CONFLICT and RETURNING can.
  walk(s->select_stmt);
  QualifiedName table = add_relation(s->relation, target_access_);
  assignments(s->cols, s->n_cols, table);
  walk_all(s->returning_list, s->n_returning_list);
  if (s->on_conflict_clause) on_conflict(s->on_conflict_clause, table);
  scopes_.pop_level();
}

void ReadWalker::on_conflict(const PgQuery__OnConflictClause* clause, const QualifiedName& table) {
  if (const PgQuery__InferClause* infer = clause->infer) {
    for (size_t i = 0; i < infer->n_index_elems; ++i) {
      const PgQuery__Node* elem = infer->index_elems[i];
      if (elem->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM && has_text(elem->index_elem->name))
        read_column(table, elem->index_elem->name);
      else
        walk(elem);
    }
    walk(infer->where_clause);
    if (has_text(infer->conname)) ctx_.reference(constraint_ref(table, infer->conname), Access::Read);
  }
  // DO UPDATE sees the proposed row as `excluded`.
  RangeItem excluded;
  excluded.kind = RangeItem::Kind::Relation;
  excluded.refname = "excluded";
  excluded.relation = ctx_.catalog.relation(table);
  scopes_.add_item(std::move(excluded));
  assignments(clause->target_list, clause->n_target_list, table);
  walk(clause->where_clause);
}

void ReadWalker::update(const PgQuery__UpdateStmt* s) {
  scopes_.push_level();
  if (s->with_clause) with(s->with_clause);
  QualifiedName table = add_relation(s->relation, target_access_);
  for (size_t i = 0; i < s->n_from_clause; ++i) from_item(s->from_clause[i]);
  assignments(s->target_list, s->n_target_list, table);
  walk(s->where_clause);
  walk_all(s->returning_list, s->n_returning_list);
  scopes_.pop_level();
}

void ReadWalker::remove(const PgQuery__DeleteStmt* s) {
  scopes_.push_level();
  if (s->with_clause) with(s->with_clause);
  add_relation(s->relation, target_access_);
  for (size_t i = 0; i < s->n_using_clause; ++i) from_item(s->using_clause[i]);
  walk(s->where_clause);
  walk_all(s->returning_list, s->n_returning_list);
  scopes_.pop_level();
}

void ReadWalker::merge(const PgQuery__MergeStmt* s) {
  scopes_.push_level();
  if (s->with_clause) with(s->with_clause);
  QualifiedName table = add_relation(s->relation, target_access_);
  if (s->source_relation) from_item(s->source_relation);
  walk(s->join_condition);
  for (size_t i = 0; i < s->n_merge_when_clauses; ++i) {
    const PgQuery__Node* node = s->merge_when_clauses[i];
    if (node->node_case != PG_QUERY__NODE__NODE_MERGE_WHEN_CLAUSE) continue;
    const PgQuery__MergeWhenClause* when = node->merge_when_clause;
    walk(when->condition);
    assignments(when->target_list, when->n_target_list, table);
    walk_all(when->values, when->n_values);
  }
  scopes_.pop_level();
}

}  // namespace migc
