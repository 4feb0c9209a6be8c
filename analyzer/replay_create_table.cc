// CREATE TABLE (and CREATE FOREIGN TABLE): columns from parents, LIKE and the column list,
// then constraints and indexes in the order PostgreSQL 15 creates them, which decides the
// names it generates: the table with its CHECKs, the partition's copies of the parent's
// indexes and foreign keys, the index-backed constraints, what LIKE brings, the foreign keys.
#include <cctype>

#include "analyzer/object_identity.h"
#include "analyzer/references.h"
#include "analyzer/relation_edits.h"
#include "analyzer/replay_relations.h"
#include "analyzer/stored_expressions.h"

namespace migc {

namespace {

// CreateStmtLikeOption bits (parsenodes.h TableLikeOption).
constexpr uint32_t kLikeComments = 1u << 0, kLikeConstraints = 1u << 2, kLikeDefaults = 1u << 3,
                   kLikeGenerated = 1u << 4, kLikeIdentity = 1u << 5, kLikeIndexes = 1u << 6;

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// pg_get_partkeydef: "RANGE (created_at)", "LIST (lower(region))", "HASH ((a + b))"; records
// the columns it reads.
std::string partition_key_text(const PgQuery__PartitionSpec* spec, const QualifiedName& table, ReplayContext& ctx) {
  std::string keys;
  for (size_t i = 0; i < spec->n_part_params; ++i) {
    if (spec->part_params[i]->node_case != PG_QUERY__NODE__NODE_PARTITION_ELEM) continue;
    const PgQuery__PartitionElem* p = spec->part_params[i]->partition_elem;
    PgQuery__IndexElem elem = PG_QUERY__INDEX_ELEM__INIT;
    elem.name = p->name;
    elem.expr = p->expr;
    elem.n_collation = p->n_collation;
    elem.collation = p->collation;
    elem.n_opclass = p->n_opclass;
    elem.opclass = p->opclass;
    keys += (keys.empty() ? "" : ", ") + index_key_text(&elem);
    if (*p->name) ctx.reference(column_ref(table, p->name), Access::Read);
    if (p->expr) collect_reads_on(p->expr, table, ctx);
  }
  return upper(spec->strategy) + " (" + keys + ")";
}

// A column copied into a new table from a parent or a LIKE source.
Column copied_column(const Column& from, uint32_t migration) {
  Column c;
  c.name = from.name;
  c.type = from.type;
  c.not_null = from.not_null;
  c.collation = from.collation;
  c.provenance.created_by = migration;
  return c;
}

// Adds `c` or, when the table already has a column of that name (several parents, a parent and
// a local definition), merges into it as MergeAttributes does.
Column& merge_or_add(Relation& table, Column c) {
  if (Column* existing = table.column(c.name)) {
    existing->not_null = existing->not_null || c.not_null;
    if (!existing->default_expr) existing->default_expr = c.default_expr;
    if (!existing->generated) existing->generated = c.generated;
    return *existing;
  }
  return table.columns.emplace_back(std::move(c));
}

void inherit_from(ReplayContext& ctx, Relation& table, const Relation& parent) {
  for (const Column& from : parent.columns) {
    Column c = copied_column(from, ctx.migration);
    c.default_expr = from.default_expr;
    c.generated = from.generated;
    ctx.reference(column_ref(table.name, c.name), Access::Create);
    merge_or_add(table, std::move(c));
  }
  for (const Constraint& k : parent.constraints)
    if (k.type == 'c' && !table.constraint(k.name)) add_constraint(ctx, table, k);
}

struct LikeClause {
  QualifiedName source;
  uint32_t options = 0;
};

// LIKE's columns, where the clause stands; what comes with them later is in like_extras().
void like_columns(ReplayContext& ctx, Relation& table, const LikeClause& like) {
  const Relation* source = ctx.catalog.relation(like.source);
  if (!source) {
    ctx.note("LIKE " + display_name(like.source) + ": the model does not know its columns");
    return;
  }
  for (const Column& from : source->columns) {
    Column c = copied_column(from, ctx.migration);
    if ((like.options & kLikeDefaults) && !from.generated) c.default_expr = from.default_expr;
    if (like.options & kLikeGenerated) c.generated = from.generated;
    ctx.reference(column_ref(like.source, from.name), Access::Read);
    ctx.reference(column_ref(table.name, c.name), Access::Create);
    Column& added = merge_or_add(table, std::move(c));
    if (!(like.options & kLikeIdentity) || !from.identity) continue;
    add_identity(ctx, table, added, from.identity, nullptr, 0);
    auto sources = owned_sequences(ctx.catalog, like.source, from.name);
    auto copies = owned_sequences(ctx.catalog, table.name, from.name);
    // PostgreSQL 15 gives the copy the source's parameters, spelled out, on a bigint sequence.
    if (sources.size() == 1 && copies.size() == 1) {
      SequenceInfo info = spelled_out(sources[0]->sequence);
      info.type = "bigint";
      info.owned_by = copies[0]->sequence.owned_by;
      info.identity = true;
      copies[0]->sequence = info;
    }
  }
  if (like.options & kLikeComments)
    for (const Column& from : source->columns) {
      auto comment = ctx.catalog.comments.find(column_key(relation_identity_type(source->kind), like.source, from.name));
      if (comment != ctx.catalog.comments.end())
        ctx.catalog.comments[column_key(relation_identity_type(table.kind), table.name, from.name)] = comment->second;
    }
}

// What expandTableLikeClause adds once the table and its own indexes exist: CHECK constraints
// under their names, then copies of the source's indexes under names chosen for the new table.
void like_extras(ReplayContext& ctx, Relation& table, const LikeClause& like) {
  const Relation* source = ctx.catalog.relation(like.source);
  if (!source) return;
  if (like.options & kLikeConstraints)
    for (const Constraint& k : source->constraints)
      if (k.type == 'c' && !table.constraint(k.name)) add_constraint(ctx, table, k);
  if (like.options & kLikeIndexes) clone_indexes(ctx, *source, table);
}

}  // namespace

void replay_create_table(const PgQuery__CreateStmt* stmt, RelKind kind, ReplayContext& ctx) {
  const PgQuery__RangeVar* rv = stmt->relation;
  QualifiedName name = created_relation_name(ctx, rv);
  if (already_exists(ctx, name, stmt->if_not_exists)) return;
  if (stmt->partspec) kind = RelKind::PartitionedTable;
  Relation& table = create_relation(ctx, name, kind);
  table.unlogged = std::string_view(rv->relpersistence) == "u";
  set_options(table.options, stmt->options, stmt->n_options);

  for (size_t i = 0; i < stmt->n_inh_relations; ++i) {
    if (stmt->inh_relations[i]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
    QualifiedName parent_name = ctx.resolve_relation(stmt->inh_relations[i]->range_var);
    ctx.reference(relation_ref(parent_name), stmt->partbound ? Access::Alter : Access::Read);
    if (stmt->partbound) table.partition_of = parent_name;
    else table.inherits.push_back(parent_name);
    if (Relation* parent = ctx.catalog.relation(parent_name)) {
      parent->had_children = true;
      inherit_from(ctx, table, *parent);
    } else {
      ctx.note("parent " + display_name(parent_name) + " is not in the model: its columns are unknown");
    }
  }
  if (stmt->partbound) table.partition_bound = partition_bound_text(stmt->partbound);
  if (stmt->of_typename) {
    QualifiedName type = ctx.resolve_type(string_list(stmt->of_typename->names, stmt->of_typename->n_names));
    ctx.type_text(stmt->of_typename);
    if (const TypeDef* t = ctx.catalog.type(type))
      for (const Column& attribute : t->attributes) {
        table.columns.push_back(copied_column(attribute, ctx.migration));
        ctx.reference(column_ref(name, attribute.name), Access::Create);
      }
  }

  std::vector<NewConstraint> pending;
  std::vector<LikeClause> likes;
  for (size_t i = 0; i < stmt->n_table_elts; ++i) {
    const PgQuery__Node* element = stmt->table_elts[i];
    if (element->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
      const PgQuery__ColumnDef* def = element->column_def;
      if (Column* existing = table.column(def->colname)) merge_column(ctx, table, *existing, def, pending);
      else add_column(ctx, table, def, pending);
    } else if (element->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      pending.push_back(NewConstraint::of(element->constraint));
    } else if (element->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE) {
      const PgQuery__TableLikeClause* like = element->table_like_clause;
      LikeClause clause{ctx.resolve_relation(like->relation), like->options};
      ctx.reference(relation_ref(clause.source), Access::Read);
      like_columns(ctx, table, clause);
      likes.push_back(clause);
    }
  }

  if (stmt->partspec) table.partition_key = partition_key_text(stmt->partspec, name, ctx);

  std::vector<NewConstraint> checks, indexed, foreign_keys;
  split_constraints(pending, checks, indexed, foreign_keys);
  // Only a foreign table keeps NOT VALID: a new table's rows are none, so all else is valid.
  bool keeps_not_valid = kind == RelKind::ForeignTable;
  add_checks(ctx, table, checks, keeps_not_valid, false);
  if (table.partition_of)
    if (const Relation* parent = ctx.catalog.relation(*table.partition_of)) adopt_partition(ctx, *parent, table);
  add_index_constraints(ctx, table, indexed, false);
  for (const LikeClause& like : likes) like_extras(ctx, table, like);
  add_foreign_keys(ctx, table, foreign_keys, keeps_not_valid, false);
}

}  // namespace migc
