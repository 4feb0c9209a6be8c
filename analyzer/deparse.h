// SQL text back from parse trees, through libpg_query's deparser: how the model stores
// expressions (defaults, CHECKs, predicates) and view queries.
#pragma once
#include <string>

#include <pg_query/pg_query.pb-c.h>

namespace migc {

// An expression as SQL, e.g. "now()", "(price > 0)"; "" when libpg_query cannot deparse it.
std::string deparse_expression(const PgQuery__Node* expr);
// A whole statement (e.g. a view's SELECT) as SQL; "" when it cannot be deparsed.
std::string deparse_statement(const PgQuery__Node* stmt);

}  // namespace migc
