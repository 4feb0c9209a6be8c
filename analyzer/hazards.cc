// assess_hazards: hands each statement kind to what judges it. ALTER TABLE, DROP/TRUNCATE and
// queries have their own modules; the statements that only lock, rewrite or scan are here.
#include <algorithm>

#include "analyzer/alter_table_hazards.h"
#include "analyzer/drop_hazards.h"
#include "analyzer/hazard_collector.h"
#include "analyzer/query_locks.h"
#include "analyzer/relation_edits.h"
#include "analyzer/session_settings.h"
#include "analyzer/sql_tree.h"

namespace migc {

namespace {

// The value of a boolean option (VACUUM (FULL), REINDEX (CONCURRENTLY)): bare means true.
bool option_is_on(const PgQuery__Node* option, std::string_view name) {
  if (option->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || option->def_elem->defname != name) return false;
  const PgQuery__Node* arg = option->def_elem->arg;
  if (!arg) return true;
  if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival != 0;
  if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return arg->boolean->boolval;
  if (arg->node_case == PG_QUERY__NODE__NODE_STRING) return boolean_text(arg->string->sval).value_or(true);
  if (arg->node_case == PG_QUERY__NODE__NODE_A_CONST) {
    const PgQuery__AConst* c = arg->a_const;
    if (c->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL) return c->boolval->boolval;
    if (c->val_case == PG_QUERY__A__CONST__VAL_IVAL) return c->ival->ival != 0;
  }
  return true;
}

bool has_option(PgQuery__Node* const* options, size_t n, std::string_view name) {
  for (size_t i = 0; i < n; ++i)
    if (option_is_on(options[i], name)) return true;
  return false;
}

// Dotted names (COMMENT ON, DROP TRIGGER) minus the member name at the end: the table.
std::vector<std::string> table_part(std::vector<std::string> parts) {
  if (!parts.empty()) parts.pop_back();
  return parts;
}

void assess_create_table(const PgQuery__CreateStmt& stmt, HazardCollector& out) {
  ReplayContext& ctx = out.ctx();
  QualifiedName table = range_var_name(stmt.relation, ctx.default_schema());
  auto lock_parent_of_key = [&](const PgQuery__Node* n) {
    if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT ||
        n->constraint->contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
      return;
    QualifiedName parent = ctx.resolve_relation(n->constraint->pktable);
    if (parent != table) out.lock(parent, LockMode::ShareRowExclusive);  // it gets the FK triggers
  };
  for (size_t i = 0; i < stmt.n_table_elts; ++i) {
    const PgQuery__Node* elt = stmt.table_elts[i];
    if (elt->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
      for (size_t k = 0; k < elt->column_def->n_constraints; ++k) lock_parent_of_key(elt->column_def->constraints[k]);
    else if (elt->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE)
      out.lock(ctx.resolve_relation(elt->table_like_clause->relation), LockMode::AccessShare);
    else
      lock_parent_of_key(elt);
  }
  for (size_t i = 0; i < stmt.n_constraints; ++i) lock_parent_of_key(stmt.constraints[i]);
  for (size_t i = 0; i < stmt.n_inh_relations; ++i) {
    if (stmt.inh_relations[i]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
    QualifiedName parent = ctx.resolve_relation(stmt.inh_relations[i]->range_var);
    if (!stmt.partbound) {
      out.lock(parent, LockMode::ShareUpdateExclusive);  // INHERITS
      continue;
    }
    out.lock(parent, LockMode::AccessExclusive);
    const Relation* d = default_partition_of(ctx.catalog, parent);
    if (d && !stmt.partbound->is_default) {
      out.lock(d->name, LockMode::AccessExclusive);
      out.add(HazardKind::Scan, d->name,
              "CREATE TABLE … PARTITION OF scans the default partition " + display_name(d->name) + " for rows of " +
                  display_name(table));
    }
  }
}

void assess_create_index(const PgQuery__IndexStmt& stmt, HazardCollector& out) {
  QualifiedName table = out.ctx().resolve_relation(stmt.relation);
  out.lock_with_descendants(table, stmt.concurrent ? LockMode::ShareUpdateExclusive : LockMode::Share,
                            stmt.relation->inh, true);
  bool exists = stmt.idxname && *stmt.idxname && out.catalog().relation({table.schema, stmt.idxname});
  if (stmt.if_not_exists && exists) return;
  out.add(HazardKind::Scan, table,
          stmt.concurrent ? "CREATE INDEX CONCURRENTLY scans " + display_name(table) + " twice to build its index"
                          : "CREATE INDEX scans " + display_name(table) + " to build its index");
}

void assess_vacuum(const PgQuery__VacuumStmt& stmt, HazardCollector& out) {
  bool full = stmt.is_vacuumcmd && has_option(stmt.options, stmt.n_options, "full");
  for (size_t i = 0; i < stmt.n_rels; ++i) {
    if (stmt.rels[i]->node_case != PG_QUERY__NODE__NODE_VACUUM_RELATION) continue;
    const PgQuery__RangeVar* rv = stmt.rels[i]->vacuum_relation->relation;
    if (!rv) continue;
    QualifiedName table = out.ctx().resolve_relation(rv);
    out.lock(table, full ? LockMode::AccessExclusive : LockMode::ShareUpdateExclusive);
    if (full) out.add(HazardKind::Rewrite, table, "VACUUM FULL rewrites " + display_name(table) + " and its indexes");
  }
}

void assess_cluster(const PgQuery__ClusterStmt& stmt, HazardCollector& out) {
  if (!stmt.relation) return;  // every table clustered before: not known here
  QualifiedName table = out.ctx().resolve_relation(stmt.relation);
  out.lock(table, LockMode::AccessExclusive);
  out.add(HazardKind::Rewrite, table, "CLUSTER rewrites " + display_name(table) + " and its indexes");
}

void reindex_table(const QualifiedName& table, bool concurrently, HazardCollector& out) {
  out.lock(table, concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share);
  for (const Relation* index : indexes_of(out.ctx().catalog, table))
    out.lock(index->name, concurrently ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
  out.add(HazardKind::Scan, table, "REINDEX scans " + display_name(table) + " to rebuild its indexes");
}

void assess_reindex(const PgQuery__ReindexStmt& stmt, HazardCollector& out) {
  ReplayContext& ctx = out.ctx();
  bool concurrently = has_option(stmt.params, stmt.n_params, "concurrently");
  switch (stmt.kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX: {
      QualifiedName index = ctx.resolve_relation(stmt.relation);
      const Relation* r = ctx.catalog.relation(index);
      if (r && !r->index.table.name.empty()) {
        out.lock(r->index.table, concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share);
        out.add(HazardKind::Scan, r->index.table,
                "REINDEX scans " + display_name(r->index.table) + " to rebuild " + display_name(index));
      }
      out.lock(index, concurrently ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
      break;
    }
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE:
      reindex_table(ctx.resolve_relation(stmt.relation), concurrently, out);
      break;
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA:
      for (const auto& [name, r] : ctx.catalog.relations)
        if (name.schema == stmt.name && (r.kind == RelKind::Table || r.kind == RelKind::MaterializedView))
          reindex_table(name, concurrently, out);
      break;
    default: break;  // SYSTEM, DATABASE: not modelled
  }
}

void assess_refresh(const PgQuery__RefreshMatViewStmt& stmt, HazardCollector& out) {
  QualifiedName view = out.ctx().resolve_relation(stmt.relation);
  out.lock(view, stmt.concurrent ? LockMode::Exclusive : LockMode::AccessExclusive);
  if (!stmt.concurrent) out.add(HazardKind::Rewrite, view, "REFRESH MATERIALIZED VIEW rewrites " + display_name(view));
  const Relation* r = out.catalog().relation(view);
  if (!r || r->query.empty() || stmt.skip_data) return;
  SqlTree query(r->query);  // runs the view's query: its tables are read
  for (size_t i = 0; i < query.size(); ++i) lock_query(query.statement(i), out);
}

void assess_lock(const PgQuery__LockStmt& stmt, HazardCollector& out) {
  // LOCK's mode numbers are PostgreSQL's lock levels 1 (ACCESS SHARE) … 8 (ACCESS EXCLUSIVE).
  LockMode mode = stmt.mode >= 1 && stmt.mode <= 8 ? static_cast<LockMode>(stmt.mode - 1) : LockMode::AccessExclusive;
  for (size_t i = 0; i < stmt.n_relations; ++i)
    if (stmt.relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      const PgQuery__RangeVar* rv = stmt.relations[i]->range_var;
      out.lock_with_descendants(out.ctx().resolve_relation(rv), mode, rv->inh);
    }
}

void assess_comment(const PgQuery__CommentStmt& stmt, HazardCollector& out) {
  if (!stmt.object || stmt.object->node_case != PG_QUERY__NODE__NODE_LIST) return;
  auto parts = string_list(stmt.object->list->items, stmt.object->list->n_items);
  ReplayContext& ctx = out.ctx();
  switch (stmt.objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
      out.lock(ctx.resolve_relation(parts), LockMode::ShareUpdateExclusive);
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
      out.lock(ctx.resolve_relation(table_part(parts)), LockMode::ShareUpdateExclusive);
      break;
    // Comments on a table's members only read the table (measured on PostgreSQL 15).
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
    case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
      out.lock(ctx.resolve_relation(table_part(parts)), LockMode::AccessShare);
      break;
    default: break;
  }
}

void assess_rename(const PgQuery__RenameStmt& stmt, HazardCollector& out) {
  if (!stmt.relation) return;  // not a relation or one of its members
  QualifiedName relation = out.ctx().resolve_relation(stmt.relation);
  switch (stmt.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: out.lock(relation, LockMode::ShareUpdateExclusive); break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
      out.lock(relation, LockMode::AccessExclusive);
      const Relation* r = out.catalog().relation(relation);
      const Constraint* c = r ? r->constraint(stmt.subname) : nullptr;
      if (c && !c->index.empty()) out.lock({relation.schema, c->index}, LockMode::ShareUpdateExclusive);
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
    case PG_QUERY__OBJECT_TYPE__OBJECT_RULE: out.lock(relation, LockMode::AccessExclusive); break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:  // renamed in the children too
      out.lock_with_descendants(relation, LockMode::AccessExclusive, stmt.relation->inh);
      break;
    default: break;
  }
}

void assess_add_enum_value(const PgQuery__AlterEnumStmt& stmt, HazardCollector& out) {
  if (stmt.old_val && *stmt.old_val) return;  // RENAME VALUE can be renamed back
  ReplayContext& ctx = out.ctx();
  QualifiedName type = ctx.resolve_type(string_list(stmt.type_name, stmt.n_type_name));
  const TypeDef* t = ctx.catalog.type(type);
  std::string label = stmt.new_val;
  if (t && stmt.skip_if_new_val_exists && std::count(t->labels.begin(), t->labels.end(), label)) return;
  std::string quoted = "'";
  for (char c : label) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  quoted += "'";
  out.add(HazardKind::Irreversible,
          "adds value " + quoted + " to enum " + display_name(type) + ": enum values cannot be removed",
          t ? ctx.age_of(t->provenance) : RelationAge::Live);
}

void assess_update(const PgQuery__UpdateStmt& stmt, HazardCollector& out) {
  QualifiedName table = out.ctx().resolve_relation(stmt.relation);
  if (!stmt.where_clause)
    out.add(HazardKind::DataLoss, table, "UPDATE without WHERE changes every row of " + display_name(table));
  out.add(HazardKind::Irreversible, table,
          "UPDATE changes rows of " + display_name(table) + ": a rollback cannot restore the old values");
}

void assess_delete(const PgQuery__DeleteStmt& stmt, HazardCollector& out) {
  QualifiedName table = out.ctx().resolve_relation(stmt.relation);
  if (!stmt.where_clause)
    out.add(HazardKind::DataLoss, table, "DELETE without WHERE deletes every row of " + display_name(table));
  out.add(HazardKind::Irreversible, table,
          "DELETE removes rows of " + display_name(table) + ": a rollback cannot bring them back");
}

void assess_merge(const PgQuery__MergeStmt& stmt, HazardCollector& out) {
  for (size_t i = 0; i < stmt.n_merge_when_clauses; ++i) {
    const PgQuery__Node* n = stmt.merge_when_clauses[i];
    if (n->node_case != PG_QUERY__NODE__NODE_MERGE_WHEN_CLAUSE) continue;
    auto command = n->merge_when_clause->command_type;
    if (command == PG_QUERY__CMD_TYPE__CMD_UPDATE || command == PG_QUERY__CMD_TYPE__CMD_DELETE) {
      QualifiedName table = out.ctx().resolve_relation(stmt.relation);
      out.add(HazardKind::Irreversible, table,
              "MERGE changes rows of " + display_name(table) + ": a rollback cannot restore the old values");
      return;
    }
  }
}

void assess_copy(const PgQuery__CopyStmt& stmt, HazardCollector& out) {
  if (stmt.query) lock_query(stmt.query, out);
  if (!stmt.relation) return;
  QualifiedName table = out.ctx().resolve_relation(stmt.relation);
  if (stmt.is_from)
    lock_row_write(table, RowWrite::Insert, {}, out);
  else
    out.lock(table, LockMode::AccessShare);
}

}  // namespace

void assess_hazards(const PgQuery__Node* stmt, ReplayContext& ctx) {
  HazardCollector out(ctx);
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: assess_alter_table(*stmt->alter_table_stmt, out); break;
    case PG_QUERY__NODE__NODE_DROP_STMT: assess_drop(*stmt->drop_stmt, out); break;
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT: assess_truncate(*stmt->truncate_stmt, out); break;
    case PG_QUERY__NODE__NODE_CREATE_STMT: assess_create_table(*stmt->create_stmt, out); break;
    case PG_QUERY__NODE__NODE_INDEX_STMT: assess_create_index(*stmt->index_stmt, out); break;
    case PG_QUERY__NODE__NODE_VACUUM_STMT: assess_vacuum(*stmt->vacuum_stmt, out); break;
    case PG_QUERY__NODE__NODE_CLUSTER_STMT: assess_cluster(*stmt->cluster_stmt, out); break;
    case PG_QUERY__NODE__NODE_REINDEX_STMT: assess_reindex(*stmt->reindex_stmt, out); break;
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: assess_refresh(*stmt->refresh_mat_view_stmt, out); break;
    case PG_QUERY__NODE__NODE_LOCK_STMT: assess_lock(*stmt->lock_stmt, out); break;
    case PG_QUERY__NODE__NODE_COMMENT_STMT: assess_comment(*stmt->comment_stmt, out); break;
    case PG_QUERY__NODE__NODE_RENAME_STMT: assess_rename(*stmt->rename_stmt, out); break;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: assess_add_enum_value(*stmt->alter_enum_stmt, out); break;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      out.lock(ctx.resolve_relation(stmt->create_trig_stmt->relation), LockMode::ShareRowExclusive);
      break;
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      out.lock(ctx.resolve_relation(stmt->create_policy_stmt->table), LockMode::AccessExclusive);
      break;
    case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
      out.lock(ctx.resolve_relation(stmt->alter_policy_stmt->table), LockMode::AccessExclusive);
      break;
    case PG_QUERY__NODE__NODE_RULE_STMT:
      out.lock(ctx.resolve_relation(stmt->rule_stmt->relation), LockMode::AccessExclusive);
      break;
    case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
      for (size_t i = 0; i < stmt->create_stats_stmt->n_relations; ++i) {
        const PgQuery__Node* rel = stmt->create_stats_stmt->relations[i];
        if (rel->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
          out.lock(ctx.resolve_relation(rel->range_var), LockMode::ShareUpdateExclusive);
      }
      break;
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
      if (stmt->alter_object_schema_stmt->relation)
        out.lock(ctx.resolve_relation(stmt->alter_object_schema_stmt->relation), LockMode::AccessExclusive);
      break;
    case PG_QUERY__NODE__NODE_VIEW_STMT: {
      const PgQuery__ViewStmt* view = stmt->view_stmt;
      QualifiedName name = ctx.resolve_relation(view->view);
      if (view->replace && ctx.catalog.relation(name)) out.lock(name, LockMode::AccessExclusive);
      lock_query(view->query, out);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: lock_query(stmt->create_table_as_stmt->query, out); break;
    case PG_QUERY__NODE__NODE_COPY_STMT: assess_copy(*stmt->copy_stmt, out); break;
    case PG_QUERY__NODE__NODE_SELECT_STMT:
    case PG_QUERY__NODE__NODE_INSERT_STMT: lock_query(stmt, out); break;
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
      lock_query(stmt, out);
      assess_update(*stmt->update_stmt, out);
      break;
    case PG_QUERY__NODE__NODE_DELETE_STMT:
      lock_query(stmt, out);
      assess_delete(*stmt->delete_stmt, out);
      break;
    case PG_QUERY__NODE__NODE_MERGE_STMT:
      lock_query(stmt, out);
      assess_merge(*stmt->merge_stmt, out);
      break;
    default: break;
  }
}

}  // namespace migc
