#include "analyzer/sql_tokens.h"

#include <pg_query.h>

namespace migc {

std::vector<SqlToken> sql_tokens(const std::string& text) {
  std::vector<SqlToken> out;
  PgQueryScanResult scan = pg_query_scan(text.c_str());
  if (!scan.error) {
    PgQuery__ScanResult* result =
        pg_query__scan_result__unpack(nullptr, scan.pbuf.len, reinterpret_cast<const uint8_t*>(scan.pbuf.data));
    for (size_t i = 0; result && i < result->n_tokens; ++i) {
      const PgQuery__ScanToken* t = result->tokens[i];
      out.push_back({t->token, t->keyword_kind, static_cast<uint32_t>(t->start), static_cast<uint32_t>(t->end)});
    }
    if (result) pg_query__scan_result__free_unpacked(result, nullptr);
  }
  pg_query_free_scan_result(scan);
  return out;
}

}  // namespace migc
