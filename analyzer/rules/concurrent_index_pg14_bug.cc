// concurrent-index-pg14-bug: PostgreSQL 14.0 to 14.3 can build indexes that miss rows when
// CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY runs while rows are updated (fixed in 14.4).
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

// REINDEX (CONCURRENTLY) or REINDEX … CONCURRENTLY; CONCURRENTLY false/off/0 turns it off.
bool reindex_concurrently(const PgQuery__ReindexStmt& stmt) {
  for (size_t i = 0; i < stmt.n_params; ++i) {
    const PgQuery__Node* p = stmt.params[i];
    if (p->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || std::string_view(p->def_elem->defname) != "concurrently")
      continue;
    const PgQuery__Node* arg = p->def_elem->arg;
    if (!arg) return true;
    if (arg->node_case == PG_QUERY__NODE__NODE_STRING) {
      std::string_view v = arg->string->sval;
      return v != "false" && v != "off" && v != "0";
    }
    if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival != 0;
    return true;
  }
  return false;
}

void check(RuleContext& ctx) {
  if (ctx.pg_version_num < 140000 || ctx.pg_version_num >= 140400) return;
  bool concurrent = (ctx.node->node_case == PG_QUERY__NODE__NODE_INDEX_STMT && ctx.node->index_stmt->concurrent) ||
                    (ctx.node->node_case == PG_QUERY__NODE__NODE_REINDEX_STMT &&
                     reindex_concurrently(*ctx.node->reindex_stmt));
  if (!concurrent) return;
  ctx.report("PostgreSQL 14.0 to 14.3 can build a corrupt index CONCURRENTLY: rows updated during the build may be "
             "missing from it",
             "upgrade the server to 14.4 or later first (then REINDEX indexes built CONCURRENTLY on 14.0–14.3)");
}

}  // namespace

Rule concurrent_index_pg14_bug() {
  return {.id = "concurrent-index-pg14-bug",
          .severity = LintSeverity::Error,
          .summary = "CONCURRENTLY index builds on PostgreSQL 14.0–14.3 can corrupt the index",
          .check = check};
}

}  // namespace migc::rules
