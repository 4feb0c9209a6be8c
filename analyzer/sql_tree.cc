#include "analyzer/sql_tree.h"

#include <pg_query.h>

namespace migc {

void SqlTree::Free::operator()(PgQuery__ParseResult* r) const { pg_query__parse_result__free_unpacked(r, nullptr); }

SqlTree::SqlTree(const std::string& sql) {
  PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(sql.c_str());
  if (!parsed.error)
    result_.reset(pg_query__parse_result__unpack(nullptr, parsed.parse_tree.len,
                                                 reinterpret_cast<const uint8_t*>(parsed.parse_tree.data)));
  pg_query_free_protobuf_parse_result(parsed);
}

SqlExpression::SqlExpression(const std::string& expression) : tree_("SELECT " + expression) {
  if (tree_.size() != 1 || tree_.statement(0)->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) return;
  const PgQuery__SelectStmt* select = tree_.statement(0)->select_stmt;
  if (select->n_target_list == 1 && select->n_from_clause == 0 &&
      select->target_list[0]->node_case == PG_QUERY__NODE__NODE_RES_TARGET)
    expr_ = select->target_list[0]->res_target->val;
}

}  // namespace migc
