// attach-partition-scan: ATTACH PARTITION of a table that is not new scans it under ACCESS EXCLUSIVE
// to check the partition bound, unless validated CHECK constraints already prove it (the model's
// judgement); a default partition is scanned for rows that now belong to the new partition.
#include "analyzer/rules/altered_table.h"
#include "analyzer/rules/statement_locks.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  auto t = altered_table(ctx);
  if (!t || t->stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
  for (const PgQuery__AlterTableCmd* cmd : t->commands(PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition)) {
    if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_PARTITION_CMD) continue;
    std::string scanned;
    for (const Hazard& h : *ctx.hazards)
      if (h.kind == HazardKind::Scan && h.relation && !ctx.is_new(h.age) && h.message.starts_with("ATTACH PARTITION"))
        scanned += (scanned.empty() ? "" : " and ") + display_name(*h.relation);
    if (scanned.empty()) continue;
    const PgQuery__RangeVar* partition = cmd->def->partition_cmd->name;
    ctx.report("ATTACH PARTITION scans " + scanned + " to check the partition bound; it " + takes_live_locks(ctx),
               "first ADD a CHECK matching the bound to the table with NOT VALID and VALIDATE it (SHARE UPDATE "
               "EXCLUSIVE): ATTACH then skips the scan",
               partition->location);
  }
}

}  // namespace

Rule attach_partition_scan() {
  return {.id = "attach-partition-scan",
          .severity = LintSeverity::Info,
          .summary = "ATTACH PARTITION that scans an existing table to check the bound",
          .check = check};
}

}  // namespace migc::rules
