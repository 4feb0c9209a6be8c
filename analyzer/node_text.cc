#include "analyzer/node_text.h"

namespace migc {

std::string_view string_node(const PgQuery__Node* node) {
  return node->node_case == PG_QUERY__NODE__NODE_STRING ? std::string_view(node->string->sval) : std::string_view();
}

const char* string_constant(const PgQuery__Node* node) {
  if (node->node_case != PG_QUERY__NODE__NODE_A_CONST) return nullptr;
  const PgQuery__AConst* c = node->a_const;
  return c->val_case == PG_QUERY__A__CONST__VAL_SVAL ? c->sval->sval : nullptr;
}

}  // namespace migc
