#include "analyzer/stored_expressions.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "analyzer/deparse.h"
#include "analyzer/identifier_text.h"
#include "analyzer/node_walk.h"

namespace migc {

namespace {

// The String node naming the column in a ColumnRef (its last name; "*" has none).
PgQuery__String* column_name_node(const PgQuery__ColumnRef* ref) {
  for (size_t i = ref->n_fields; i-- > 0;)
    if (ref->fields[i]->node_case == PG_QUERY__NODE__NODE_STRING) return ref->fields[i]->string;
  return nullptr;
}

// Calls `use` with each column reference's name node below `root`, sub-selects (which have
// their own scope) left out.
void for_each_column_name(const PgQuery__Node* root, const std::function<void(PgQuery__String*)>& use) {
  walk_nodes(root, [&](const PgQuery__Node* node) {
    if (node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) return false;
    if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return true;
    if (PgQuery__String* name = column_name_node(node->column_ref)) use(name);
    return false;
  });
}

// Calls `use` with the string literal of each nextval('…') or nextval('…'::regclass) below `root`.
void for_each_nextval_argument(const PgQuery__Node* root, const std::function<void(char*&)>& use) {
  walk_nodes(root, [&](const PgQuery__Node* node) {
    if (node->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return true;
    const PgQuery__FuncCall* call = node->func_call;
    auto name = string_list(call->funcname, call->n_funcname);
    if (name.empty() || name.back() != "nextval" || call->n_args != 1) return true;
    PgQuery__Node* arg = call->args[0];
    if (arg->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) arg = arg->type_cast->arg;
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_A_CONST && arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
      use(arg->a_const->sval->sval);
    return true;
  });
}

// Trees parsed from stored text are owned by the caller, so editing them in place is safe; the
// new string is allocated as the tree's own strings are, for the tree to free.
void replace_string(char*& field, std::string_view value) {
  std::free(field);
  field = static_cast<char*>(std::malloc(value.size() + 1));
  std::memcpy(field, value.data(), value.size());
  field[value.size()] = '\0';
}

// Renames the column references to `from` below `root`; returns whether any changed.
bool rename_in_tree(const PgQuery__Node* root, std::string_view from, std::string_view to) {
  bool changed = false;
  for_each_column_name(root, [&](PgQuery__String* name) {
    if (name->sval != from) return;
    replace_string(name->sval, to);
    changed = true;
  });
  return changed;
}

void add_unique(std::vector<std::string>& out, const std::string& name) {
  if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
}

std::string qualified_text(PgQuery__Node* const* names, size_t n) {
  std::string out;
  for (const auto& part : string_list(names, n)) out += (out.empty() ? "" : ".") + quote_ident(part);
  return out;
}

// pg_get_indexdef prints these expressions bare, as they already look like function calls.
bool looks_like_function(const PgQuery__Node* expr) {
  switch (expr->node_case) {
    case PG_QUERY__NODE__NODE_FUNC_CALL:
    case PG_QUERY__NODE__NODE_COALESCE_EXPR:
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
    case PG_QUERY__NODE__NODE_XML_EXPR: return true;
    default: return false;
  }
}

}  // namespace

std::vector<std::string> referenced_columns(const PgQuery__Node* expr) {
  std::vector<std::string> out;
  for_each_column_name(expr, [&](PgQuery__String* name) { add_unique(out, name->sval); });
  return out;
}

std::string expression_text(const PgQuery__Node* expr) {
  std::string text = deparse_expression(expr);
  switch (expr->node_case) {
    case PG_QUERY__NODE__NODE_A_EXPR:
    case PG_QUERY__NODE__NODE_BOOL_EXPR:
    case PG_QUERY__NODE__NODE_NULL_TEST:
    case PG_QUERY__NODE__NODE_BOOLEAN_TEST: return "(" + text + ")";
    default: return text;
  }
}

std::string index_key_text(const PgQuery__IndexElem* elem) {
  std::string out;
  if (elem->name && *elem->name) out = quote_ident(elem->name);
  else if (elem->expr && looks_like_function(elem->expr)) out = deparse_expression(elem->expr);
  else if (elem->expr) out = "(" + deparse_expression(elem->expr) + ")";
  if (elem->n_collation) out += " COLLATE " + qualified_text(elem->collation, elem->n_collation);
  if (elem->n_opclass) out += " " + qualified_text(elem->opclass, elem->n_opclass);
  bool desc = elem->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
  bool nulls_first = elem->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST ||
                     (desc && elem->nulls_ordering != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST);
  if (desc) out += nulls_first ? " DESC" : " DESC NULLS LAST";
  else if (nulls_first) out += " NULLS FIRST";
  return out;
}

std::vector<std::string> expression_columns(std::string_view text) {
  SqlExpression parsed{std::string(text)};
  return parsed.expr() ? referenced_columns(parsed.expr()) : std::vector<std::string>{};
}

std::vector<QualifiedName> query_relations(std::string_view sql) {
  // Every DROP asks this of every view: parse each query text once.
  thread_local std::unordered_map<std::string, std::vector<QualifiedName>> parsed;
  auto [cached, fresh] = parsed.try_emplace(std::string(sql));
  if (!fresh) return cached->second;
  std::vector<QualifiedName>& out = cached->second;
  SqlTree tree{std::string(sql)};
  for (size_t i = 0; i < tree.size(); ++i)
    walk_nodes(tree.statement(i), [&](const PgQuery__Node* node) {
      if (node->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) return true;
      QualifiedName q = range_var_name(node->range_var, "");
      if (std::find(out.begin(), out.end(), q) == out.end()) out.push_back(q);
      return false;
    });
  return out;
}

std::optional<QualifiedName> regclass_name(std::string_view literal) {
  auto parts = split_identifiers(literal, '.');
  if (!parts || parts->empty() || parts->size() > 3) return std::nullopt;
  return list_name(*parts, "");
}

std::vector<std::string> nextval_arguments(std::string_view text) {
  std::vector<std::string> out;
  SqlExpression parsed{std::string(text)};
  for_each_nextval_argument(parsed.expr(), [&](char*& argument) { out.emplace_back(argument); });
  return out;
}

std::string rewrite_nextval_arguments(std::string_view text, const std::function<std::string(const std::string&)>& rename) {
  SqlExpression parsed{std::string(text)};
  if (!parsed.expr()) return std::string(text);
  bool changed = false;
  for_each_nextval_argument(parsed.expr(), [&](char*& argument) {
    std::string renamed = rename(argument);
    if (renamed == argument) return;
    replace_string(argument, renamed);
    changed = true;
  });
  return changed ? expression_text(parsed.expr()) : std::string(text);
}

std::string rename_expression_column(std::string_view text, std::string_view from, std::string_view to) {
  SqlExpression parsed{std::string(text)};
  if (!parsed.expr() || !rename_in_tree(parsed.expr(), from, to)) return std::string(text);
  return expression_text(parsed.expr());
}

ParsedIndexKeys::ParsedIndexKeys(const std::vector<std::string>& keys) : tree_([&] {
    std::string sql = "CREATE INDEX ON x (";
    for (size_t i = 0; i < keys.size(); ++i) sql += (i ? ", " : "") + keys[i];
    return sql + ")";
  }()) {
  if (tree_.size() != 1 || tree_.statement(0)->node_case != PG_QUERY__NODE__NODE_INDEX_STMT) return;
  const PgQuery__IndexStmt* index = tree_.statement(0)->index_stmt;
  for (size_t i = 0; i < index->n_index_params; ++i) elems_.push_back(index->index_params[i]->index_elem);
}

std::vector<std::string> index_key_columns(const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  ParsedIndexKeys parsed(keys);
  for (const PgQuery__IndexElem* elem : parsed.elems()) {
    if (elem->name && *elem->name) add_unique(out, elem->name);
    else if (elem->expr)
      for (const auto& c : referenced_columns(elem->expr)) add_unique(out, c);
  }
  return out;
}

std::vector<std::string> rename_index_key_column(const std::vector<std::string>& keys, std::string_view from,
                                                 std::string_view to) {
  ParsedIndexKeys parsed(keys);
  if (parsed.elems().empty()) return keys;
  bool one_per_key = parsed.elems().size() == keys.size();
  std::vector<std::string> out;
  for (size_t i = 0; i < parsed.elems().size(); ++i) {
    PgQuery__IndexElem* elem = parsed.elems()[i];
    bool changed = false;
    if (elem->name && elem->name == from) {
      replace_string(elem->name, to);
      changed = true;
    } else if (elem->expr) {
      changed = rename_in_tree(elem->expr, from, to);
    }
    out.push_back(changed || !one_per_key ? index_key_text(elem) : keys[i]);
  }
  return out;
}

}  // namespace migc
