// Changes to tables and what hangs off them — columns, constraints, indexes, owned sequences,
// partitions — shared by the statements that make them (CREATE TABLE, ALTER TABLE, CREATE
// INDEX, DROP, RENAME, SET SCHEMA). Each change does what PostgreSQL 15 does, including what
// follows from it (the sequence of a serial column, the index of a UNIQUE constraint, the same
// change on each partition, what a DROP takes along), names what it creates as PostgreSQL
// would, records the references and keeps provenance.
#pragma once
#include <string>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/index_names.h"
#include "analyzer/replay.h"

namespace migc {

// ---- relations ----

// Adds a relation created by this migration and records its Create.
Relation& create_relation(ReplayContext& ctx, const QualifiedName& name, RelKind kind);
// When `name` already exists: records the statement's reference to it (a Read under IF NOT
// EXISTS, which then does nothing; else the Create PostgreSQL refuses), notes it, returns true.
bool already_exists(ReplayContext& ctx, const QualifiedName& name, bool if_not_exists);
// The name a CREATE gives the relation `rv` names: a TEMPORARY one lives in pg_temp, where
// unqualified names find it first, until the session ends (Catalog::drop_temporary_relations).
QualifiedName created_relation_name(const ReplayContext& ctx, const PgQuery__RangeVar* rv);
// Records that this migration changed `rel`.
void touch(ReplayContext& ctx, Relation& rel);
// The direct partitions of `parent`, and its inheritance children too unless `partitions_only`.
std::vector<Relation*> child_relations(Catalog& catalog, const QualifiedName& parent, bool partitions_only);
// `rel` and, when `recurse`, every relation below it (partitions, inheritance children), parents first.
std::vector<Relation*> with_descendants(Catalog& catalog, Relation& rel, bool recurse, bool partitions_only = false);
// The indexes on `table`, by name.
std::vector<Relation*> indexes_of(Catalog& catalog, const QualifiedName& table);
// WITH (…) / SET (…) options as reloptions text: name → value.
void set_options(std::map<std::string, std::string>& options, PgQuery__Node* const* items, size_t n);

// pg_get_expr of a partition bound, values as written: "FOR VALUES IN ('a')", "FOR VALUES
// FROM (MINVALUE) TO (10)", "FOR VALUES WITH (modulus 4, remainder 0)", "DEFAULT".
std::string partition_bound_text(const PgQuery__PartitionBoundSpec* bound);
// What a table becoming a partition of `parent` gets: an index for each of the parent's (an
// equivalent one it has is attached instead), the parent's foreign keys and row triggers.
void adopt_partition(ReplayContext& ctx, const Relation& parent, Relation& partition);

// ---- columns ----

// A constraint written on a column or the table, waiting to be added in PostgreSQL's order.
// The deferrable flags start from the node and take the DEFERRABLE / INITIALLY … clauses that
// follow a column constraint.
struct NewConstraint {
  const PgQuery__Constraint* def = nullptr;
  std::string column;  // the column it was written on, "" for a table constraint
  bool deferrable = false, initially_deferred = false;

  static NewConstraint of(const PgQuery__Constraint* def, std::string column = "") {
    return {def, std::move(column), def->deferrable != 0, def->initdeferred != 0};
  }
};

// Adds a column (type, NOT NULL, DEFAULT, identity, serial, GENERATED, COLLATE) and records its
// Create; its CHECK, UNIQUE, PRIMARY KEY, REFERENCES and EXCLUDE constraints are appended to
// `pending`.
Column& add_column(ReplayContext& ctx, Relation& table, const PgQuery__ColumnDef* def, std::vector<NewConstraint>& pending);
// Applies to an existing column the parts of a column definition that restate it (a partition's
// or child's WITH OPTIONS, a merged inherited column); other constraints go to `pending`.
void merge_column(ReplayContext& ctx, Relation& table, Column& column, const PgQuery__ColumnDef* def,
                  std::vector<NewConstraint>& pending);
// The default PostgreSQL stores for DEFAULT `expr` on a column (or domain) of format_type()
// text `type`: the expression, or nullopt when it is a NULL constant once coerced to `type` —
// NULL, or NULL cast to exactly that type — which PostgreSQL does not store (a domain keeps it:
// coercing to a domain is not a constant).
std::optional<std::string> stored_default(ReplayContext& ctx, const PgQuery__Node* expr, const std::string& type);
// Turns `column` into an identity column ('a' ALWAYS or 'd' BY DEFAULT) with its sequence.
void add_identity(ReplayContext& ctx, Relation& table, Column& column, char kind, PgQuery__Node* const* options,
                  size_t n_options);
// Column removal with what depends on it: indexes and constraints using it, owned sequences,
// other tables' foreign keys to it; on every descendant too when `recurse`.
void drop_column(ReplayContext& ctx, Relation& table, const std::string& column, bool recurse);
// Renames a column in the table, its descendants and everything that names it.
void rename_column(ReplayContext& ctx, Relation& table, const std::string& from, const std::string& to, bool recurse);

// ---- sequences ----

// "nextval('schema.seq'::regclass)", as pg_get_expr prints a serial default.
std::string nextval_default(const QualifiedName& sequence);
// START, INCREMENT, MINVALUE, MAXVALUE, CACHE, CYCLE, AS, OWNED BY (and, for identity,
// SEQUENCE NAME, which is handled by the caller) applied to a sequence.
void apply_sequence_options(ReplayContext& ctx, Relation& sequence, PgQuery__Node* const* options, size_t n);
// The parameters as pg_sequence holds them, none left to its type's default.
SequenceInfo spelled_out(const SequenceInfo& s);
// The sequences owned by table.column (every column when `column` is empty).
std::vector<Relation*> owned_sequences(Catalog& catalog, const QualifiedName& table, const std::string& column = "");

// ---- constraints and indexes ----

// Adds constraints in the order PostgreSQL 15 creates them for one statement: CHECKs first,
// then the index-backed ones (the primary key first, duplicates folded), then foreign keys.
// `validated` is false for ALTER TABLE … NOT VALID.
void add_checks(ReplayContext& ctx, Relation& table, const std::vector<NewConstraint>& pending, bool validated,
                bool recurse);
void add_index_constraints(ReplayContext& ctx, Relation& table, const std::vector<NewConstraint>& pending,
                           bool recurse);
void add_foreign_keys(ReplayContext& ctx, Relation& table, const std::vector<NewConstraint>& pending, bool validated,
                      bool recurse);
// Adds a constraint (a copy: a parent's, a LIKE source's) as created by this migration.
void add_constraint(ReplayContext& ctx, Relation& table, Constraint c);
// Sorts constraints into CHECKs, index-backed ones and foreign keys (a NOT NULL or DEFAULT here
// is a column property and is not listed).
void split_constraints(const std::vector<NewConstraint>& all, std::vector<NewConstraint>& checks,
                       std::vector<NewConstraint>& indexed, std::vector<NewConstraint>& foreign_keys);

// Creates an index on `table` (named by PostgreSQL's rules when `name` is empty) and, when the
// table is partitioned and `recurse`, on each partition that has no equivalent index yet. With
// `constraint`, it backs that constraint, which is added under the index's name on each level.
// Returns the index's name.
std::string create_index(ReplayContext& ctx, Relation& table, const std::string& name, IndexInfo info, IndexRole role,
                         const Constraint* constraint, bool recurse);
// What a new partition or LIKE copy gets from `source`: its indexes (and the constraints they
// back) under names chosen for `target`.
void clone_indexes(ReplayContext& ctx, const Relation& source, Relation& target);
// The role an existing index plays, for naming its copies.
IndexRole index_role(const Catalog& catalog, const Relation& index);

// Removes a constraint (and its index), on descendants too when `recurse`; with the foreign
// keys of other tables that depended on its index.
void drop_constraint(ReplayContext& ctx, Relation& table, const std::string& name, bool recurse);
// Renames a table constraint, and the index behind it; an inherited CHECK below too when `recurse`.
void rename_constraint(ReplayContext& ctx, Relation& table, const std::string& from, const std::string& to,
                       bool recurse);

// ---- whole relations ----

// Drops a relation and what goes with it: its indexes, owned sequences and partitions, the
// foreign keys of other tables that reference it, the views that read it (best effort), and
// comments on all of these. `cascade` false only adds a note where PostgreSQL would refuse.
void drop_relation(ReplayContext& ctx, const QualifiedName& name, bool cascade);
// Gives a relation a new name or schema, updating everything that names it (indexes' tables,
// owned sequences, foreign keys, partitions, serial defaults, comments). Records Drop + Create.
void move_relation(ReplayContext& ctx, const QualifiedName& from, const QualifiedName& to);

}  // namespace migc
