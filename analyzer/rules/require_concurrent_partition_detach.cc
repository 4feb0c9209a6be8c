// require-concurrent-partition-detach: DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE
// on the partitioned table and the partition. From PostgreSQL 14, CONCURRENTLY takes only SHARE
// UPDATE EXCLUSIVE, unless the table has a default partition (then it is refused).
#include "analyzer/hazard_collector.h"
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.pg_version_num < 140000) return;
  auto t = altered_table(ctx);
  if (!t || default_partition_of(ctx.model->catalog, t->name)) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition)) {
    if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_PARTITION_CMD || cmd->def->partition_cmd->concurrent)
      continue;
    std::string locks = takes_live_locks(ctx);
    if (locks.empty()) continue;  // both new
    const PgQuery__RangeVar* partition = cmd->def->partition_cmd->name;
    ctx.report("DETACH PARTITION " + display_name(ctx.model->resolve_relation(partition)) + " " + locks,
               "DETACH PARTITION … CONCURRENTLY, in a migration that runs outside a transaction block",
               partition->location);
  }
}

}  // namespace

Rule require_concurrent_partition_detach() {
  return {.id = "require-concurrent-partition-detach",
          .severity = LintSeverity::Warning,
          .summary = "DETACH PARTITION without CONCURRENTLY blocks reads and writes of the partitioned table",
          .check = check};
}

}  // namespace migc::rules
