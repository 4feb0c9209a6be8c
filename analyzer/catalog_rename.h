// Renames PostgreSQL follows by OID but the model stores by name: after ALTER SCHEMA/TYPE/
// FUNCTION … RENAME or SET SCHEMA, every place the model writes the old name (map keys, column
// and argument types, foreign keys, triggers, comment keys) is rewritten. Deparsed expressions
// and view queries keep the text they were written with.
#pragma once
#include <string>
#include <utility>

#include "analyzer/catalog.h"

namespace migc {

using FunctionKey = std::pair<QualifiedName, std::string>;  // Catalog::functions' key

void rename_schema_everywhere(Catalog& catalog, const std::string& from, const std::string& to);
void rename_type_everywhere(Catalog& catalog, const QualifiedName& from, const QualifiedName& to);
// Moves the function at `key` to `to` (a new name, schema or both).
void rename_function_everywhere(Catalog& catalog, const FunctionKey& key, const QualifiedName& to);

}  // namespace migc
