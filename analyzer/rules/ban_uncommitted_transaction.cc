// ban-uncommitted-transaction: a BEGIN with no COMMIT or ROLLBACK after it in the migration.
// The session ends with the transaction open and PostgreSQL rolls everything back: the
// migration looks applied, but nothing it did remains.
#include <fmt/format.h>

#include "analyzer/rules/transaction_text.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.nested || tx_control_of(ctx.node) != TxControl::Begin) return;
  // Inside the runner's transaction the runner's COMMIT ends it (transaction-nesting says so).
  if (ctx.tx->runner_wraps) return;
  const auto& stmts = *ctx.statements;
  for (size_t i = ctx.statement + 1; i < stmts.size(); ++i) {
    TxControl t = stmts[i].tx_control;
    if (t == TxControl::Commit || t == TxControl::Rollback) return;
  }
  ctx.report("BEGIN with no COMMIT or ROLLBACK after it in this migration: when the session ends, PostgreSQL rolls "
             "back everything the migration did",
             "add COMMIT; at the end of the migration");
}

}  // namespace

Rule ban_uncommitted_transaction() {
  return {.id = "ban-uncommitted-transaction",
          .severity = LintSeverity::Error,
          .summary = "a BEGIN never committed in its migration",
          .check = check,
          .aliases = {"uncommitted-transaction"}};
}

}  // namespace migc::rules
