// The text libpg_query nodes carry: a String node (a name) and a string constant ('text').
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

}  // namespace migc
