// ban-create-domain-with-constraint: a domain with CHECK (or NOT NULL) constraints makes every
// ADD COLUMN of it rewrite the table, and every later ALTER DOMAIN … ADD CONSTRAINT scan each table
// that uses it; its constraints cannot be changed NOT VALID per table.
#include "analyzer/rules/altered_table.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT) return;
  const PgQuery__CreateDomainStmt& stmt = *ctx.node->create_domain_stmt;
  for (size_t i = 0; i < stmt.n_constraints; ++i) {
    const PgQuery__Constraint* c = constraint_node(stmt.constraints[i]);
    if (!c || (c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK && c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL))
      continue;
    ctx.report("domain " + display_name(list_name(string_list(stmt.domainname, stmt.n_domainname),
                                                  ctx.model->default_schema())) +
                   " has a constraint: adding a column of it rewrites the table, and changing the constraint scans "
                   "every table that uses it",
               "use the base type and put the condition in a CHECK constraint on each table", c->location);
    return;
  }
}

}  // namespace

Rule ban_create_domain_with_constraint() {
  return {.id = "ban-create-domain-with-constraint",
          .severity = LintSeverity::Warning,
          .summary = "CREATE DOMAIN with a CHECK or NOT NULL constraint",
          .check = check};
}

}  // namespace migc::rules
