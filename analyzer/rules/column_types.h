// The type choices of a statement, for the opt-in rules that judge them: the columns CREATE
// TABLE defines, ALTER TABLE's ADD COLUMN adds and ALTER COLUMN … TYPE retypes.
#pragma once
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

// Built-in types a rule flags: the names the parser stores ("int4", "serial", …), and why.
struct FlaggedTypes {
  std::vector<std::string_view> names;
  std::string_view reason;     // "integer, whose values end at 2,147,483,647"
  bool with_length = false;    // only when written with a length: varchar(n), not varchar
};

// One finding at each column of the statement whose type, written bare or in pg_catalog, is one
// of `flagged`: "column t.c is <reason>", at the type.
void report_column_types(RuleContext& ctx, const std::vector<FlaggedTypes>& flagged, std::string_view help);

}  // namespace migc
