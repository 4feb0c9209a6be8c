// require-enum-value-ordering: ALTER TYPE … ADD VALUE that does not say where the label goes.
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_ALTER_ENUM_STMT) return;
  const PgQuery__AlterEnumStmt* e = ctx.node->alter_enum_stmt;
  if (!e->new_val || !*e->new_val || (e->old_val && *e->old_val)) return;  // RENAME VALUE
  if (e->new_val_neighbor && *e->new_val_neighbor) return;
  std::string label = "'";
  for (const char* c = e->new_val; *c; ++c) label += *c == '\'' ? std::string("''") : std::string(1, *c);
  label += "'";
  ctx.report("ADD VALUE " + label + " to " + display_name(ctx.model->resolve_type(string_list(e->type_name, e->n_type_name))) +
                 " does not say where the label sorts: it goes last",
             "say where it goes: ADD VALUE " + label + " BEFORE 'label' (or AFTER 'label')");
}

}  // namespace

Rule require_enum_value_ordering() {
  return {.id = "require-enum-value-ordering",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "ALTER TYPE … ADD VALUE without BEFORE or AFTER",
          .check = check};
}

}  // namespace migc::rules
