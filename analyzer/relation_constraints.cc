// Table constraints and indexes: CHECK, PRIMARY KEY, UNIQUE, EXCLUDE, FOREIGN KEY, the indexes
// behind them and plain indexes, on a table and its partitions.
#include <algorithm>

#include "analyzer/object_identity.h"
#include "analyzer/references.h"
#include "analyzer/relation_edits.h"
#include "analyzer/stored_expressions.h"

namespace migc {

namespace {

// The key columns of a constraint written on a column (`column`) or as a table constraint.
std::vector<std::string> key_columns(const NewConstraint& nc, PgQuery__Node* const* keys, size_t n) {
  return n ? string_list(keys, n) : std::vector<std::string>{nc.column};
}

std::vector<std::string> quoted(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(quote_ident(n));
  return out;
}

bool same_column_set(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

bool same_index_definition(const IndexInfo& a, const IndexInfo& b) {
  return a.keys == b.keys && a.include == b.include && a.predicate == b.predicate && a.method == b.method &&
         a.unique == b.unique;
}

// Removes one constraint of one relation, with its index and the foreign keys of other tables
// that used that index.
void remove_constraint(ReplayContext& ctx, Relation& table, const std::string& name) {
  auto it = std::find_if(table.constraints.begin(), table.constraints.end(), [&](const Constraint& c) { return c.name == name; });
  if (it == table.constraints.end()) return;
  Constraint gone = *it;
  table.constraints.erase(it);
  ctx.reference(constraint_ref(table.name, name), Access::Drop);
  ctx.catalog.comments.erase(member_key("table constraint", name, table.name));
  touch(ctx, table);
  if (!gone.index.empty()) drop_relation(ctx, {table.name.schema, gone.index}, true);
  if (gone.type != 'p' && gone.type != 'u') return;
  for (auto& [other_name, other] : ctx.catalog.relations) {
    size_t dropped = std::erase_if(other.constraints, [&](const Constraint& c) {
      bool uses = c.type == 'f' && c.ref_table == table.name &&
                  (c.ref_columns.empty() ? gone.type == 'p' : same_column_set(c.ref_columns, gone.columns));
      if (uses) ctx.reference(constraint_ref(other_name, c.name), Access::Drop);
      return uses;
    });
    if (dropped) touch(ctx, other);
  }
}

// An index-backed constraint to create: the index, its role, and the constraint it backs.
struct IndexRequest {
  std::string name;  // "" = generated
  IndexInfo info;
  IndexRole role = IndexRole::Unique;
  Constraint constraint;
};

IndexRequest index_request(ReplayContext& ctx, const Relation& table, const NewConstraint& nc) {
  const PgQuery__Constraint* c = nc.def;
  IndexRequest r;
  r.name = c->conname;
  r.info.table = table.name;
  if (c->access_method && *c->access_method) r.info.method = c->access_method;
  r.info.include = string_list(c->including, c->n_including);
  r.constraint.deferrable = nc.deferrable;
  r.constraint.initially_deferred = nc.initially_deferred;
  if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) {
    r.role = IndexRole::Exclusion;
    r.constraint.type = 'x';
    for (size_t i = 0; i < c->n_exclusions; ++i) {
      const PgQuery__Node* pair = c->exclusions[i];
      if (pair->node_case != PG_QUERY__NODE__NODE_LIST || pair->list->n_items != 2 ||
          pair->list->items[0]->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM)
        continue;
      const PgQuery__IndexElem* elem = pair->list->items[0]->index_elem;
      const PgQuery__Node* ops = pair->list->items[1];
      std::string key = index_key_text(elem);
      std::string op;
      if (ops->node_case == PG_QUERY__NODE__NODE_LIST)
        for (const auto& part : string_list(ops->list->items, ops->list->n_items)) op += (op.empty() ? "" : ".") + part;
      r.info.keys.push_back(key);
      r.constraint.expression += (r.constraint.expression.empty() ? "" : ", ") + key + " WITH " + op;
      if (elem->name && *elem->name) r.constraint.columns.emplace_back(elem->name);
      if (elem->expr) collect_reads_on(elem->expr, table.name, ctx);
    }
    if (c->where_clause) {
      r.info.predicate = expression_text(c->where_clause);
      collect_reads_on(c->where_clause, table.name, ctx);
    }
  } else {
    bool primary = c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
    r.role = primary ? IndexRole::Primary : IndexRole::Unique;
    r.constraint.type = primary ? 'p' : 'u';
    r.constraint.columns = key_columns(nc, c->keys, c->n_keys);
    r.info.keys = quoted(r.constraint.columns);
    r.info.unique = true;
    r.info.primary = primary;
  }
  for (const auto& column : r.constraint.columns) ctx.reference(column_ref(table.name, column), Access::Read);
  return r;
}

// ADD CONSTRAINT … UNIQUE / PRIMARY KEY USING INDEX: the index becomes the constraint's, and
// takes the constraint's name when one is given.
void attach_index_constraint(ReplayContext& ctx, Relation& table, const NewConstraint& nc) {
  const PgQuery__Constraint* c = nc.def;
  QualifiedName index_name{table.name.schema, c->indexname};
  ctx.reference(relation_ref(index_name), Access::Read);
  std::string name = *c->conname ? c->conname : c->indexname;
  if (name != index_name.name) {
    move_relation(ctx, index_name, {table.name.schema, name});
    index_name.name = name;
  }
  Relation* index = ctx.catalog.relation(index_name);
  if (!index) return;
  bool primary = c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
  index->index.constraint = name;
  index->index.primary = primary;
  Constraint k;
  k.name = name;
  k.type = primary ? 'p' : 'u';
  k.index = name;
  k.deferrable = nc.deferrable;
  k.initially_deferred = nc.initially_deferred;
  k.columns = index_key_columns(index->index.keys);
  if (primary)
    for (const auto& column : k.columns)
      if (Column* col = table.column(column)) col->not_null = true;
  add_constraint(ctx, table, std::move(k));
}

// The partition's index for an index of its parent: an equivalent index it has is attached
// (and takes the constraint, under its own name), else one is created under a name chosen for
// the partition.
void index_partition(ReplayContext& ctx, Relation& partition, IndexInfo info, IndexRole role,
                     const Constraint* constraint) {
  info.table = partition.name;
  info.constraint.clear();
  for (Relation* candidate : indexes_of(ctx.catalog, partition.name)) {
    if (!same_index_definition(candidate->index, info) || !candidate->index.constraint.empty()) continue;
    if (constraint) {
      Constraint k = *constraint;
      k.name = k.index = candidate->name.name;
      candidate->index.constraint = k.name;
      candidate->index.primary = info.primary;
      add_constraint(ctx, partition, std::move(k));
    }
    return;
  }
  create_index(ctx, partition, "", info, role, constraint, true);
}

// A copy of the constraint `index` backs on `table`, if any (copied: creating indexes may
// add constraints to the same vector).
std::optional<Constraint> backed_constraint(const Relation& table, const Relation& index) {
  const Constraint* c = index.index.constraint.empty() ? nullptr : table.constraint(index.index.constraint);
  return c ? std::optional<Constraint>(*c) : std::nullopt;
}

}  // namespace

void add_constraint(ReplayContext& ctx, Relation& table, Constraint c) {
  c.provenance = Provenance{};
  c.provenance.created_by = ctx.migration;
  ctx.reference(constraint_ref(table.name, c.name), Access::Create);
  table.constraints.push_back(std::move(c));
  touch(ctx, table);
}

void split_constraints(const std::vector<NewConstraint>& all, std::vector<NewConstraint>& checks,
                       std::vector<NewConstraint>& indexed, std::vector<NewConstraint>& foreign_keys) {
  for (const NewConstraint& nc : all) {
    switch (nc.def->contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: checks.push_back(nc); break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: indexed.push_back(nc); break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: foreign_keys.push_back(nc); break;
      default: break;
    }
  }
}

void add_checks(ReplayContext& ctx, Relation& table, const std::vector<NewConstraint>& pending, bool honour_not_valid,
                bool recurse) {
  std::vector<std::string> taken;  // names this statement has already given (AddRelationNewConstraints)
  for (const NewConstraint& nc : pending) {
    const PgQuery__Constraint* c = nc.def;
    Constraint k;
    k.type = 'c';
    k.columns = referenced_columns(c->raw_expr);
    // <table>_<column>_check when the expression uses exactly one column, else <table>_check.
    k.name = *c->conname ? std::string(c->conname)
                         : ctx.catalog.choose_constraint_name(table.name.schema, table.name.name,
                                                              k.columns.size() == 1 ? k.columns[0] : "", "check", taken);
    taken.push_back(k.name);
    k.expression = expression_text(c->raw_expr);
    k.validated = !(honour_not_valid && c->skip_validation);
    collect_reads_on(c->raw_expr, table.name, ctx);
    for (Relation* rel : with_descendants(ctx.catalog, table, recurse && !c->is_no_inherit))
      if (!rel->constraint(k.name)) add_constraint(ctx, *rel, k);
  }
}

void add_index_constraints(ReplayContext& ctx, Relation& table, const std::vector<NewConstraint>& pending, bool recurse) {
  std::vector<IndexRequest> written;
  for (const NewConstraint& nc : pending) {
    if (*nc.def->indexname) attach_index_constraint(ctx, table, nc);
    else written.push_back(index_request(ctx, table, nc));
  }
  // transformIndexConstraints: the primary key first, then the others in order, each folded
  // into an earlier identical one (which takes its name if it had none).
  auto primary = std::find_if(written.begin(), written.end(), [](const IndexRequest& r) { return r.role == IndexRole::Primary; });
  std::vector<IndexRequest> requests;
  if (primary != written.end()) requests.push_back(*primary);
  for (auto r = written.begin(); r != written.end(); ++r) {
    if (r == primary) continue;
    auto same = std::find_if(requests.begin(), requests.end(), [&](const IndexRequest& prior) {
      return prior.info.keys == r->info.keys && prior.info.include == r->info.include &&
             prior.info.predicate == r->info.predicate && prior.info.method == r->info.method &&
             prior.constraint.expression == r->constraint.expression &&
             prior.constraint.deferrable == r->constraint.deferrable &&
             prior.constraint.initially_deferred == r->constraint.initially_deferred;
    });
    if (same == requests.end()) requests.push_back(*r);
    else if (same->name.empty()) same->name = r->name;
  }
  for (IndexRequest& r : requests) create_index(ctx, table, r.name, r.info, r.role, &r.constraint, recurse);
}

void add_foreign_keys(ReplayContext& ctx, Relation& table, const std::vector<NewConstraint>& pending,
                      bool honour_not_valid, bool recurse) {
  for (const NewConstraint& nc : pending) {
    const PgQuery__Constraint* c = nc.def;
    Constraint k;
    k.type = 'f';
    k.columns = key_columns(nc, c->fk_attrs, c->n_fk_attrs);
    k.ref_table = ctx.resolve_relation(c->pktable);
    k.ref_columns = string_list(c->pk_attrs, c->n_pk_attrs);
    k.on_delete = c->fk_del_action;
    k.on_update = c->fk_upd_action;
    k.deferrable = nc.deferrable;
    k.initially_deferred = nc.initially_deferred;
    k.validated = !(honour_not_valid && c->skip_validation);
    k.name = *c->conname ? std::string(c->conname)
                         : ctx.catalog.choose_constraint_name(table.name.schema, table.name.name,
                                                              name_addition(k.columns), "fkey");
    ctx.reference(relation_ref(k.ref_table), Access::Read);
    std::vector<std::string> referenced = k.ref_columns;
    if (referenced.empty())
      if (const Relation* target = ctx.catalog.relation(k.ref_table))
        for (const Constraint& key : target->constraints)
          if (key.type == 'p') referenced = key.columns;
    for (const auto& column : referenced) ctx.reference(column_ref(k.ref_table, column), Access::Read);
    for (const auto& column : k.columns) ctx.reference(column_ref(table.name, column), Access::Read);
    // A foreign key on a partitioned table is cloned onto each partition under the same name.
    for (Relation* rel : with_descendants(ctx.catalog, table, recurse, true))
      if (!rel->constraint(k.name)) add_constraint(ctx, *rel, k);
  }
}

std::string create_index(ReplayContext& ctx, Relation& table, const std::string& name, IndexInfo info, IndexRole role,
                         const Constraint* constraint, bool recurse) {
  std::string index_name = name.empty() ? choose_index_name(ctx.catalog, table.name, info.keys, info.include, role) : name;
  info.table = table.name;
  info.constraint = constraint ? index_name : "";
  bool partitioned = table.kind == RelKind::PartitionedTable;
  Relation& index = create_relation(ctx, {table.name.schema, index_name}, partitioned ? RelKind::PartitionedIndex : RelKind::Index);
  index.index = info;
  if (constraint) {
    Constraint k = *constraint;
    k.name = k.index = index_name;
    add_constraint(ctx, table, std::move(k));
    if (info.primary)
      for (const auto& column : constraint->columns)
        if (Column* col = table.column(column)) col->not_null = true;
  }
  if (recurse && partitioned)
    for (Relation* partition : child_relations(ctx.catalog, table.name, true))
      index_partition(ctx, *partition, info, role, constraint);
  return index_name;
}

IndexRole index_role(const Catalog& catalog, const Relation& index) {
  const IndexInfo& i = index.index;
  if (i.primary) return IndexRole::Primary;
  if (i.constraint.empty()) return IndexRole::Plain;
  const Relation* table = catalog.relation(i.table);
  const Constraint* c = table ? table->constraint(i.constraint) : nullptr;
  return c && c->type == 'x' ? IndexRole::Exclusion : IndexRole::Unique;
}

void clone_indexes(ReplayContext& ctx, const Relation& source, Relation& target) {
  for (Relation* index : indexes_of(ctx.catalog, source.name)) {
    std::optional<Constraint> backed = backed_constraint(source, *index);
    create_index(ctx, target, "", index->index, index_role(ctx.catalog, *index), backed ? &*backed : nullptr, true);
  }
}

void adopt_partition(ReplayContext& ctx, const Relation& parent, Relation& partition) {
  for (Relation* index : indexes_of(ctx.catalog, parent.name)) {
    std::optional<Constraint> backed = backed_constraint(parent, *index);
    index_partition(ctx, partition, index->index, index_role(ctx.catalog, *index), backed ? &*backed : nullptr);
  }
  for (const Constraint& k : parent.constraints)
    if (k.type == 'f' && !partition.constraint(k.name)) add_constraint(ctx, partition, k);
  for (const Trigger& t : parent.triggers)
    if (t.for_each_row && std::none_of(partition.triggers.begin(), partition.triggers.end(),
                                       [&](const Trigger& own) { return own.name == t.name; })) {
      Trigger copy = t;
      copy.provenance = Provenance{};
      copy.provenance.created_by = ctx.migration;
      partition.triggers.push_back(std::move(copy));
    }
}

void drop_constraint(ReplayContext& ctx, Relation& table, const std::string& name, bool recurse) {
  const Constraint* c = table.constraint(name);
  if (!c) return;
  char type = c->type;
  std::vector<std::string> columns = c->columns;
  std::vector<Relation*> levels = with_descendants(ctx.catalog, table, recurse);
  for (size_t i = 1; i < levels.size(); ++i) {
    // Inherited CHECKs and cloned foreign keys share the name; a partition's key constraint
    // is named after its own index, so it is found by its columns.
    std::string own = name;
    if (type == 'p' || type == 'u' || type == 'x')
      for (const Constraint& k : levels[i]->constraints)
        if (k.type == type && k.columns == columns) own = k.name;
    remove_constraint(ctx, *levels[i], own);
  }
  remove_constraint(ctx, table, name);
}

void rename_constraint(ReplayContext& ctx, Relation& table, const std::string& from, const std::string& to,
                       bool recurse) {
  Constraint* c = table.constraint(from);
  if (!c) return;
  // An inherited CHECK has the same name below, and is renamed there too.
  if (c->type == 'c')
    for (Relation* rel : with_descendants(ctx.catalog, table, recurse))
      if (rel != &table) rename_constraint(ctx, *rel, from, to, false);
  c->name = to;
  c->provenance.touch(ctx.migration);
  if (auto node = ctx.catalog.comments.extract(member_key("table constraint", from, table.name))) {
    node.key() = member_key("table constraint", to, table.name);
    ctx.catalog.comments.insert(std::move(node));
  }
  ctx.reference(constraint_ref(table.name, from), Access::Drop);
  ctx.reference(constraint_ref(table.name, to), Access::Create);
  touch(ctx, table);
  if (c->index.empty()) return;
  QualifiedName index{table.name.schema, c->index};
  c->index = to;
  move_relation(ctx, index, {table.name.schema, to});
  if (Relation* moved = ctx.catalog.relation({table.name.schema, to})) moved->index.constraint = to;
}

}  // namespace migc
