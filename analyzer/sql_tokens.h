// The SQL scanner's tokens (libpg_query's pg_query_scan), for the few places that read text
// below the grammar: keywords, identifiers as written, assignment operators.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

namespace migc {

struct SqlToken {
  PgQuery__Token kind;
  PgQuery__KeywordKind keyword;
  uint32_t start, end;  // byte offsets in the scanned text
};

// Every token of `text` (PL/pgSQL scans alike); empty when it cannot be scanned.
std::vector<SqlToken> sql_tokens(const std::string& text);

}  // namespace migc
