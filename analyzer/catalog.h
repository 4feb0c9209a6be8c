// The catalog model: what the migrations build, replayed statement by statement in deploy order.
// Names are stored as PostgreSQL stores them (already case-folded), types as format_type()
// prints them, expressions as libpg_query deparses them. Every object knows the migration that
// created it and each migration that changed it afterwards.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/names.h"

namespace migc {

// Migration index meaning "not created by any migration of this build": an [external] object
// or one the target database already has.
inline constexpr uint32_t kExternal = UINT32_MAX;
// Where TEMPORARY relations live; PostgreSQL's own name for the session's temporary schema.
inline constexpr std::string_view kTemporarySchema = "pg_temp";

struct Provenance {
  uint32_t created_by = kExternal;   // migration index (into MigrationSet::migrations)
  std::vector<uint32_t> changed_by;  // later migrations that altered it, each once, in replay order
  void touch(uint32_t migration);    // records a change (no-op for the creator itself)
};

struct Column {
  std::string name;
  std::string type;  // format_type(): "integer", "character varying(20)", "auth.user_status[]"
  bool not_null = false;
  std::optional<std::string> default_expr;  // deparsed, e.g. "now()", "nextval('public.t_id_seq'::regclass)"
  char identity = 0;                        // 0, 'a' (ALWAYS) or 'd' (BY DEFAULT)
  std::optional<std::string> generated;     // GENERATED ALWAYS AS (expr) STORED
  std::string collation;                    // "" = the type's default
  Provenance provenance;
};

struct Constraint {
  std::string name;
  char type = 'c';  // pg_constraint.contype: p primary key, u unique, f foreign key, c check, x exclusion
  std::vector<std::string> columns;      // key columns (p, u, f, x), referenced columns (c)
  QualifiedName ref_table;               // f: the referenced table
  std::vector<std::string> ref_columns;  // f: referenced columns ([] = its primary key)
  std::string on_delete, on_update;      // f: "a" no action, "r" restrict, "c" cascade, "n" set null, "d" set default
  std::string expression;                // c: deparsed CHECK expression; x: deparsed exclusion elements
  bool validated = true;                 // false after NOT VALID until VALIDATE CONSTRAINT
  bool deferrable = false, initially_deferred = false;
  std::string index;                     // p, u, x: the backing index's name (same schema)
  Provenance provenance;
};

struct IndexInfo {
  QualifiedName table;
  bool unique = false, primary = false;
  std::string method = "btree";
  std::vector<std::string> keys;     // column names or deparsed expressions, with opclass/ordering as written
  std::vector<std::string> include;  // INCLUDE columns
  std::optional<std::string> predicate;
  std::string constraint;            // the constraint it backs, or ""
  bool concurrently = false;         // built with CREATE INDEX CONCURRENTLY
};

struct SequenceInfo {
  std::string type = "bigint";
  std::optional<int64_t> start, increment, min_value, max_value, cache;  // nullopt: the default
  bool cycle = false;
  std::optional<std::pair<QualifiedName, std::string>> owned_by;  // table, column
  bool identity = false;  // the sequence behind an identity column (listed on the column, not as a sequence)
};

struct Trigger {
  std::string name;
  std::string timing;            // "BEFORE", "AFTER", "INSTEAD OF"
  std::vector<std::string> events;  // "INSERT", "UPDATE", "UPDATE OF a, b", "DELETE", "TRUNCATE"
  bool for_each_row = false;
  QualifiedName function;
  std::optional<std::string> when;
  bool enabled = true;
  Provenance provenance;
};

struct Policy {
  std::string name;
  std::string command = "ALL";   // ALL, SELECT, INSERT, UPDATE, DELETE
  bool permissive = true;
  std::vector<std::string> roles;  // [] = PUBLIC
  std::optional<std::string> using_expr, check_expr;
  Provenance provenance;
};

enum class RelKind : char {
  Table = 'r', PartitionedTable = 'p', View = 'v', MaterializedView = 'm', Sequence = 'S',
  Index = 'i', PartitionedIndex = 'I', ForeignTable = 'f',
};
std::string_view relkind_name(RelKind k);  // "table", "partitioned table", "view", …

// Anything in pg_class: tables, views, materialized views, sequences, indexes share one
// namespace per schema, as in PostgreSQL.
struct Relation {
  QualifiedName name;
  RelKind kind = RelKind::Table;
  // tables (and the columns of views and materialized views, when known)
  std::vector<Column> columns;          // in position order; dropped columns are removed
  std::vector<Constraint> constraints;  // in creation order
  std::vector<Trigger> triggers;
  std::vector<Policy> policies;
  bool unlogged = false;
  bool rls_enabled = false, rls_forced = false;
  std::string partition_key;                 // partitioned: "RANGE (created_at)"
  std::optional<QualifiedName> partition_of; // partition: its parent
  std::string partition_bound;               // partition: "FOR VALUES FROM (…) TO (…)" / "DEFAULT"
  std::vector<QualifiedName> inherits;
  // A partition or child table was attached to it once: false proves it has none, which spares
  // looking for them through every relation (not part of the schema).
  bool had_children = false;
  std::map<std::string, std::string> options;  // reloptions, WITH (…)
  // views and materialized views
  std::string query;       // deparsed SELECT
  bool populated = true;   // materialized view: WITH DATA
  // sequences and indexes
  SequenceInfo sequence;
  IndexInfo index;
  Provenance provenance;

  const Column* column(std::string_view name) const;
  Column* column(std::string_view name);
  const Constraint* constraint(std::string_view name) const;
  Constraint* constraint(std::string_view name);
};

enum class TypeKind : char { Enum = 'e', Domain = 'd', Composite = 'c', Range = 'r', Base = 'b' };

struct TypeDef {
  QualifiedName name;
  TypeKind kind = TypeKind::Enum;
  std::vector<std::string> labels;        // enum, in sort order
  std::string base_type;                  // domain: format_type of the base; range: subtype
  bool not_null = false;                  // domain
  std::optional<std::string> default_expr;  // domain
  std::vector<Constraint> constraints;    // domain CHECKs
  std::vector<Column> attributes;         // composite
  Provenance provenance;
};

struct Function {
  QualifiedName name;
  std::string arguments;   // identity arguments as pg_get_function_identity_arguments: "integer, text"
  std::string input_types; // what tells overloads apart, as pg_identify_object prints it: "integer,pg_catalog.text"
  bool procedure = false;
  std::string returns;     // format_type of the result ("trigger", "void", "SETOF public.t", "TABLE(…)")
  std::string language;    // "sql", "plpgsql", …
  char volatility = 'v';   // 'i' immutable, 's' stable, 'v' volatile (the default)
  std::string body;        // the source text between the dollar quotes (or the BEGIN ATOMIC deparse)
  Provenance provenance;
};

struct Extension {
  std::string name;
  std::string schema;   // "" = whatever the extension's default is
  std::string version;  // "" = the default version
  Provenance provenance;
};

struct Schema {
  std::string name;
  Provenance provenance;
};

// Keys for comments, as snapshot.sql's pg_identify_object(): "table public.users",
// "column public.users.email", "function public.f(integer)", "schema app", …
using CommentKey = std::string;

struct Catalog {
  std::map<std::string, Schema> schemas;
  std::map<QualifiedName, Relation> relations;
  std::map<QualifiedName, TypeDef> types;
  std::map<std::pair<QualifiedName, std::string>, Function> functions;  // (name, identity arguments)
  std::map<std::string, Extension> extensions;
  std::map<CommentKey, std::string> comments;

  Catalog();  // starts with the public schema, as a new database has

  const Relation* relation(const QualifiedName& q) const;
  Relation* relation(const QualifiedName& q);
  const TypeDef* type(const QualifiedName& q) const;
  TypeDef* type(const QualifiedName& q);
  // Whether `type`, as format_type() prints it ("public.email"), is a domain of the model.
  bool is_domain(std::string_view type) const;
  // Every overload of schema.name.
  std::vector<const Function*> functions_named(const QualifiedName& q) const;

  // Unqualified lookups the way PostgreSQL searches: the first schema of the path that has it.
  // Return the qualified name found, or nullopt.
  std::optional<QualifiedName> find_relation(std::string_view name, const SearchPath& path) const;
  std::optional<QualifiedName> find_type(std::string_view name, const SearchPath& path) const;
  std::optional<QualifiedName> find_function(std::string_view name, const SearchPath& path) const;

  // The session that ran the migrations ended: its TEMPORARY relations (kTemporarySchema) go.
  void drop_temporary_relations();

  // Whether a constraint of a table or domain of `schema` is named `name`.
  bool constraint_named(const std::string& schema, std::string_view name) const;

  // Generated names, exactly as PostgreSQL picks them: ChooseRelationName (unique among every
  // relation of the schema, and for an index that backs a constraint among its constraints too,
  // adding 1, 2, … to the label) and ChooseConstraintName (unique among the schema's
  // constraints). `taken` holds names already chosen by the same statement.
  std::string choose_relation_name(const std::string& schema, std::string_view name1, std::string_view name2,
                                   std::string_view label, const std::vector<std::string>& taken = {},
                                   bool backs_constraint = false) const;
  std::string choose_constraint_name(const std::string& schema, std::string_view name1, std::string_view name2,
                                     std::string_view label, const std::vector<std::string>& taken = {}) const;
};

}  // namespace migc
