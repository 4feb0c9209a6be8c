// statement-after-access-exclusive: a statement that runs in a transaction which already holds
// ACCESS EXCLUSIVE on an existing relation. Every read and write of that relation waits until
// COMMIT, so each further statement (a backfill above all) lengthens the outage. Once per
// transaction.
#include <fmt/format.h>

#include "analyzer/rules/rule.h"

namespace migc::rules {

namespace {

// Statements that take no time of their own.
bool trivial(const PgQuery__Node* stmt) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
    case PG_QUERY__NODE__NODE_DO_STMT:  // its statements are judged one by one
      return true;
    default: return false;
  }
}

void check(RuleContext& ctx) {
  if (!ctx.tx->open() || trivial(ctx.node) || ctx.reported_in_transaction()) return;
  for (const HeldLock& held : ctx.tx->locks) {
    // The statement's own locks join the transaction after its check: a lock held here was taken
    // by an earlier statement, or by an earlier one of the same DO block.
    if (held.mode != LockMode::AccessExclusive || held.is_new) continue;
    ctx.report(fmt::format("runs while this transaction holds ACCESS EXCLUSIVE on {} (taken at line {}): every read "
                           "and write of {} waits until COMMIT",
                           display_name(held.relation), held.taken_by.line, display_name(held.relation)),
               "commit right after the statement that takes ACCESS EXCLUSIVE (one such statement per "
               "transaction), and backfill in later transactions, in batches");
    return;
  }
}

}  // namespace

Rule statement_after_access_exclusive() {
  return {.id = "statement-after-access-exclusive",
          .severity = LintSeverity::Warning,
          .summary = "a statement run while the transaction holds ACCESS EXCLUSIVE on an existing relation",
          .check = check};
}

}  // namespace migc::rules
