#include "analyzer/output_columns.h"

#include <algorithm>

#include "analyzer/node_text.h"

namespace migc {

namespace {

using Names = std::optional<std::vector<std::string>>;

std::string last_string(PgQuery__Node* const* items, size_t n) {
  std::vector<std::string> names = string_list(items, n);
  return names.empty() ? "" : names.back();
}

// PostgreSQL's FigureColnameInternal: the name an expression suggests and how strongly
// (0 none, 1 a fallback such as a cast's type name, 2 a real name).
int figure_name(const PgQuery__Node* node, std::string& name) {
  if (!node) return 0;
  auto named = [&](std::string_view text, int strength) {
    name = text;
    return strength;
  };
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_COLUMN_REF: {
      const auto* c = node->column_ref;
      if (c->n_fields == 0 || c->fields[c->n_fields - 1]->node_case != PG_QUERY__NODE__NODE_STRING) return 0;
      return named(c->fields[c->n_fields - 1]->string->sval, 2);
    }
    case PG_QUERY__NODE__NODE_A_INDIRECTION: {
      const auto* ind = node->a_indirection;
      for (size_t i = ind->n_indirection; i-- > 0;)
        if (ind->indirection[i]->node_case == PG_QUERY__NODE__NODE_STRING)
          return named(ind->indirection[i]->string->sval, 2);
      return figure_name(ind->arg, name);
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL:
      return named(last_string(node->func_call->funcname, node->func_call->n_funcname), 2);
    case PG_QUERY__NODE__NODE_A_EXPR:
      return node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF ? named("nullif", 2) : 0;
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
      int strength = figure_name(node->type_cast->arg, name);
      if (strength <= 1 && node->type_cast->type_name)
        return named(last_string(node->type_cast->type_name->names, node->type_cast->type_name->n_names), 1);
      return strength;
    }
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE: return figure_name(node->collate_clause->arg, name);
    case PG_QUERY__NODE__NODE_GROUPING_FUNC: return named("grouping", 2);
    case PG_QUERY__NODE__NODE_SUB_LINK: {
      const auto* s = node->sub_link;
      if (s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK) return named("exists", 2);
      if (s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK) return named("array", 2);
      if (s->sub_link_type != PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK || !s->subselect ||
          s->subselect->node_case != PG_QUERY__NODE__NODE_SELECT_STMT || s->subselect->select_stmt->n_target_list == 0)
        return 0;
      const PgQuery__Node* first = s->subselect->select_stmt->target_list[0];
      if (first->node_case != PG_QUERY__NODE__NODE_RES_TARGET) return 0;
      if (first->res_target->name && *first->res_target->name) return named(first->res_target->name, 2);
      return figure_name(first->res_target->val, name);
    }
    case PG_QUERY__NODE__NODE_CASE_EXPR: {
      int strength = figure_name(node->case_expr->defresult, name);
      return strength <= 1 ? named("case", 1) : strength;
    }
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: return named("array", 2);
    case PG_QUERY__NODE__NODE_ROW_EXPR: return named("row", 2);
    case PG_QUERY__NODE__NODE_COALESCE_EXPR: return named("coalesce", 2);
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
      return named(node->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_LEAST ? "least" : "greatest", 2);
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: {
      std::string_view text = sql_value_function_name(node->sqlvalue_function->op);
      return text.empty() ? 0 : named(text, 2);
    }
    default: return 0;
  }
}

std::string figure_name(const PgQuery__Node* node) {
  std::string name;
  return figure_name(node, name) > 0 ? name : "?column?";
}

std::vector<std::string> alias_names(const PgQuery__Alias* alias) {
  return alias ? string_list(alias->colnames, alias->n_colnames) : std::vector<std::string>{};
}

std::string alias_name(const PgQuery__Alias* alias) { return alias && alias->aliasname ? alias->aliasname : ""; }

class Namer {
 public:
  explicit Namer(const ReplayContext& ctx) : ctx_(ctx) {}

  Names query(const PgQuery__Node* node) {
    if (!node || node->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) return std::nullopt;
    return select(node->select_stmt);
  }

 private:
  Names select(const PgQuery__SelectStmt* s) {
    if (s->with_clause) scopes_.push_back(s->with_clause);
    Names out = s->op != PG_QUERY__SET_OPERATION__SETOP_NONE && s->larg ? select(s->larg) : targets(s);
    if (s->with_clause) scopes_.pop_back();
    return out;
  }

  Names targets(const PgQuery__SelectStmt* s) {
    std::vector<std::string> names;
    if (s->n_values_lists > 0) {
      const PgQuery__Node* row = s->values_lists[0];
      size_t n = row->node_case == PG_QUERY__NODE__NODE_LIST ? row->list->n_items : 0;
      for (size_t i = 1; i <= n; ++i) names.push_back("column" + std::to_string(i));
      return names;
    }
    for (size_t i = 0; i < s->n_target_list; ++i) {
      if (s->target_list[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) continue;
      const PgQuery__ResTarget* t = s->target_list[i]->res_target;
      if (t->name && *t->name) {
        names.emplace_back(t->name);
      } else if (auto star = star_qualifier(t->val)) {
        Names expanded = expand_from(s, *star);
        if (!expanded) return std::nullopt;
        names.insert(names.end(), expanded->begin(), expanded->end());
      } else {
        names.push_back(figure_name(t->val));
      }
    }
    return names;
  }

  // For `*` "", for `t.*` "t"; nullopt when the target is not a star.
  static std::optional<std::string> star_qualifier(const PgQuery__Node* val) {
    if (!val || val->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return std::nullopt;
    const auto* c = val->column_ref;
    if (c->n_fields == 0 || c->fields[c->n_fields - 1]->node_case != PG_QUERY__NODE__NODE_A_STAR) return std::nullopt;
    return c->n_fields >= 2 ? last_string(c->fields, c->n_fields - 1) : "";
  }

  Names expand_from(const PgQuery__SelectStmt* s, const std::string& qualifier) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s->n_from_clause; ++i) {
      Names part = from_item(s->from_clause[i], qualifier);
      if (!part) return std::nullopt;
      out.insert(out.end(), part->begin(), part->end());
    }
    return out;
  }

  // The columns a FROM item contributes to `qualifier.*` ("" = every item's).
  Names from_item(const PgQuery__Node* node, const std::string& qualifier) {
    switch (node->node_case) {
      case PG_QUERY__NODE__NODE_RANGE_VAR: {
        const auto* rv = node->range_var;
        std::string name = rv->alias ? alias_name(rv->alias) : rv->relname;
        if (!qualifier.empty() && qualifier != name) return std::vector<std::string>{};
        return overlay(relation_columns(rv), alias_names(rv->alias));
      }
      case PG_QUERY__NODE__NODE_RANGE_SUBSELECT: {
        const auto* sub = node->range_subselect;
        if (!qualifier.empty() && qualifier != alias_name(sub->alias)) return std::vector<std::string>{};
        return overlay(query(sub->subquery), alias_names(sub->alias));
      }
      case PG_QUERY__NODE__NODE_JOIN_EXPR: {
        const auto* j = node->join_expr;
        bool whole = qualifier.empty() || qualifier == alias_name(j->alias);
        if (!whole) return concat(from_item(j->larg, qualifier), from_item(j->rarg, qualifier));
        return overlay(join_columns(j), alias_names(j->alias));
      }
      case PG_QUERY__NODE__NODE_RANGE_FUNCTION: {
        const auto* f = node->range_function;
        if (!qualifier.empty() && qualifier != alias_name(f->alias)) return std::vector<std::string>{};
        return std::nullopt;
      }
      default: return std::nullopt;
    }
  }

  // USING and NATURAL joins list the merged columns once, first.
  Names join_columns(const PgQuery__JoinExpr* j) {
    Names left = from_item(j->larg, ""), right = from_item(j->rarg, "");
    if (!left || !right) return std::nullopt;
    std::vector<std::string> merged = string_list(j->using_clause, j->n_using_clause);
    if (j->is_natural)
      for (const auto& l : *left)
        if (std::count(right->begin(), right->end(), l)) merged.push_back(l);
    std::vector<std::string> out = merged;
    for (const auto* side : {&*left, &*right})
      for (const auto& c : *side)
        if (!std::count(merged.begin(), merged.end(), c)) out.push_back(c);
    return out;
  }

  Names relation_columns(const PgQuery__RangeVar* rv) {
    if (!rv->schemaname || !*rv->schemaname)
      for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope)
        for (size_t i = 0; i < (*scope)->n_ctes; ++i) {
          const PgQuery__CommonTableExpr* cte = (*scope)->ctes[i]->common_table_expr;
          if (cte && cte->ctename == std::string_view(rv->relname))
            return overlay(query(cte->ctequery), string_list(cte->aliascolnames, cte->n_aliascolnames));
        }
    const Relation* r = ctx_.catalog.relation(ctx_.resolve_relation(rv));
    if (!r || r->columns.empty()) return std::nullopt;
    std::vector<std::string> names;
    for (const auto& c : r->columns) names.push_back(c.name);
    return names;
  }

  static Names overlay(Names names, const std::vector<std::string>& aliases) {
    if (!names) return std::nullopt;
    return with_aliases(names, aliases);
  }

  static Names concat(Names a, const Names& b) {
    if (!a || !b) return std::nullopt;
    a->insert(a->end(), b->begin(), b->end());
    return a;
  }

  const ReplayContext& ctx_;
  std::vector<const PgQuery__WithClause*> scopes_;
};

}  // namespace

std::optional<std::vector<std::string>> output_column_names(const PgQuery__Node* query, const ReplayContext& ctx) {
  return Namer(ctx).query(query);
}

std::vector<std::string> with_aliases(const std::optional<std::vector<std::string>>& names,
                                      const std::vector<std::string>& aliases) {
  std::vector<std::string> out = names.value_or(std::vector<std::string>{});
  if (out.size() < aliases.size()) out.resize(aliases.size());
  std::copy(aliases.begin(), aliases.end(), out.begin());
  return out;
}

}  // namespace migc
