#include "analyzer/drop_hazards.h"

#include <optional>
#include <set>

namespace migc {

namespace {

// The name parts of one DROP object: a dotted name list, a bare name (schemas) or a type name.
std::vector<std::string> object_parts(const PgQuery__Node* n) {
  switch (n->node_case) {
    case PG_QUERY__NODE__NODE_LIST: return string_list(n->list->items, n->list->n_items);
    case PG_QUERY__NODE__NODE_STRING: return {n->string->sval};
    case PG_QUERY__NODE__NODE_TYPE_NAME: return string_list(n->type_name->names, n->type_name->n_names);
    default: return {};
  }
}

bool is_table(const Relation* r) { return !r || r->kind == RelKind::Table || r->kind == RelKind::PartitionedTable; }

// DROP TABLE of `table` and its partitions; `cascade` also drops its inheritance children and
// the foreign keys that point at it, which locks their tables.
void drop_table(const QualifiedName& table, bool cascade, HazardCollector& out, std::set<QualifiedName>& dropped) {
  if (!dropped.insert(table).second) return;
  const Catalog& catalog = out.catalog();
  const Relation* r = catalog.relation(table);
  out.lock(table, LockMode::AccessExclusive);
  if (r)  // its foreign keys' triggers go from the parents too
    for (const Constraint& c : r->constraints)
      if (c.type == 'f' && c.ref_table != table) out.lock(c.ref_table, LockMode::AccessExclusive);
  if (cascade)
    for (const auto& [child, fk] : referencing_keys(catalog, table))
      if (child->name != table) out.lock(child->name, LockMode::AccessExclusive);
  out.add(HazardKind::DataLoss, table, "drops table " + display_name(table));
  out.add(HazardKind::Irreversible, table, "drops table " + display_name(table) + ": a rollback brings it back empty");
  for (const auto& below : descendants_of(out.ctx().catalog, table, !cascade)) drop_table(below, cascade, out, dropped);
}

// DROP TYPE … CASCADE drops every column of that type (or an array of it), except in tables the
// statement drops whole.
void drop_type_columns(const QualifiedName& type, HazardCollector& out, const std::set<QualifiedName>& dropped) {
  std::string type_text = display_name(type);
  for (const auto& [name, r] : out.catalog().relations) {
    if (!is_table(&r) || dropped.count(name)) continue;
    for (const Column& c : r.columns) {
      std::string_view column_type = c.type;
      while (column_type.ends_with("[]")) column_type.remove_suffix(2);
      if (column_type != type_text) continue;
      std::string where = column_text(name, c.name);
      out.lock(name, LockMode::AccessExclusive);
      out.add(HazardKind::DataLoss, name, "drops column " + where + " of type " + type_text, HazardCause::DropColumn,
              c.name);
      out.add(HazardKind::Irreversible, name, "drops column " + where + ": a rollback brings it back empty",
              HazardCause::DropColumn, c.name);
    }
  }
}

void drop_index(const QualifiedName& index, bool concurrently, HazardCollector& out) {
  LockMode mode = concurrently ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive;
  const Relation* r = out.catalog().relation(index);
  if (r && !r->index.table.name.empty()) out.lock(r->index.table, mode);
  out.lock(index, mode);
}

void drop_schema(const std::string& schema, HazardCollector& out, std::set<QualifiedName>& dropped) {
  const Catalog& catalog = out.catalog();
  for (const auto& [name, r] : catalog.relations) {
    if (name.schema != schema) continue;
    if (is_table(&r))
      drop_table(name, true, out, dropped);
    else
      out.lock(name, LockMode::AccessExclusive);
  }
  for (const auto& [name, type] : catalog.types)
    if (name.schema == schema) drop_type_columns(name, out, dropped);
}

// TRUNCATE of `table`, of what is below it unless ONLY, and with CASCADE of the tables whose
// foreign keys point at it.
void truncate_table(const QualifiedName& table, bool recurse, bool cascade, HazardCollector& out,
                    std::set<QualifiedName>& truncated) {
  if (!truncated.insert(table).second) return;
  std::string text = display_name(table);
  out.lock(table, LockMode::AccessExclusive);
  out.add(HazardKind::Rewrite, table, "TRUNCATE replaces " + text + " with new empty storage");
  out.add(HazardKind::DataLoss, table, "TRUNCATE deletes every row of " + text);
  out.add(HazardKind::Irreversible, table,
          "TRUNCATE deletes every row of " + text + ": a rollback cannot bring them back");
  if (recurse)
    for (const auto& below : descendants_of(out.ctx().catalog, table, false))
      truncate_table(below, false, cascade, out, truncated);
  if (cascade)
    for (const auto& [child, fk] : referencing_keys(out.catalog(), table))
      truncate_table(child->name, true, true, out, truncated);
}

}  // namespace

void assess_drop(const PgQuery__DropStmt& stmt, HazardCollector& out) {
  ReplayContext& ctx = out.ctx();
  bool cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  std::set<QualifiedName> dropped;
  for (size_t i = 0; i < stmt.n_objects; ++i) {
    std::vector<std::string> parts = object_parts(stmt.objects[i]);
    if (parts.empty()) continue;
    // The catalog holds the whole history: a relation it does not know is, under IF EXISTS,
    // most likely absent, and the DROP does nothing.
    auto relation = [&]() -> std::optional<QualifiedName> {
      QualifiedName q = ctx.resolve_relation(parts);
      if (stmt.missing_ok && !ctx.catalog.relation(q)) return std::nullopt;
      return q;
    };
    switch (stmt.remove_type) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        if (auto q = relation()) drop_table(*q, cascade, out, dropped);
        break;
      // Views keep no data, a materialized view can be refreshed again, a foreign table's data
      // lives elsewhere: only their lock matters.
      case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        if (auto q = relation()) out.lock(*q, LockMode::AccessExclusive);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
        if (auto q = relation()) drop_index(*q, stmt.concurrent, out);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
        // Without CASCADE a schema that still holds anything cannot be dropped.
        if (cascade) drop_schema(parts.back(), out, dropped);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
        if (cascade) drop_type_columns(ctx.resolve_type(parts), out, dropped);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
      case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
      case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
        parts.pop_back();  // [schema.]table.name: the table is locked
        if (!parts.empty()) out.lock(ctx.resolve_relation(parts), LockMode::AccessExclusive);
        break;
      default: break;
    }
  }
}

void assess_truncate(const PgQuery__TruncateStmt& stmt, HazardCollector& out) {
  bool cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  std::set<QualifiedName> truncated;
  for (size_t i = 0; i < stmt.n_relations; ++i)
    if (stmt.relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      const PgQuery__RangeVar* rv = stmt.relations[i]->range_var;
      truncate_table(out.ctx().resolve_relation(rv), rv->inh, cascade, out, truncated);
    }
}

}  // namespace migc
