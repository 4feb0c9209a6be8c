#include "analyzer/function_signature.h"

#include <array>
#include <vector>

#include "analyzer/type_names.h"

namespace migc {

namespace {

// The built-in types format_type() prints by their SQL names, never schema-qualified.
constexpr std::array<std::string_view, 16> kSqlNamedTypes{
    "bit", "bit varying", "boolean", "character", "character varying", "double precision", "integer", "bigint",
    "smallint", "real", "numeric", "interval", "time without time zone", "time with time zone",
    "timestamp without time zone", "timestamp with time zone",
};

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? std::string(separator) : "") + items[i];
  return out;
}

std::string array_suffix(const PgQuery__TypeName* type) {
  std::string out;
  for (size_t i = 0; i < type->n_array_bounds; ++i) out += "[]";
  return out;
}

// `users.email%TYPE`: the column's type, read from the catalog.
std::string column_type_reference(const PgQuery__TypeName* type, ReplayContext& ctx) {
  std::vector<std::string> parts = string_list(type->names, type->n_names);
  std::string written = joined(parts, ".") + "%TYPE";
  if (parts.size() < 2) return written;
  std::string column = parts.back();
  parts.pop_back();
  QualifiedName table = ctx.resolve_relation(parts);
  ctx.reference(column_ref(table, column), Access::Read);
  const Relation* r = ctx.catalog.relation(table);
  const Column* c = r ? r->column(column) : nullptr;
  if (!c) {
    ctx.note("the type " + written + " names a column the model does not know: written as is");
    return written;
  }
  return c->type + array_suffix(type);
}

// A table name used as a type: the table's row type, when no type of that name exists.
std::optional<QualifiedName> row_type_relation(const PgQuery__TypeName* type, const ReplayContext& ctx) {
  std::vector<std::string> parts = string_list(type->names, type->n_names);
  if (parts.empty() || (parts.size() == 1 && is_builtin_type(parts[0]))) return std::nullopt;
  if (parts.size() >= 2 && parts[parts.size() - 2] == "pg_catalog") return std::nullopt;
  if (ctx.catalog.type(ctx.resolve_type(parts))) return std::nullopt;
  QualifiedName relation = ctx.resolve_relation(parts);
  if (!ctx.catalog.relation(relation)) return std::nullopt;
  return relation;
}

std::string input_type(const PgQuery__TypeName* type, ReplayContext& ctx) {
  return force_qualified(without_typmods(routine_type_text(type, ctx)));
}

}  // namespace

std::string without_typmods(std::string_view type) {
  std::string out;
  bool quoted = false;
  int depth = 0;
  for (char c : type) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '(') ++depth;
    if (depth == 0) out += c;
    if (!quoted && c == ')' && depth > 0) --depth;
  }
  return out;
}

std::string force_qualified(std::string_view type) {
  std::string_view base = type;
  while (base.ends_with("[]")) base.remove_suffix(2);
  std::string_view arrays = type.substr(base.size());
  bool quoted = false, qualified = false;
  for (char c : base) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '.') qualified = true;
  }
  bool sql_named = false;
  for (std::string_view name : kSqlNamedTypes) sql_named = sql_named || base == name;
  if (qualified || sql_named || base.empty()) return std::string(type);
  std::string name = base.starts_with('"') ? std::string(base) : quote_ident(base);
  return "pg_catalog." + name + std::string(arrays);
}

std::string routine_type_text(const PgQuery__TypeName* type, ReplayContext& ctx) {
  if (type->pct_type) return column_type_reference(type, ctx);
  if (auto relation = row_type_relation(type, ctx)) {
    ctx.reference(relation_ref(*relation), Access::Read);
    return display_name(*relation) + array_suffix(type);
  }
  return ctx.type_text(type);
}

FunctionSignature function_signature(const PgQuery__CreateFunctionStmt* stmt, ReplayContext& ctx) {
  std::vector<std::string> identity, inputs, outputs, table_columns;
  for (size_t i = 0; i < stmt->n_parameters; ++i) {
    if (stmt->parameters[i]->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) continue;
    const PgQuery__FunctionParameter* p = stmt->parameters[i]->function_parameter;
    if (p->defexpr) collect_reads(p->defexpr, ctx);
    std::string type = without_typmods(routine_type_text(p->arg_type, ctx));
    std::string named = (p->name && *p->name ? quote_ident(p->name) + " " : "") + type;
    switch (p->mode) {
      case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE: table_columns.push_back(named); continue;
      case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT:
        identity.push_back("OUT " + named);
        outputs.push_back(type);
        continue;
      case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_INOUT:
        identity.push_back("INOUT " + named);
        outputs.push_back(type);
        break;
      case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC: identity.push_back("VARIADIC " + named); break;
      default: identity.push_back((stmt->is_procedure ? "IN " : "") + named); break;  // IN, or no mode written
    }
    inputs.push_back(force_qualified(type));
  }
  FunctionSignature s{joined(identity, ", "), joined(inputs, ","), ""};
  if (!table_columns.empty()) {
    s.returns = "TABLE(" + joined(table_columns, ", ") + ")";
  } else if (stmt->return_type) {
    s.returns = (stmt->return_type->setof ? "SETOF " : "") + without_typmods(routine_type_text(stmt->return_type, ctx));
  } else if (!stmt->is_procedure && !outputs.empty()) {
    s.returns = outputs.size() == 1 ? outputs[0] : "record";
  }
  return s;
}

std::optional<std::string> input_types_of(const PgQuery__ObjectWithArgs* function, ReplayContext& ctx) {
  if (function->args_unspecified) return std::nullopt;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < function->n_objargs; ++i)
    if (function->objargs[i]->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
      inputs.push_back(input_type(function->objargs[i]->type_name, ctx));
  return joined(inputs, ",");
}

}  // namespace migc
