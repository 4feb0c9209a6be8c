#include "analyzer/type_names.h"

#include <array>
#include <set>
#include <string_view>
#include <utility>

namespace migc {

namespace {

// pg_catalog internal names whose format_type() text differs from the name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kSqlNames{{
    {"int2", "smallint"}, {"int4", "integer"}, {"int8", "bigint"}, {"float4", "real"},
    {"float8", "double precision"}, {"bool", "boolean"}, {"varchar", "character varying"},
    {"bpchar", "character"}, {"timestamp", "timestamp without time zone"},
    {"timestamptz", "timestamp with time zone"}, {"time", "time without time zone"},
    {"timetz", "time with time zone"}, {"varbit", "bit varying"}, {"numeric", "numeric"},
    {"interval", "interval"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kSerials{{
    {"serial", "integer"}, {"serial4", "integer"}, {"bigserial", "bigint"}, {"serial8", "bigint"},
    {"smallserial", "smallint"}, {"serial2", "smallint"},
}};

const std::set<std::string_view>& builtin_names() {
  static const std::set<std::string_view> names = {
      "int2", "int4", "int8", "float4", "float8", "bool", "varchar", "bpchar", "timestamp", "timestamptz",
      "time", "timetz", "varbit", "numeric", "interval", "bit", "text", "uuid", "json", "jsonb", "jsonpath",
      "bytea", "date", "inet", "cidr", "macaddr", "macaddr8", "money", "xml", "tsvector", "tsquery", "oid",
      "regclass", "regproc", "regprocedure", "regtype", "regconfig", "regdictionary", "regnamespace",
      "regrole", "name", "char", "point", "line", "lseg", "box", "path", "polygon", "circle", "int4range",
      "int8range", "numrange", "tsrange", "tstzrange", "daterange", "int4multirange", "int8multirange",
      "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange", "pg_lsn", "pg_snapshot",
      "txid_snapshot", "record", "void", "trigger", "event_trigger", "anyelement", "anyarray",
      "anynonarray", "anyenum", "anyrange", "anymultirange", "anycompatible", "anycompatiblearray",
      "anycompatiblenonarray", "anycompatiblerange", "cstring", "internal", "language_handler",
      "fdw_handler", "index_am_handler", "tsm_handler", "table_am_handler", "xid", "xid8", "cid", "tid",
      "int2vector", "oidvector", "refcursor", "unknown", "aclitem", "pg_node_tree", "gtsvector",
  };
  return names;
}

std::string_view sql_name(std::string_view internal) {
  for (auto [from, to] : kSqlNames)
    if (from == internal) return to;
  return internal;
}

std::vector<std::string> typmod_texts(const PgQuery__TypeName* type) {
  std::vector<std::string> out;
  for (size_t i = 0; i < type->n_typmods; ++i) {
    const PgQuery__Node* mod = type->typmods[i];
    if (mod->node_case != PG_QUERY__NODE__NODE_A_CONST) continue;
    const PgQuery__AConst* c = mod->a_const;
    if (c->val_case == PG_QUERY__A__CONST__VAL_IVAL) out.push_back(std::to_string(c->ival->ival));
    else if (c->val_case == PG_QUERY__A__CONST__VAL_SVAL) out.emplace_back(c->sval->sval);
  }
  return out;
}

// The typmod part as format_type prints it for built-in types.
std::string builtin_with_typmods(std::string_view internal, const std::vector<std::string>& mods) {
  std::string name(sql_name(internal));
  if (internal == "bpchar" && mods.empty()) return "character(1)";  // CHAR means CHAR(1)
  if (internal == "bit" && mods.empty()) return "bit(1)";
  if (mods.empty()) return name;
  if (internal == "numeric") return "numeric(" + mods[0] + "," + (mods.size() > 1 ? mods[1] : "0") + ")";
  if (internal == "timestamp" || internal == "timestamptz" || internal == "time" || internal == "timetz") {
    auto space = name.find(' ');
    return name.substr(0, space) + "(" + mods[0] + ")" + name.substr(space);
  }
  if (internal == "interval") return name;  // field restrictions: printed by format_type only in rare forms
  std::string out = name + "(";
  for (size_t i = 0; i < mods.size(); ++i) out += (i ? "," : "") + mods[i];
  return out + ")";
}

}  // namespace

bool is_builtin_type(std::string_view name) { return builtin_names().count(name) > 0; }

TypeNameInfo format_type_name(const PgQuery__TypeName* type, const TypeSchemaLookup& lookup,
                              const std::string& default_schema) {
  TypeNameInfo info;
  std::vector<std::string> parts = string_list(type->names, type->n_names);
  if (parts.empty()) return info;
  std::vector<std::string> mods = typmod_texts(type);
  const std::string& last = parts.back();
  bool catalog_qualified = parts.size() >= 2 && parts[parts.size() - 2] == "pg_catalog";
  if (parts.size() == 1) {
    for (auto [serial, base] : kSerials)
      if (last == serial) info.serial_base = base;
  }
  if (!info.serial_base.empty()) {
    info.formatted = info.serial_base;
  } else if (catalog_qualified || (parts.size() == 1 && is_builtin_type(last) && !lookup(last))) {
    info.formatted = builtin_with_typmods(last, mods);
  } else {
    QualifiedName q = parts.size() == 1 ? QualifiedName{lookup(last).value_or(default_schema), last}
                                        : list_name(parts, default_schema);
    info.user_type = q;
    info.formatted = display_name(q);
    if (!mods.empty()) {
      info.formatted += "(";
      for (size_t i = 0; i < mods.size(); ++i) info.formatted += (i ? "," : "") + mods[i];
      info.formatted += ")";
    }
  }
  for (size_t i = 0; i < type->n_array_bounds; ++i) info.formatted += "[]";
  return info;
}

}  // namespace migc
