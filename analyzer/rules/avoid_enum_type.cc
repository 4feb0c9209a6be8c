// avoid-enum-type: CREATE TYPE … AS ENUM. Labels cannot be dropped or renamed away safely, and a
// new one cannot be used in the transaction that adds it.
#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_CREATE_ENUM_STMT) return;
  const PgQuery__CreateEnumStmt* e = ctx.node->create_enum_stmt;
  ctx.report("enum type " + display_name(ctx.model->resolve_type(string_list(e->type_name, e->n_type_name))) +
                 ": a label cannot be dropped, and a new one cannot be used in the transaction that adds it",
             "use a lookup table with a foreign key, or text with a CHECK constraint");
}

}  // namespace

Rule avoid_enum_type() {
  return {.id = "avoid-enum-type",
          .severity = LintSeverity::Info,
          .opt_in = true,
          .summary = "CREATE TYPE … AS ENUM",
          .check = check};
}

}  // namespace migc::rules
