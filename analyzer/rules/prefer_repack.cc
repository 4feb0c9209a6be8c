// prefer-repack: CLUSTER and VACUUM FULL rewrite a relation that is not new under ACCESS EXCLUSIVE
// for the whole copy. REPACK (CONCURRENTLY) from PostgreSQL 19, or the pg_repack extension before,
// rebuild it while reads and writes go on.
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_CLUSTER_STMT && ctx.node->node_case != PG_QUERY__NODE__NODE_VACUUM_STMT)
    return;
  std::string what = ctx.node->node_case == PG_QUERY__NODE__NODE_CLUSTER_STMT ? "CLUSTER" : "VACUUM FULL";
  for (const Hazard& h : *ctx.hazards)
    if (h.kind == HazardKind::Rewrite && h.relation && !ctx.is_new(h.age))
      ctx.report(what + " " + takes_lock(ctx, *h.relation) + " while it rewrites the table and its indexes",
                 ctx.pg_version_num >= 190000 ? "use REPACK (CONCURRENTLY) instead"
                                              : "rebuild it online with the pg_repack extension instead",
                 -1);
}

}  // namespace

Rule prefer_repack() {
  return {.id = "prefer-repack",
          .severity = LintSeverity::Warning,
          .summary = "CLUSTER or VACUUM FULL rewrites an existing table under ACCESS EXCLUSIVE",
          .check = check};
}

}  // namespace migc::rules
