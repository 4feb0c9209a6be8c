#include "analyzer/deparse.h"

#include <pg_query.h>

namespace migc {

std::string deparse_statement(const PgQuery__Node* stmt) {
  PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
  raw.stmt = const_cast<PgQuery__Node*>(stmt);  // pack() only reads
  PgQuery__RawStmt* raws[] = {&raw};
  PgQuery__ParseResult result = PG_QUERY__PARSE_RESULT__INIT;
  result.version = PG_VERSION_NUM;
  result.n_stmts = 1;
  result.stmts = raws;
  std::string buffer(pg_query__parse_result__get_packed_size(&result), '\0');
  pg_query__parse_result__pack(&result, reinterpret_cast<uint8_t*>(buffer.data()));
  PgQueryProtobuf protobuf{buffer.size(), buffer.data()};
  PgQueryDeparseResult deparsed = pg_query_deparse_protobuf(protobuf);
  std::string out = deparsed.error ? "" : deparsed.query;
  pg_query_free_deparse_result(deparsed);
  return out;
}

std::string deparse_expression(const PgQuery__Node* expr) {
  PgQuery__ResTarget target = PG_QUERY__RES_TARGET__INIT;
  target.val = const_cast<PgQuery__Node*>(expr);
  PgQuery__Node target_node = PG_QUERY__NODE__INIT;
  target_node.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
  target_node.res_target = &target;
  PgQuery__Node* targets[] = {&target_node};
  PgQuery__SelectStmt select = PG_QUERY__SELECT_STMT__INIT;
  select.n_target_list = 1;
  select.target_list = targets;
  select.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
  select.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
  PgQuery__Node stmt = PG_QUERY__NODE__INIT;
  stmt.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
  stmt.select_stmt = &select;
  std::string sql = deparse_statement(&stmt);
  constexpr std::string_view prefix = "SELECT ";
  return sql.starts_with(prefix) ? sql.substr(prefix.size()) : "";
}

}  // namespace migc
