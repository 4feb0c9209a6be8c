// The entry point for tables, columns, constraints, indexes, sequences and partitions: which
// statements are this module's, and replaying those of function bodies without changing the
// catalog.
#include "analyzer/replay_relations.h"

namespace migc {

namespace {

// Object types whose DROP, RENAME and SET SCHEMA are relations'.
bool is_relation_type(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: return true;
    default: return false;
  }
}

bool owns(const PgQuery__Node* stmt) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_FOREIGN_TABLE_STMT:
    case PG_QUERY__NODE__NODE_INDEX_STMT:
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: return true;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: return stmt->alter_table_stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TYPE;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return stmt->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
    case PG_QUERY__NODE__NODE_SELECT_STMT: return stmt->select_stmt->into_clause != nullptr;
    case PG_QUERY__NODE__NODE_DROP_STMT: return is_relation_type(stmt->drop_stmt->remove_type);
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
      return stmt->alter_object_schema_stmt->object_type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX &&
             is_relation_type(stmt->alter_object_schema_stmt->object_type);
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
      const PgQuery__RenameStmt* r = stmt->rename_stmt;
      if (r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) return is_relation_type(r->relation_type);
      return r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT || is_relation_type(r->rename_type);
    }
    default: return false;
  }
}

void dispatch(const PgQuery__Node* stmt, ReplayContext& ctx) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: replay_create_table(stmt->create_stmt, RelKind::Table, ctx); break;
    case PG_QUERY__NODE__NODE_CREATE_FOREIGN_TABLE_STMT:
      replay_create_table(stmt->create_foreign_table_stmt->base_stmt, RelKind::ForeignTable, ctx);
      break;
    case PG_QUERY__NODE__NODE_INDEX_STMT: replay_create_index(stmt->index_stmt, ctx); break;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: replay_create_sequence(stmt->create_seq_stmt, ctx); break;
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: replay_alter_sequence(stmt->alter_seq_stmt, ctx); break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: replay_alter_table(stmt->alter_table_stmt, ctx); break;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const PgQuery__CreateTableAsStmt* s = stmt->create_table_as_stmt;
      replay_create_table_as(s->query, s->into, s->if_not_exists, ctx);
      break;
    }
    case PG_QUERY__NODE__NODE_SELECT_STMT: replay_create_table_as(stmt, stmt->select_stmt->into_clause, false, ctx); break;
    case PG_QUERY__NODE__NODE_DROP_STMT: replay_drop(stmt->drop_stmt, ctx); break;
    case PG_QUERY__NODE__NODE_RENAME_STMT: replay_rename(stmt->rename_stmt, ctx); break;
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: replay_set_schema(stmt->alter_object_schema_stmt, ctx); break;
    default: break;
  }
}

}  // namespace

bool replay_relation_statement(const PgQuery__Node* stmt, ReplayContext& ctx) {
  if (!owns(stmt)) return false;
  if (ctx.execute) {
    dispatch(stmt, ctx);
    return true;
  }
  // A statement in a function body changes nothing now; replaying it against a copy of the
  // catalog gives exactly the references it would record, which are the body's (deferred).
  Catalog scratch = ctx.catalog;
  ReplayContext body{scratch, ctx.session, ctx.out, ctx.migration, ctx.pg_version_num, true, ctx.applied};
  size_t first = ctx.out.references.size();
  dispatch(stmt, body);
  for (size_t i = first; i < ctx.out.references.size(); ++i) ctx.out.references[i].deferred = true;
  return true;
}

}  // namespace migc
