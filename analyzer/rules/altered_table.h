// What an ALTER TABLE statement changes, for the rules that judge its subcommands: the table as
// the model knows it just before, and the subcommands of one kind.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/rules/rule.h"
#include "analyzer/type_names.h"

namespace migc {

struct AlteredTable {
  QualifiedName name;
  const Relation* rel = nullptr;  // nullptr: the model has never seen it created (live)
  const PgQuery__AlterTableStmt* stmt = nullptr;

  // Its subcommands of `subtype`, in order.
  std::vector<const PgQuery__AlterTableCmd*> commands(PgQuery__AlterTableType subtype) const;
  // The columns ADD COLUMN adds (IF NOT EXISTS of a column the table has adds nothing).
  std::vector<const PgQuery__ColumnDef*> added_columns() const;
  // The constraints ADD CONSTRAINT adds, of `type`.
  std::vector<const PgQuery__Constraint*> added_constraints(PgQuery__ConstrType type) const;
  // Those and the ones of `type` written on the columns ADD COLUMN adds.
  std::vector<const PgQuery__Constraint*> constraints_with_columns(PgQuery__ConstrType type) const;
};

// The relation an ALTER TABLE (or ALTER INDEX, VIEW, MATERIALIZED VIEW, FOREIGN TABLE) statement
// changes; nullopt for other statements, ALTER TYPE, and IF EXISTS of a relation the model lacks.
std::optional<AlteredTable> altered_table(const RuleContext& ctx);

// The Constraint a node holds, or nullptr.
const PgQuery__Constraint* constraint_node(const PgQuery__Node* n);
// The first constraint of `type` written on a column definition, or nullptr.
const PgQuery__Constraint* column_constraint(const PgQuery__ColumnDef& def, PgQuery__ConstrType type);
// A type name as format_type() prints it, user types looked up through the search_path.
TypeNameInfo type_of(const RuleContext& ctx, const PgQuery__TypeName* type);
// The domain a format_type() text names, if the model has one.
const TypeDef* domain_named(const RuleContext& ctx, std::string_view type_text);
// For each column ADD COLUMN adds to a table that is not new and for which `cause` gives a reason
// (non-empty, e.g. "bigserial"), one finding at the column: "ADD COLUMN id bigserial takes ACCESS
// EXCLUSIVE on … and rewrites the table and its indexes<consequence>".
void report_column_rewrites(RuleContext& ctx, const std::function<std::string(const PgQuery__ColumnDef&)>& cause,
                            std::string_view consequence, std::string_view help);
// Whether a column was created where it counts as new (this migration, or one linted with it).
bool column_is_new(const RuleContext& ctx, const Relation* table, std::string_view column);

}  // namespace migc
