#include "analyzer/alter_table_hazards.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "analyzer/check_proof.h"
#include "analyzer/deparse.h"
#include "analyzer/type_coercion.h"
#include "analyzer/volatility.h"

namespace migc {

namespace {

// The relation an ALTER TABLE works on.
struct Target {
  QualifiedName name;
  const Relation* rel = nullptr;  // nullptr: not in the catalog
  bool recurse = true;            // not ONLY: some commands reach partitions and inheritance children
  std::string text() const { return display_name(name); }
};

// Reloptions that change what queries see and so take ACCESS EXCLUSIVE; every other option
// (fillfactor, autovacuum_*, toast.*, parallel_workers, …) takes SHARE UPDATE EXCLUSIVE.
bool option_needs_access_exclusive(const PgQuery__Node* option) {
  if (option->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) return true;
  std::string_view name = option->def_elem->defname;
  return name == "user_catalog_table" || name == "security_barrier" || name == "security_invoker" ||
         name == "check_option" || name == "buffering";
}

bool is_serial(const PgQuery__TypeName* type) {
  auto names = string_list(type->names, type->n_names);
  if (names.size() != 1) return false;
  for (std::string_view serial : {"serial", "serial2", "serial4", "serial8", "smallserial", "bigserial"})
    if (names[0] == serial) return true;
  return false;
}

// The domain a format_type() text names, if the catalog has one.
const TypeDef* domain_named(const Catalog& catalog, std::string_view type_text) {
  for (const auto& [name, type] : catalog.types)
    if (type.kind == TypeKind::Domain && display_name(name) == type_text) return &type;
  return nullptr;
}

bool has_checks(const TypeDef* domain) { return domain && !domain->constraints.empty(); }

// How a value of `type_text` converts: as its domain's base type.
std::string coercion_type(const Catalog& catalog, const std::string& type_text) {
  const TypeDef* domain = domain_named(catalog, type_text);
  return domain ? domain->base_type : type_text;
}

bool is_column(const PgQuery__Node* n, std::string_view column) {
  while (n && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) n = n->type_cast->arg;
  if (!n || n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return false;
  auto fields = string_list(n->column_ref->fields, n->column_ref->n_fields);
  return fields.size() == 1 && fields[0] == column;
}

const PgQuery__Constraint* constraint_of(const PgQuery__Node* n) {
  return n && n->node_case == PG_QUERY__NODE__NODE_CONSTRAINT ? n->constraint : nullptr;
}

bool session_is_utc(const Session& session) {
  std::optional<std::string> zone;
  auto find = [&](const std::map<std::string, std::string>& settings) {
    for (const auto& [name, value] : settings) {
      std::string lower;
      for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "timezone") zone = value;
    }
  };
  find(session.settings);
  find(session.local_settings);  // SET LOCAL wins while its transaction lasts
  return zone && is_utc_timezone(*zone);
}

void assess_add_column(const Target& t, const PgQuery__ColumnDef& def, HazardCollector& out) {
  ReplayContext& ctx = out.ctx();
  std::string where = column_text(t.name, def.colname);
  std::string type = ctx.type_text(def.type_name);
  const PgQuery__Node* default_expr = def.raw_default;
  bool identity = def.identity && *def.identity, generated = def.generated && *def.generated;
  std::vector<std::string> scans;
  for (size_t i = 0; i < def.n_constraints; ++i) {
    const PgQuery__Constraint* c = constraint_of(def.constraints[i]);
    if (!c) continue;
    switch (c->contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: default_expr = c->raw_expr; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY: identity = true; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED: generated = true; break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
        // The new column is all NULL: no rows to check, but the parent gets the FK triggers.
        out.lock(ctx.resolve_relation(c->pktable), LockMode::ShareRowExclusive);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
        scans.push_back(std::string(c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ? "PRIMARY KEY" : "UNIQUE") +
                        " on new column " + where + " scans " + t.text() + " to build its index");
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        scans.push_back("CHECK on new column " + where + " scans " + t.text() + " to check every row");
        break;
      default: break;
    }
  }
  std::string rewrite;
  const TypeDef* domain = domain_named(ctx.catalog, type);
  if (generated)
    rewrite = "stored generated column " + where + " rewrites " + t.text();
  else if (identity)
    rewrite = "identity column " + where + " rewrites " + t.text();
  else if (is_serial(def.type_name))
    rewrite =
        string_list(def.type_name->names, def.type_name->n_names)[0] + " column " + where + " rewrites " + t.text();
  else if (default_expr && ctx.pg_version_num < 110000)
    rewrite = "default on new column " + where + " rewrites " + t.text() + " before PostgreSQL 11";
  else if (default_expr && first_volatile_call(default_expr, ctx.catalog, ctx.session.search_path))
    rewrite = "volatile default " + deparse_expression(default_expr) + " rewrites " + t.text();
  else if (has_checks(domain))
    rewrite = "column " + where + " of domain " + type + " with a CHECK rewrites " + t.text();
  if (!rewrite.empty()) {
    out.add(HazardKind::Rewrite, t.name, rewrite);
    return;  // a rewrite reads every row anyway
  }
  for (auto& scan : scans) out.add(HazardKind::Scan, t.name, std::move(scan));
}

// Whether the USING INDEX's key columns are all NOT NULL already (PRIMARY KEY then needs no scan).
bool index_keys_not_null(const Target& t, const Catalog& catalog, const std::string& index) {
  const Relation* idx = catalog.relation({t.name.schema, index});
  if (!t.rel || !idx) return false;
  return std::all_of(idx->index.keys.begin(), idx->index.keys.end(), [&](const std::string& key) {
    const Column* c = t.rel->column(key);
    return c && c->not_null;
  });
}

void assess_add_constraint(const Target& t, const PgQuery__Constraint& c, HazardCollector& out) {
  std::string table = t.text();
  switch (c.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      if (!c.skip_validation) out.add(HazardKind::Scan, t.name, "ADD CHECK scans " + table + " to check every row");
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: {
      QualifiedName parent = out.ctx().resolve_relation(c.pktable);
      out.lock(parent, LockMode::ShareRowExclusive);
      if (c.skip_validation) break;
      out.add(HazardKind::Scan, t.name, "ADD FOREIGN KEY scans " + table + " to check every row");
      out.add(HazardKind::Scan, parent,
              "ADD FOREIGN KEY scans " + display_name(parent) + " to match the rows of " + table);
      break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: {
      bool primary = c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
      std::string what = primary ? "ADD PRIMARY KEY" : "ADD UNIQUE";
      if (!c.indexname || !*c.indexname) {
        out.add(HazardKind::Scan, t.name, what + " scans " + table + " to build its index");
      } else if (primary && !index_keys_not_null(t, out.catalog(), c.indexname)) {
        // The implicit SET NOT NULL of the key columns checks every row.
        out.add(HazardKind::Scan, t.name, what + " USING INDEX scans " + table + " to check its columns for NULLs");
      }
      break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      out.add(HazardKind::Scan, t.name, "ADD EXCLUDE scans " + table + " to build its index");
      break;
    default: break;
  }
}

void assess_set_not_null(const Target& t, const std::string& column, HazardCollector& out) {
  if (t.rel) {
    const Column* c = t.rel->column(column);
    if (c && c->not_null) return;  // already NOT NULL: nothing to check
    // From PostgreSQL 12 a validated CHECK (column IS NOT NULL) is proof enough.
    if (out.ctx().pg_version_num >= 120000 && CheckFacts(*t.rel).proves_not_null(column)) return;
  }
  out.add(HazardKind::Scan, t.name, "SET NOT NULL scans " + t.text() + " to check every row", HazardCause::SetNotNull,
          column);
}

// The foreign keys that use `column` of the target, each with the table at its other end: its
// own keys on the column and, when `referencing`, other tables' keys pointing at it.
std::vector<std::pair<const Constraint*, QualifiedName>> key_partners(const Target& t, const std::string& column,
                                                                      const Catalog& catalog, bool referencing) {
  std::vector<std::pair<const Constraint*, QualifiedName>> out;
  if (!t.rel) return out;
  for (const Constraint& fk : t.rel->constraints)
    if (fk.type == 'f' && std::count(fk.columns.begin(), fk.columns.end(), column)) out.emplace_back(&fk, fk.ref_table);
  if (!referencing) return out;
  for (const auto& [child, fk] : referencing_keys(catalog, t.name)) {
    std::vector<std::string> key = referenced_key(t.rel, *fk);
    if (std::count(key.begin(), key.end(), column)) out.emplace_back(fk, child->name);
  }
  return out;
}

void assess_drop_column(const Target& t, const PgQuery__AlterTableCmd& cmd, HazardCollector& out) {
  if (cmd.missing_ok && t.rel && !t.rel->column(cmd.name)) return;  // IF EXISTS of nothing
  std::string where = column_text(t.name, cmd.name);
  // The foreign keys on it go too, locking the tables at their other end (CASCADE: both sides).
  bool cascade = cmd.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  for (const auto& [fk, other] : key_partners(t, cmd.name, out.catalog(), cascade))
    out.lock(other, LockMode::AccessExclusive);
  out.add(HazardKind::DataLoss, t.name, "drops column " + where, HazardCause::DropColumn, cmd.name);
  out.add(HazardKind::Irreversible, t.name, "drops column " + where + ": a rollback brings it back empty",
          HazardCause::DropColumn, cmd.name);
}

void assess_validate(const Target& t, const std::string& name, HazardCollector& out) {
  const Constraint* c = t.rel ? t.rel->constraint(name) : nullptr;
  if (c && c->validated) return;  // VALIDATE of a valid constraint does nothing
  out.add(HazardKind::Scan, t.name, "VALIDATE CONSTRAINT scans " + t.text() + " to check every row");
  if (c && c->type == 'f') {
    out.lock(c->ref_table, LockMode::RowShare);
    out.add(HazardKind::Scan, c->ref_table,
            "VALIDATE CONSTRAINT scans " + display_name(c->ref_table) + " to match the rows of " + t.text());
  }
}

void assess_drop_constraint(const Target& t, const PgQuery__AlterTableCmd& cmd, HazardCollector& out) {
  const Constraint* c = t.rel ? t.rel->constraint(cmd.name) : nullptr;
  if (!c) return;
  // Dropping a foreign key removes its triggers from the parent too.
  if (c->type == 'f') out.lock(c->ref_table, LockMode::AccessExclusive);
  // CASCADE drops the foreign keys that need this key, locking their tables.
  if ((c->type == 'p' || c->type == 'u') && cmd.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
    for (const auto& [child, fk] : referencing_keys(out.catalog(), t.name))
      if (referenced_key(t.rel, *fk) == c->columns)
        out.lock(child->name, LockMode::AccessExclusive);
}

// A type change drops and re-creates the foreign keys on the column, from either side: ACCESS
// EXCLUSIVE on the other table, and when the rows were rewritten the key is checked again.
void recheck_foreign_keys(const Target& t, const std::string& column, bool rewritten, HazardCollector& out) {
  std::string where = column_text(t.name, column);
  for (const auto& [fk, other] : key_partners(t, column, out.catalog(), true)) {
    out.lock(other, LockMode::AccessExclusive);
    if (rewritten)
      out.add(
          HazardKind::Scan, other,
          "changing " + where + " re-checks foreign key " + quote_ident(fk->name) + ": scans " + display_name(other));
  }
}

void assess_type_change(const Target& t, const PgQuery__AlterTableCmd& cmd, HazardCollector& out) {
  ReplayContext& ctx = out.ctx();
  const PgQuery__ColumnDef* def = cmd.def->column_def;
  std::string where = column_text(t.name, cmd.name);
  std::string to = ctx.type_text(def->type_name);
  const Column* old = t.rel ? t.rel->column(cmd.name) : nullptr;
  std::string from_text = old ? " from " + old->type : "";
  if (def->raw_default && !is_column(def->raw_default, cmd.name)) {
    std::string using_text = " USING " + deparse_expression(def->raw_default);
    out.add(HazardKind::Rewrite, t.name,
            "changes " + where + from_text + " to " + to + using_text + ": rewrites the table and its indexes",
            HazardCause::ColumnType, cmd.name);
    out.add(HazardKind::DataLoss, t.name, "replaces every value of " + where + using_text);
    out.add(HazardKind::Irreversible, t.name,
            "converts " + where + " to " + to + using_text + ": a rollback cannot restore the old values");
    recheck_foreign_keys(t, cmd.name, true, out);
    return;
  }
  if (!old) {
    out.add(HazardKind::Rewrite, t.name,
            "changes " + where + " to " + to +
                ": rewrites the table and its indexes unless the old type converts in place",
            HazardCause::ColumnType, cmd.name);
    return;
  }
  TypeChange change = classify_type_change(coercion_type(ctx.catalog, old->type), coercion_type(ctx.catalog, to),
                                           session_is_utc(ctx.session), ctx.pg_version_num);
  // Converting into a domain with CHECKs tests every value, which PostgreSQL does by rewriting.
  if (old->type != to && has_checks(domain_named(ctx.catalog, to))) change.rewrite = true;
  std::string change_text = where + " from " + old->type + " to " + to;
  if (change.rewrite)
    out.add(HazardKind::Rewrite, t.name, "changes " + change_text + ": rewrites the table and its indexes",
            HazardCause::ColumnType, cmd.name);
  if (change.narrowing) {
    out.add(HazardKind::DataLoss, t.name, "narrows " + change_text);
    out.add(HazardKind::Irreversible, t.name, "narrows " + change_text + ": a rollback cannot restore the cut values");
  }
  recheck_foreign_keys(t, cmd.name, change.rewrite, out);
}

void assess_attach_partition(const Target& t, const PgQuery__PartitionCmd& cmd, HazardCollector& out) {
  const Catalog& catalog = out.catalog();
  QualifiedName partition = out.ctx().resolve_relation(cmd.name);
  out.lock(partition, LockMode::AccessExclusive);
  if (const Relation* d = default_partition_of(catalog, t.name)) {
    // Rows of the default partition that belong to the new one would be an error: it is scanned.
    out.lock(d->name, LockMode::AccessExclusive);
    out.add(HazardKind::Scan, d->name,
            "ATTACH PARTITION scans the default partition " + display_name(d->name) + " for rows of " +
                display_name(partition));
  }
  const Relation* p = catalog.relation(partition);
  bool proven =
      p && t.rel && cmd.bound && CheckFacts(*p).proves_bound(partition_key_columns(t.rel->partition_key), *cmd.bound);
  if (!proven)
    out.add(HazardKind::Scan, partition,
            "ATTACH PARTITION scans " + display_name(partition) + " to check the partition bound");
}

void assess_detach_partition(const Target& t, const PgQuery__PartitionCmd& cmd, HazardCollector& out) {
  QualifiedName partition = out.ctx().resolve_relation(cmd.name);
  out.lock(partition, cmd.concurrent ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
  const Relation* d = default_partition_of(out.catalog(), t.name);
  if (d && !cmd.concurrent) out.lock(d->name, LockMode::AccessExclusive);  // its constraint changes
}

// Subcommands that PostgreSQL repeats on every partition and inheritance child (measured on 15:
// the others, such as ATTACH PARTITION, REPLICA IDENTITY, SET (…), ENABLE TRIGGER, lock the
// named table only).
bool reaches_descendants(PgQuery__AlterTableType subtype) {
  switch (subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression: return true;
    default: return false;
  }
}

void assess_command(const Target& t, const PgQuery__AlterTableCmd& cmd, PgQuery__ObjectType objtype,
                    HazardCollector& out) {
  out.lock_with_descendants(t.name, alter_table_command_lock(cmd), t.recurse && reaches_descendants(cmd.subtype));
  std::string table = t.text();
  const PgQuery__Node* def = cmd.def;
  switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
      if (!def || def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) break;
      if (cmd.missing_ok && t.rel && t.rel->column(def->column_def->colname)) break;  // IF NOT EXISTS of a column there
      assess_add_column(t, *def->column_def, out);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull: assess_set_not_null(t, cmd.name, out); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn: assess_drop_column(t, cmd, out); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
      if (const PgQuery__Constraint* c = constraint_of(def)) assess_add_constraint(t, *c, out);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint: assess_validate(t, cmd.name, out); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: assess_drop_constraint(t, cmd, out); break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
      if (def && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) assess_type_change(t, cmd, out);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged: {
      bool logged = cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged;
      if (t.rel && t.rel->unlogged != logged) break;  // already so: nothing to do
      out.add(HazardKind::Rewrite, t.name, std::string(logged ? "SET LOGGED" : "SET UNLOGGED") + " rewrites " + table,
              logged ? HazardCause::SetLogged : HazardCause::SetUnlogged);
      break;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
      out.add(HazardKind::Rewrite, t.name, "SET ACCESS METHOD rewrites " + table);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
      out.add(HazardKind::Rewrite, t.name,
              "SET TABLESPACE copies " + table + " to tablespace " + quote_ident(cmd.name));
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
      if (!def || def->node_case != PG_QUERY__NODE__NODE_PARTITION_CMD) break;
      if (objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX)  // ALTER INDEX … ATTACH PARTITION
        out.lock(out.ctx().resolve_relation(def->partition_cmd->name), LockMode::AccessExclusive);
      else
        assess_attach_partition(t, *def->partition_cmd, out);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
      if (def && def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD)
        assess_detach_partition(t, *def->partition_cmd, out);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
      if (def && def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD)
        out.lock(out.ctx().resolve_relation(def->partition_cmd->name), LockMode::ShareUpdateExclusive);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit:
      if (def && def->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
        out.lock(out.ctx().resolve_relation(def->range_var), cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit
                                                                 ? LockMode::ShareUpdateExclusive
                                                                 : LockMode::AccessShare);
      break;
    default: break;
  }
}

}  // namespace

LockMode alter_table_command_lock(const PgQuery__AlterTableCmd& cmd) {
  switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser: return LockMode::ShareRowExclusive;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: {
      const PgQuery__Constraint* c = constraint_of(cmd.def);
      // A foreign key only adds triggers, which CREATE TRIGGER does at this level.
      return c && c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN ? LockMode::ShareRowExclusive
                                                                      : LockMode::AccessExclusive;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize: return LockMode::ShareUpdateExclusive;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
      return cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD && cmd.def->partition_cmd->concurrent
                 ? LockMode::ShareUpdateExclusive
                 : LockMode::AccessExclusive;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions: {
      if (!cmd.def || cmd.def->node_case != PG_QUERY__NODE__NODE_LIST) return LockMode::AccessExclusive;
      const PgQuery__List* options = cmd.def->list;
      bool strong = std::any_of(options->items, options->items + options->n_items, option_needs_access_exclusive);
      return strong ? LockMode::AccessExclusive : LockMode::ShareUpdateExclusive;
    }
    default: return LockMode::AccessExclusive;  // everything else, as PostgreSQL does
  }
}

void assess_alter_table(const PgQuery__AlterTableStmt& stmt, HazardCollector& out) {
  // ALTER TYPE … ADD ATTRIBUTE shares the statement but alters no table.
  if (stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE || !stmt.relation) return;
  Target t;
  t.name = out.ctx().resolve_relation(stmt.relation);
  t.rel = out.catalog().relation(t.name);
  t.recurse = stmt.relation->inh;
  if (stmt.missing_ok && !t.rel) return;  // IF EXISTS of a relation the history never made: a no-op
  for (size_t i = 0; i < stmt.n_cmds; ++i)
    if (stmt.cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
      assess_command(t, *stmt.cmds[i]->alter_table_cmd, stmt.objtype, out);
}

}  // namespace migc
