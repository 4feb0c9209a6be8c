// CREATE INDEX: a named or generated index on a table, and on its partitions unless ONLY.
#include "analyzer/references.h"
#include "analyzer/relation_edits.h"
#include "analyzer/replay_relations.h"
#include "analyzer/stored_expressions.h"

namespace migc {

void replay_create_index(const PgQuery__IndexStmt* stmt, ReplayContext& ctx) {
  QualifiedName table_name = ctx.resolve_relation(stmt->relation);
  ctx.reference(relation_ref(table_name), Access::Read);
  IndexInfo info;
  info.table = table_name;
  if (*stmt->access_method) info.method = stmt->access_method;
  info.unique = stmt->unique;
  info.concurrently = stmt->concurrent;
  for (size_t i = 0; i < stmt->n_index_params; ++i) {
    if (stmt->index_params[i]->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM) continue;
    const PgQuery__IndexElem* elem = stmt->index_params[i]->index_elem;
    info.keys.push_back(index_key_text(elem));
    if (*elem->name) ctx.reference(column_ref(table_name, elem->name), Access::Read);
    if (elem->expr) collect_reads_on(elem->expr, table_name, ctx);
  }
  for (size_t i = 0; i < stmt->n_index_including_params; ++i) {
    if (stmt->index_including_params[i]->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM) continue;
    const PgQuery__IndexElem* elem = stmt->index_including_params[i]->index_elem;
    info.include.emplace_back(elem->name);
    ctx.reference(column_ref(table_name, elem->name), Access::Read);
  }
  if (stmt->where_clause) {
    info.predicate = expression_text(stmt->where_clause);
    collect_reads_on(stmt->where_clause, table_name, ctx);
  }
  std::string name = stmt->idxname;
  if (!name.empty() && already_exists(ctx, {table_name.schema, name}, stmt->if_not_exists)) return;
  Relation* table = ctx.catalog.relation(table_name);
  if (!table) {
    ctx.note("index on " + display_name(table_name) + ", which the model does not have, is not modelled");
    if (!name.empty()) ctx.reference(relation_ref({table_name.schema, name}), Access::Create);
    return;
  }
  create_index(ctx, *table, name, info, IndexRole::Plain, nullptr, stmt->relation->inh);
}

}  // namespace migc
