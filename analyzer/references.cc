// Queries and expressions (reads), DML (writes) and session settings: the statement kinds that
// change data or the session but not the schema.
#include "analyzer/references.h"

#include "analyzer/node_text.h"
#include "analyzer/read_walker.h"
#include "analyzer/session_settings.h"

namespace migc {

namespace {

void read_relation(const PgQuery__RangeVar* rv, Access access, ReplayContext& ctx) {
  if (rv) ctx.reference(relation_ref(ctx.resolve_relation(rv)), access);
}

void read_columns(const QualifiedName& table, PgQuery__Node* const* names, size_t n, ReplayContext& ctx) {
  for (const std::string& name : string_list(names, n)) ctx.reference(column_ref(table, name), Access::Read);
}

// SELECT set_config('name', 'value', is_local) in the select list changes the session like SET.
void apply_select_settings(const PgQuery__SelectStmt* s, ReplayContext& ctx) {
  for (size_t i = 0; i < s->n_target_list; ++i) {
    const PgQuery__Node* t = s->target_list[i];
    if (t->node_case != PG_QUERY__NODE__NODE_RES_TARGET || !t->res_target->val ||
        t->res_target->val->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
      continue;
    const PgQuery__FuncCall* call = t->res_target->val->func_call;
    if (is_set_config(call) && !apply_set_config(call, ctx.session))
      ctx.note("set_config() with a computed argument: the setting it changes is not followed");
  }
}

// EXPLAIN ANALYZE runs the statement; plain EXPLAIN only plans it.
bool explain_runs(const PgQuery__ExplainStmt* s) {
  for (size_t i = 0; i < s->n_options; ++i) {
    const PgQuery__Node* option = s->options[i];
    if (option->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* def = option->def_elem;
    if (std::string_view(def->defname) != "analyze") continue;
    if (!def->arg) return true;
    switch (def->arg->node_case) {
      case PG_QUERY__NODE__NODE_STRING: return boolean_text(def->arg->string->sval).value_or(false);
      case PG_QUERY__NODE__NODE_INTEGER: return def->arg->integer->ival != 0;
      case PG_QUERY__NODE__NODE_BOOLEAN: return def->arg->boolean->boolval;
      default: return true;
    }
  }
  return false;
}

void copy(const PgQuery__CopyStmt* s, ReplayContext& ctx) {
  if (s->relation) {
    QualifiedName table = ctx.resolve_relation(s->relation);
    ctx.reference(relation_ref(table), s->is_from ? Access::Write : Access::Read);
    read_columns(table, s->attlist, s->n_attlist, ctx);
    if (s->where_clause) ReadWalker(ctx).walk_on_relation(s->where_clause, table);
  }
  collect_reads(s->query, ctx);
}

void call(const PgQuery__CallStmt* s, ReplayContext& ctx) {
  const PgQuery__FuncCall* f = s->funccall;
  if (!f) return;
  // There are no built-in procedures: an unqualified name is the search_path's.
  ctx.reference(function_ref(ctx.resolve_function(string_list(f->funcname, f->n_funcname))), Access::Read);
  ReadWalker(ctx).walk_all(f->args, f->n_args);
}

void vacuum(const PgQuery__VacuumStmt* s, ReplayContext& ctx) {
  for (size_t i = 0; i < s->n_rels; ++i) {
    if (s->rels[i]->node_case != PG_QUERY__NODE__NODE_VACUUM_RELATION) continue;
    const PgQuery__VacuumRelation* rel = s->rels[i]->vacuum_relation;
    if (!rel->relation) continue;
    QualifiedName table = ctx.resolve_relation(rel->relation);
    ctx.reference(relation_ref(table), Access::Read);
    read_columns(table, rel->va_cols, rel->n_va_cols, ctx);
  }
}

void cluster(const PgQuery__ClusterStmt* s, ReplayContext& ctx) {
  if (!s->relation) return;  // CLUSTER alone: every table clustered before
  QualifiedName table = ctx.resolve_relation(s->relation);
  ctx.reference(relation_ref(table), Access::Read);
  if (has_text(s->indexname)) ctx.reference(relation_ref({table.schema, s->indexname}), Access::Read);
}

void reindex(const PgQuery__ReindexStmt* s, ReplayContext& ctx) {
  switch (s->kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX:
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE: read_relation(s->relation, Access::Read, ctx); break;
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA:
      if (has_text(s->name)) ctx.reference(schema_ref(s->name), Access::Read);
      break;
    default: break;  // SYSTEM, DATABASE
  }
}

void each_relation(PgQuery__Node* const* relations, size_t n, Access access, ReplayContext& ctx) {
  for (size_t i = 0; i < n; ++i)
    if (relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) read_relation(relations[i]->range_var, access, ctx);
}

}  // namespace

void collect_reads(const PgQuery__Node* node, ReplayContext& ctx) {
  if (node) ReadWalker(ctx).walk(node);
}

void collect_reads_on(const PgQuery__Node* expr, const QualifiedName& relation, ReplayContext& ctx) {
  if (expr) ReadWalker(ctx).walk_on_relation(expr, relation);
}

bool replay_data_statement(const PgQuery__Node* stmt, ReplayContext& ctx) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT:
      if (stmt->select_stmt->into_clause) return false;  // SELECT … INTO creates a table
      collect_reads(stmt, ctx);
      if (ctx.execute) apply_select_settings(stmt->select_stmt, ctx);
      return true;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_MERGE_STMT:
      collect_reads(stmt, ctx);
      return true;
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
      each_relation(stmt->truncate_stmt->relations, stmt->truncate_stmt->n_relations, Access::Write, ctx);
      return true;
    case PG_QUERY__NODE__NODE_LOCK_STMT:
      each_relation(stmt->lock_stmt->relations, stmt->lock_stmt->n_relations, Access::Read, ctx);
      return true;
    case PG_QUERY__NODE__NODE_COPY_STMT: copy(stmt->copy_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_CALL_STMT: call(stmt->call_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
      ReadWalker(ctx, explain_runs(stmt->explain_stmt) ? Access::Write : Access::Read).walk(stmt->explain_stmt->query);
      return true;
    case PG_QUERY__NODE__NODE_VACUUM_STMT: vacuum(stmt->vacuum_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_CLUSTER_STMT: cluster(stmt->cluster_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_REINDEX_STMT: reindex(stmt->reindex_stmt, ctx); return true;
    case PG_QUERY__NODE__NODE_PREPARE_STMT: collect_reads(stmt->prepare_stmt->query, ctx); return true;
    case PG_QUERY__NODE__NODE_EXECUTE_STMT:
      ReadWalker(ctx).walk_all(stmt->execute_stmt->params, stmt->execute_stmt->n_params);
      return true;
    case PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT: collect_reads(stmt->declare_cursor_stmt->query, ctx); return true;
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
      if (ctx.execute) apply_variable_set(stmt->variable_set_stmt, ctx.session);
      return true;
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
      if (ctx.execute) apply_transaction(stmt->transaction_stmt, ctx.session);
      return true;
    case PG_QUERY__NODE__NODE_DISCARD_STMT:
      if (ctx.execute && stmt->discard_stmt->target == PG_QUERY__DISCARD_MODE__DISCARD_ALL)
        reset_all_settings(ctx.session);
      return true;
    // Modelled, with nothing to record: they change neither the schema nor the settings kept.
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
    case PG_QUERY__NODE__NODE_NOTIFY_STMT:
    case PG_QUERY__NODE__NODE_LISTEN_STMT:
    case PG_QUERY__NODE__NODE_UNLISTEN_STMT:
    case PG_QUERY__NODE__NODE_CHECK_POINT_STMT:
    case PG_QUERY__NODE__NODE_DEALLOCATE_STMT:
    case PG_QUERY__NODE__NODE_FETCH_STMT:
    case PG_QUERY__NODE__NODE_CLOSE_PORTAL_STMT:
    case PG_QUERY__NODE__NODE_CONSTRAINTS_SET_STMT:
      return true;
    default: return false;
  }
}

}  // namespace migc
