// refresh-matview-concurrently: REFRESH MATERIALIZED VIEW without CONCURRENTLY replaces a view that
// is not new under ACCESS EXCLUSIVE, so nobody can read it until the query finishes. CONCURRENTLY
// takes EXCLUSIVE (reads go on) but needs a unique index on the view and a populated view.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

// Whether the view has a unique index on plain columns, without a predicate, as CONCURRENTLY requires.
bool has_usable_unique_index(const Catalog& catalog, const QualifiedName& view) {
  for (const auto& [name, r] : catalog.relations)
    if (r.kind == RelKind::Index && r.index.table == view && r.index.unique && !r.index.predicate) return true;
  return false;
}

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT) return;
  const PgQuery__RefreshMatViewStmt& stmt = *ctx.node->refresh_mat_view_stmt;
  if (stmt.concurrent || stmt.skip_data) return;
  QualifiedName view = ctx.model->resolve_relation(stmt.relation);
  const Relation* r = ctx.model->catalog.relation(view);
  if (ctx.is_new(view) || (r && !r->populated)) return;  // CONCURRENTLY refuses a view never populated
  std::string help = "REFRESH MATERIALIZED VIEW CONCURRENTLY (EXCLUSIVE: reads go on)";
  if (r && !has_usable_unique_index(ctx.model->catalog, view))
    help = "create a unique index on the view (CONCURRENTLY), then " + help;
  ctx.report("REFRESH MATERIALIZED VIEW " + takes_lock(ctx, view) + " until its query has run and the view is rewritten",
             std::move(help), stmt.relation->location);
}

}  // namespace

Rule refresh_matview_concurrently() {
  return {.id = "refresh-matview-concurrently",
          .severity = LintSeverity::Warning,
          .summary = "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of an existing view",
          .check = check};
}

}  // namespace migc::rules
