// What a statement touches: an object of the catalog (or one it expects to exist) and how.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/names.h"

namespace migc {

struct Catalog;

// Relations (tables, views, sequences, indexes, …) share one kind because they share one
// namespace: a reference often cannot tell a table from a view.
enum class ObjectKind { Schema, Relation, Column, Constraint, Type, Function, Trigger, Policy, Extension };
std::string_view object_kind_name(ObjectKind k);

struct ObjectRef {
  ObjectKind kind = ObjectKind::Relation;
  QualifiedName name;  // schema + relation/type/function name; Schema, Extension: name.name only
  std::string member;  // Column, Constraint, Trigger, Policy: the name within the relation
  auto operator<=>(const ObjectRef&) const = default;
  // "table-like public.users" style text for reports: "column auth.users.email", "schema billing"
  std::string display() const;
  // As display(), naming a relation by its kind in `catalog` ("table auth.users") when it is there.
  std::string describe(const Catalog& catalog) const;
  // The relation a member belongs to (the object itself otherwise).
  ObjectRef owner() const;
};

// An object named in configuration: KIND is schema, table (or view, sequence, relation), type,
// function or extension; NAME is dotted, each part folded to lower case unless double-quoted.
// nullopt for an unknown KIND or an empty name.
std::optional<ObjectRef> parse_object_ref(std::string_view kind, std::string_view name);

ObjectRef schema_ref(std::string name);
ObjectRef extension_ref(std::string name);
ObjectRef relation_ref(QualifiedName q);
ObjectRef column_ref(QualifiedName table, std::string column);
ObjectRef constraint_ref(QualifiedName table, std::string name);
ObjectRef type_ref(QualifiedName q);
ObjectRef function_ref(QualifiedName q);
ObjectRef trigger_ref(QualifiedName table, std::string name);
ObjectRef policy_ref(QualifiedName table, std::string name);

enum class Access {
  Read,    // uses it: FROM, FK target, column reference, type of a column, function call
  Create,  // brings it into existence (CREATE, ADD COLUMN, RENAME … TO this name)
  Alter,   // changes its definition (ALTER, COMMENT ON, GRANT, ADD CONSTRAINT on a table)
  Write,   // changes its rows (INSERT, UPDATE, DELETE, TRUNCATE, COPY FROM, REFRESH)
  Drop,    // removes it (DROP, RENAME … away from this name)
};
std::string_view access_name(Access a);

struct Reference {
  ObjectRef object;
  Access access = Access::Read;
  bool deferred = false;  // in a function body: needed when the function runs, not when it is created
  auto operator<=>(const Reference&) const = default;
};

}  // namespace migc
