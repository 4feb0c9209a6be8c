// Volatile function calls in expressions. From PostgreSQL 11 ADD COLUMN … DEFAULT stores a
// non-volatile default once in the catalog; a volatile one is evaluated for every row, which
// rewrites the table.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/catalog.h"

namespace migc {

// Whether `name` is a volatile function of pg_catalog (PostgreSQL 15's pg_proc, provolatile
// 'v') or of a common extension (uuid-ossp, pgcrypto).
bool is_volatile_builtin(std::string_view name);

// The name (as written, e.g. "gen_random_uuid") of the first volatile function `expr` calls, or
// nullopt. A function the catalog knows is judged by its declared volatility (any volatile
// overload counts); an unknown one outside pg_catalog is assumed volatile, as PostgreSQL's
// default for CREATE FUNCTION is; unqualified unknown names are looked up among the built-ins.
std::optional<std::string> first_volatile_call(const PgQuery__Node* expr, const Catalog& catalog,
                                               const SearchPath& path);

}  // namespace migc
