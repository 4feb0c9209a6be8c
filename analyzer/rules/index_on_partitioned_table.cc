// index-on-partitioned-table: CREATE INDEX on a partitioned table (not ON ONLY) builds an index on
// every partition in one statement, holding SHARE on all of them; with CONCURRENTLY it fails.
#include <algorithm>

#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

constexpr std::string_view kRecipe =
    "create it with CREATE INDEX … ON ONLY the parent, build each partition's index CONCURRENTLY, then ALTER INDEX "
    "… ATTACH PARTITION each one";

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_INDEX_STMT) return;
  const PgQuery__IndexStmt& stmt = *ctx.node->index_stmt;
  if (!stmt.relation->inh) return;  // ON ONLY: an invalid parent index, no build
  QualifiedName table = ctx.model->resolve_relation(stmt.relation);
  const Relation* r = ctx.model->catalog.relation(table);
  if (!r || r->kind != RelKind::PartitionedTable) return;
  std::string name = display_name(table);
  if (stmt.concurrent) {
    ctx.report(LintSeverity::Error, "CREATE INDEX CONCURRENTLY fails on partitioned table " + name, std::string(kRecipe),
               stmt.relation->location);
    return;
  }
  if (ctx.is_new(table)) return;
  auto partitions = std::count_if(ctx.hazards->begin(), ctx.hazards->end(), [&](const Hazard& h) {
    return h.kind == HazardKind::Lock && h.relation != table;
  });
  ctx.report("CREATE INDEX on partitioned table " + name + " " + takes_lock(ctx, table, LockMode::Share) +
                 " and the same on each of its " + std::to_string(partitions) +
                 " partitions while it builds an index on every one",
             std::string(kRecipe), stmt.relation->location);
}

}  // namespace

Rule index_on_partitioned_table() {
  return {.id = "index-on-partitioned-table",
          .severity = LintSeverity::Warning,
          .summary = "CREATE INDEX on a partitioned table locks every partition; CONCURRENTLY fails there",
          .check = check};
}

}  // namespace migc::rules
