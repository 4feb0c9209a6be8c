#include "analyzer/index_names.h"

#include <algorithm>

#include "analyzer/node_text.h"
#include "analyzer/stored_expressions.h"

namespace migc {

namespace {

constexpr size_t kNameDataLen = 64;  // NAMEDATALEN

std::string_view xml_function_name(PgQuery__XmlExprOp op) {
  switch (op) {
    case PG_QUERY__XML_EXPR_OP__IS_XMLCONCAT: return "xmlconcat";
    case PG_QUERY__XML_EXPR_OP__IS_XMLELEMENT: return "xmlelement";
    case PG_QUERY__XML_EXPR_OP__IS_XMLFOREST: return "xmlforest";
    case PG_QUERY__XML_EXPR_OP__IS_XMLPARSE: return "xmlparse";
    case PG_QUERY__XML_EXPR_OP__IS_XMLPI: return "xmlpi";
    case PG_QUERY__XML_EXPR_OP__IS_XMLROOT: return "xmlroot";
    case PG_QUERY__XML_EXPR_OP__IS_XMLSERIALIZE: return "xmlserialize";
    default: return "";
  }
}

// The last String of a name list, or "".
std::string last_name(PgQuery__Node* const* items, size_t n) {
  auto names = string_list(items, n);
  return names.empty() ? "" : names.back();
}

// FigureColnameInternal: sets `name` and returns its strength (0 none, 1 a fallback such as a
// type name or "case", 2 a real name).
int figure(const PgQuery__Node* node, std::string& name) {
  if (!node) return 0;
  auto set = [&](std::string value, int strength) {
    if (value.empty()) return 0;
    name = std::move(value);
    return strength;
  };
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_COLUMN_REF:
      return set(last_name(node->column_ref->fields, node->column_ref->n_fields), 2);
    case PG_QUERY__NODE__NODE_A_INDIRECTION: {
      const PgQuery__AIndirection* ind = node->a_indirection;
      std::string field = last_name(ind->indirection, ind->n_indirection);
      return field.empty() ? figure(ind->arg, name) : set(field, 2);
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL:
      return set(last_name(node->func_call->funcname, node->func_call->n_funcname), 2);
    case PG_QUERY__NODE__NODE_A_EXPR:
      return node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF ? set("nullif", 2) : 0;
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
      int strength = figure(node->type_cast->arg, name);
      if (strength > 1 || !node->type_cast->type_name) return strength;
      const PgQuery__TypeName* type = node->type_cast->type_name;
      return set(last_name(type->names, type->n_names), 1);
    }
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE: return figure(node->collate_clause->arg, name);
    case PG_QUERY__NODE__NODE_GROUPING_FUNC: return set("grouping", 2);
    case PG_QUERY__NODE__NODE_SUB_LINK:
      // An EXPR sub-link names itself after the sub-select's column only once analysed; the
      // raw tree PostgreSQL looks at here is not, so it stays unnamed.
      switch (node->sub_link->sub_link_type) {
        case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK: return set("exists", 2);
        case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK: return set("array", 2);
        default: return 0;
      }
    case PG_QUERY__NODE__NODE_CASE_EXPR: {
      int strength = figure(node->case_expr->defresult, name);
      return strength > 1 ? strength : set("case", 1);
    }
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: return set("array", 2);
    case PG_QUERY__NODE__NODE_ROW_EXPR: return set("row", 2);
    case PG_QUERY__NODE__NODE_COALESCE_EXPR: return set("coalesce", 2);
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
      return set(node->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "greatest" : "least", 2);
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
      return set(std::string(sql_value_function_name(node->sqlvalue_function->op)), 2);
    case PG_QUERY__NODE__NODE_XML_EXPR: return set(std::string(xml_function_name(node->xml_expr->op)), 2);
    case PG_QUERY__NODE__NODE_XML_SERIALIZE: return set("xmlserialize", 2);
    default: return 0;
  }
}

}  // namespace

std::optional<std::string> figure_column_name(const PgQuery__Node* expr) {
  std::string name;
  if (figure(expr, name) == 0) return std::nullopt;
  return name;
}

std::vector<std::string> index_column_names(const std::vector<std::string>& keys,
                                            const std::vector<std::string>& include) {
  std::vector<std::string> bases;
  ParsedIndexKeys parsed(keys);
  for (const PgQuery__IndexElem* elem : parsed.elems()) {
    if (elem->name && *elem->name) bases.emplace_back(elem->name);
    else bases.push_back(figure_column_name(elem->expr).value_or("expr"));
  }
  bases.insert(bases.end(), include.begin(), include.end());

  std::vector<std::string> result;
  for (const std::string& base : bases) {
    std::string name = base;
    for (int i = 1; std::find(result.begin(), result.end(), name) != result.end(); ++i) {
      std::string suffix = std::to_string(i);
      name = base.substr(0, clip_utf8(base, kNameDataLen - 1 - suffix.size())) + suffix;
    }
    result.push_back(name);
  }
  return result;
}

std::string name_addition(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += '_';
    out += name.substr(0, kNameDataLen - 1);
    if (out.size() >= kNameDataLen) break;
  }
  return out;
}

std::string choose_index_name(const Catalog& catalog, const QualifiedName& table, const std::vector<std::string>& keys,
                              const std::vector<std::string>& include, IndexRole role) {
  const std::string& schema = table.schema;
  if (role == IndexRole::Plain)
    return catalog.choose_relation_name(schema, table.name, name_addition(index_column_names(keys, include)), "idx");
  // A constraint index must not take the name of any constraint of the schema either.
  if (role == IndexRole::Primary) return catalog.choose_relation_name(schema, table.name, "", "pkey", {}, true);
  return catalog.choose_relation_name(schema, table.name, name_addition(index_column_names(keys, include)),
                                      role == IndexRole::Exclusion ? "excl" : "key", {}, true);
}

}  // namespace migc
