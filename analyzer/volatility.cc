#include "analyzer/volatility.h"

#include <algorithm>

#include "analyzer/node_walk.h"

namespace migc {

namespace {

// PostgreSQL 15: SELECT DISTINCT proname FROM pg_proc WHERE provolatile = 'v' AND pronamespace =
// 'pg_catalog'::regnamespace, keeping functions callable in an expression (no internal or
// trigger signatures, not set-returning, not pg_* administration), sorted; then extensions.
constexpr std::string_view kVolatile[] = {
    "amvalidate",
    "brin_summarize_new_values",
    "brin_summarize_range",
    "clock_timestamp",
    "current_query",
    "currtid2",
    "currval",
    "cursor_to_xml",
    "cursor_to_xmlschema",
    "gen_random_uuid",
    "gin_clean_pending_list",
    "lastval",
    "lo_close",
    "lo_creat",
    "lo_create",
    "lo_export",
    "lo_from_bytea",
    "lo_get",
    "lo_import",
    "lo_lseek",
    "lo_lseek64",
    "lo_open",
    "lo_tell",
    "lo_tell64",
    "lo_truncate",
    "lo_truncate64",
    "lo_unlink",
    "loread",
    "lowrite",
    "nextval",
    "query_to_xml",
    "query_to_xml_and_xmlschema",
    "query_to_xmlschema",
    "random",
    "set_config",
    "setval",
    "timeofday",
    "ts_rewrite",
    "txid_status",
    // extensions: uuid-ossp, pgcrypto
    "gen_random_bytes",
    "gen_salt",
    "uuid_generate_v1",
    "uuid_generate_v1mc",
    "uuid_generate_v4",
    // later PostgreSQL releases, for migrations written against them
    "random_normal",
    "uuidv4",
    "uuidv7",
    "uuid_generate_v7",
};

bool function_is_volatile(const std::vector<std::string>& parts, const Catalog& catalog, const SearchPath& path) {
  if (parts.empty()) return false;
  const std::string& name = parts.back();
  bool qualified = parts.size() > 1;
  // Unqualified names find pg_catalog first, whatever the search_path says.
  if (is_volatile_builtin(name) && (!qualified || parts[parts.size() - 2] == "pg_catalog")) return true;
  if (qualified && parts[parts.size() - 2] == "pg_catalog") return false;
  std::optional<QualifiedName> found =
      qualified ? std::optional<QualifiedName>(list_name(parts, "")) : catalog.find_function(name, path);
  std::vector<const Function*> overloads;
  if (found) overloads = catalog.functions_named(*found);
  if (overloads.empty()) return qualified;  // an unknown user function: volatile, the default
  return std::any_of(overloads.begin(), overloads.end(), [](const Function* f) { return f->volatility == 'v'; });
}

}  // namespace

bool is_volatile_builtin(std::string_view name) {
  return std::find(std::begin(kVolatile), std::end(kVolatile), name) != std::end(kVolatile);
}

std::optional<std::string> first_volatile_call(const PgQuery__Node* expr, const Catalog& catalog,
                                               const SearchPath& path) {
  std::optional<std::string> found;
  walk_nodes(expr, [&](const PgQuery__Node* node) {
    if (found) return false;
    if (node->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return true;
    auto parts = string_list(node->func_call->funcname, node->func_call->n_funcname);
    if (function_is_volatile(parts, catalog, path)) found = parts.empty() ? "" : parts.back();
    return !found;
  });
  return found;
}

}  // namespace migc
