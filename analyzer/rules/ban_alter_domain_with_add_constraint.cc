// ban-alter-domain-with-add-constraint: ALTER DOMAIN … ADD CONSTRAINT (without NOT VALID) on a domain
// that is not new checks every column of that type in every table, each table locked against
// writes (SHARE) while it is scanned. NOT VALID only moves the scan: on PostgreSQL 15 ALTER DOMAIN
// … VALIDATE CONSTRAINT takes the same SHARE lock.
#include "analyzer/rules/altered_table.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT) return;
  const PgQuery__AlterDomainStmt& stmt = *ctx.node->alter_domain_stmt;
  const PgQuery__Constraint* c = constraint_node(stmt.def);
  if (std::string_view(stmt.subtype) != "C" || !c || c->skip_validation) return;
  QualifiedName domain = ctx.model->resolve_type(string_list(stmt.type_name, stmt.n_type_name));
  const TypeDef* d = ctx.model->catalog.type(domain);
  if (d && ctx.is_new(ctx.model->age_of(d->provenance))) return;
  std::string type = display_name(domain), tables;
  for (const auto& [name, r] : ctx.model->catalog.relations) {
    bool uses = false;
    for (const Column& column : r.columns) uses = uses || column.type == type || column.type == type + "[]";
    if (uses && r.kind != RelKind::View) tables += (tables.empty() ? "" : ", ") + display_name(name);
  }
  ctx.report("ALTER DOMAIN " + type + " ADD CONSTRAINT scans every table with a column of the domain" +
                 (tables.empty() ? std::string() : " (" + tables + ")") + " while it blocks their writes",
             "put the condition in a CHECK … NOT VALID on each table and VALIDATE it later (SHARE UPDATE EXCLUSIVE); "
             "ALTER DOMAIN … VALIDATE CONSTRAINT holds SHARE on the tables too",
             c->location);
}

}  // namespace

Rule ban_alter_domain_with_add_constraint() {
  return {.id = "ban-alter-domain-with-add-constraint",
          .severity = LintSeverity::Warning,
          .summary = "ALTER DOMAIN … ADD CONSTRAINT checks every column of the domain",
          .check = check};
}

}  // namespace migc::rules
