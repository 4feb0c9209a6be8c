// Type names as PostgreSQL's format_type() prints them with search_path = pg_catalog (the
// pinned setting of the schema snapshot): built-in types by their SQL names ("integer",
// "character varying(20)", "timestamp with time zone"), every other type schema-qualified.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/names.h"

namespace migc {

// Finds the schema of an unqualified non-built-in type name (catalog lookup through the
// search_path); nullopt falls back to `default_schema`.
using TypeSchemaLookup = std::function<std::optional<std::string>(const std::string& name)>;

struct TypeNameInfo {
  std::string formatted;                 // format_type() text, with [] for arrays
  std::optional<QualifiedName> user_type;  // set when it names a non-built-in type
  std::string serial_base;               // "integer"/"bigint"/"smallint" for serial types, else ""
};

TypeNameInfo format_type_name(const PgQuery__TypeName* type, const TypeSchemaLookup& lookup,
                              const std::string& default_schema);

// Whether `name` (unqualified, as stored) is a type that lives in pg_catalog.
bool is_builtin_type(std::string_view name);

}  // namespace migc
