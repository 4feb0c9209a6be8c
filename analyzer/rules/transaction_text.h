// Wording the transaction rules share: what a statement is, where its transaction came from, and
// how each format runs a migration without one.
#pragma once
#include <string>

#include "analyzer/rules/rule.h"

namespace migc {

// "CREATE INDEX CONCURRENTLY", "VACUUM", "BEGIN", …; "this statement" for the rest.
std::string statement_title(const PgQuery__Node* stmt);
// Why the statement runs inside a transaction block: "yoyo runs migration '0003' in one
// transaction", "the BEGIN at line 4 is still open", …
std::string transaction_origin(const RuleContext& ctx);
// How the migration's format runs a migration outside a transaction.
std::string no_transaction_hint(Format format);

}  // namespace migc
