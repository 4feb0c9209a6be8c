// The text libpg_query nodes carry: a String node (a name), a string constant ('text'), the
// keyword of a SQL value function.
#pragma once
#include <string_view>

#include <pg_query/pg_query.pb-c.h>

namespace migc {

// Whether a name field is set: libpg_query leaves absent names empty, some null.
inline bool has_text(const char* s) { return s && *s; }
// A String node's text; "" for any other node.
std::string_view string_node(const PgQuery__Node* node);
// A string constant's text; null for any other node (numbers, NULL, expressions).
const char* string_constant(const PgQuery__Node* node);
// The SQL keyword of a SQLValueFunction (CURRENT_DATE → "current_date"); "" for an unknown one.
std::string_view sql_value_function_name(PgQuery__SQLValueFunctionOp op);

}  // namespace migc
