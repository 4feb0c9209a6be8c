// validate-in-same-transaction: VALIDATE CONSTRAINT in the transaction that already holds a
// SHARE ROW EXCLUSIVE or stronger lock on the table (or, for a foreign key, on the table it
// references), typically from the ADD CONSTRAINT … NOT VALID just before. The validation scan
// then runs under that lock, which is what NOT VALID was meant to avoid.
#include <fmt/format.h>

#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

// The strong lock the transaction holds on `relation`, if it matters (not a new relation).
const HeldLock* strong_lock(const TransactionState& tx, const QualifiedName& relation) {
  const HeldLock* held = tx.lock_on(relation);
  return held && !held->is_new && held->mode >= LockMode::ShareRowExclusive ? held : nullptr;
}

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT || !ctx.tx->open()) return;
  const auto* stmt = ctx.node->alter_table_stmt;
  if (!stmt->relation) return;
  QualifiedName table = ctx.model->resolve_relation(stmt->relation);
  const Relation* rel = ctx.model->catalog.relation(table);
  for (size_t i = 0; i < stmt->n_cmds; ++i) {
    if (stmt->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const auto* cmd = stmt->cmds[i]->alter_table_cmd;
    if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint) continue;
    const Constraint* c = rel ? rel->constraint(cmd->name) : nullptr;
    const HeldLock* held = strong_lock(*ctx.tx, table);
    if (!held && c && c->type == 'f') held = strong_lock(*ctx.tx, c->ref_table);
    if (!held) continue;
    ctx.report(fmt::format("VALIDATE CONSTRAINT {} scans {} while this transaction still holds {} on {} (taken at "
                           "line {}; {}): the scan runs under that lock until COMMIT",
                           cmd->name, display_name(table), lock_mode_name(held->mode), display_name(held->relation),
                           held->taken_by.line, lock_blocks(held->mode)),
               "commit after ADD CONSTRAINT … NOT VALID and validate in a later transaction (a later migration, or "
               "after COMMIT), where VALIDATE takes only SHARE UPDATE EXCLUSIVE");
  }
}

}  // namespace

Rule validate_in_same_transaction() {
  return {.id = "validate-in-same-transaction",
          .severity = LintSeverity::Warning,
          .summary = "VALIDATE CONSTRAINT in the transaction that holds a strong lock on its table",
          .check = check};
}

}  // namespace migc::rules
