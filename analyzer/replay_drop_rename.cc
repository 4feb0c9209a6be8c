// DROP, RENAME and SET SCHEMA of relations, and the renames of columns and table constraints.
#include "analyzer/relation_edits.h"
#include "analyzer/replay_relations.h"

namespace migc {

namespace {

bool kind_matches(PgQuery__ObjectType type, RelKind kind) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return kind == RelKind::Table || kind == RelKind::PartitionedTable;
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return kind == RelKind::Index || kind == RelKind::PartitionedIndex;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return kind == RelKind::Sequence;
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return kind == RelKind::View;
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return kind == RelKind::MaterializedView;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: return kind == RelKind::ForeignTable;
    default: return false;
  }
}

// The relation a statement names, or null after noting why nothing happens.
Relation* named_relation(ReplayContext& ctx, const QualifiedName& name, bool missing_ok, Access access) {
  Relation* rel = ctx.catalog.relation(name);
  if (rel) return rel;
  if (missing_ok) {
    ctx.note(display_name(name) + " does not exist: IF EXISTS makes this a no-op");
    return nullptr;
  }
  ctx.reference(relation_ref(name), access);
  ctx.note(display_name(name) + " is not in the model: the change is not modelled");
  return nullptr;
}

}  // namespace

void replay_drop(const PgQuery__DropStmt* stmt, ReplayContext& ctx) {
  bool cascade = stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  for (size_t i = 0; i < stmt->n_objects; ++i) {
    const PgQuery__Node* object = stmt->objects[i];
    if (object->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    QualifiedName name = ctx.resolve_relation(string_list(object->list->items, object->list->n_items));
    Relation* rel = named_relation(ctx, name, stmt->missing_ok, Access::Drop);
    if (!rel) continue;
    if (!kind_matches(stmt->remove_type, rel->kind)) {
      ctx.reference(relation_ref(name), Access::Drop);
      ctx.note(display_name(name) + " is a " + std::string(relkind_name(rel->kind)) + ": PostgreSQL refuses this DROP");
      continue;
    }
    if ((rel->kind == RelKind::Index || rel->kind == RelKind::PartitionedIndex) && !rel->index.constraint.empty()) {
      ctx.reference(relation_ref(name), Access::Drop);
      ctx.note("PostgreSQL refuses to drop index " + display_name(name) + ": constraint " + rel->index.constraint +
               " requires it (drop the constraint instead)");
      continue;
    }
    drop_relation(ctx, name, cascade);
  }
}

void replay_rename(const PgQuery__RenameStmt* stmt, ReplayContext& ctx) {
  QualifiedName name = ctx.resolve_relation(stmt->relation);
  Relation* rel = named_relation(ctx, name, stmt->missing_ok, Access::Alter);
  if (!rel) return;
  std::string to = stmt->newname;
  switch (stmt->rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
      ctx.reference(relation_ref(name), Access::Alter);
      rename_column(ctx, *rel, stmt->subname, to, stmt->relation->inh);
      return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
      ctx.reference(relation_ref(name), Access::Alter);
      rename_constraint(ctx, *rel, stmt->subname, to, stmt->relation->inh);
      return;
    default: break;
  }
  // ALTER INDEX … RENAME renames the constraint the index backs as well.
  if (std::string constraint = rel->index.constraint; !constraint.empty())
    if (Relation* table = ctx.catalog.relation(rel->index.table)) {
      rename_constraint(ctx, *table, constraint, to, false);
      return;
    }
  move_relation(ctx, name, {name.schema, to});
}

void replay_set_schema(const PgQuery__AlterObjectSchemaStmt* stmt, ReplayContext& ctx) {
  QualifiedName name = ctx.resolve_relation(stmt->relation);
  ctx.reference(schema_ref(stmt->newschema), Access::Read);
  Relation* rel = named_relation(ctx, name, stmt->missing_ok, Access::Alter);
  if (!rel) return;
  // A table's indexes and owned sequences move with it.
  std::vector<std::string> along;
  for (Relation* index : indexes_of(ctx.catalog, name)) along.push_back(index->name.name);
  for (Relation* seq : owned_sequences(ctx.catalog, name)) along.push_back(seq->name.name);
  move_relation(ctx, name, {stmt->newschema, name.name});
  for (const std::string& member : along) move_relation(ctx, {name.schema, member}, {stmt->newschema, member});
}

}  // namespace migc
