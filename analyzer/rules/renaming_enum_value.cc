// renaming-enum-value: ALTER TYPE … RENAME VALUE on an enum that is not new breaks the code,
// queries and stored data exchanges that use the old label.
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

std::string quoted(std::string_view label) {
  std::string out = "'";
  for (char c : label) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_ALTER_ENUM_STMT) return;
  const PgQuery__AlterEnumStmt& stmt = *ctx.node->alter_enum_stmt;
  if (!stmt.old_val || !*stmt.old_val) return;
  QualifiedName type = ctx.model->resolve_type(string_list(stmt.type_name, stmt.n_type_name));
  const TypeDef* t = ctx.model->catalog.type(type);
  if (t && ctx.is_new(ctx.model->age_of(t->provenance))) return;
  ctx.report("RENAME VALUE " + quoted(stmt.old_val) + " TO " + quoted(stmt.new_val) + " of enum " + display_name(type) +
                 " breaks code and queries that still use " + quoted(stmt.old_val),
             "add the new value, move rows and code over to it, and leave the old label unused");
}

}  // namespace

Rule renaming_enum_value() {
  return {.id = "renaming-enum-value",
          .severity = LintSeverity::Warning,
          .summary = "RENAME VALUE of an existing enum",
          .check = check};
}

}  // namespace migc::rules
