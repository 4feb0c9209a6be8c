// The type choices of a statement, for the opt-in rules that judge them: the columns CREATE
// TABLE defines, ALTER TABLE's ADD COLUMN adds and ALTER COLUMN … TYPE retypes.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/rules/rule.h"

namespace migc {

struct TypedColumn {
  std::string table;   // as written
  std::string column;
  const PgQuery__TypeName* type = nullptr;
};

std::vector<TypedColumn> typed_columns(const PgQuery__Node* stmt);

// The built-in type a TypeName names, as the parser stores it ("int4", "bpchar", "serial"…):
// written bare or in pg_catalog. nullopt for a type of any other schema.
std::optional<std::string> builtin_type_name(const PgQuery__TypeName* type);

// One finding at each column whose type `flagged` returns a reason for ("" for none):
// "column t.c is <reason>".
void report_column_types(RuleContext& ctx, const std::function<std::string(const PgQuery__TypeName&)>& flagged,
                         std::string_view help);

}  // namespace migc
