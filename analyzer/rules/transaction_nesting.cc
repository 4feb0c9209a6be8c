// transaction-nesting: BEGIN while a transaction is already open (the runner's, or an earlier
// BEGIN), and COMMIT / ROLLBACK that end the runner's transaction or find none open.
#include <fmt/format.h>

#include "analyzer/rules/transaction_text.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (ctx.node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT || ctx.nested) return;
  const Migration& m = ctx.set->migrations[ctx.migration];
  const TransactionState& tx = *ctx.tx;
  std::string runner = fmt::format("{} already runs migration '{}' in a transaction", format_name(m.format), m.id);
  std::string unwrap = fmt::format(
      "remove the BEGIN/COMMIT written in the migration, or make the runner leave it alone: {}",
      no_transaction_hint(m.format));
  switch (tx_control_of(ctx.node)) {
    case TxControl::Begin:
      if (tx.origin == TxOrigin::Runner)
        ctx.report(LintSeverity::Error,
                   runner + ": PostgreSQL ignores this BEGIN with a warning, and the COMMIT that follows ends the "
                            "runner's transaction early",
                   unwrap);
      else if (tx.origin == TxOrigin::Explicit)
        ctx.report(fmt::format("BEGIN while the transaction begun at line {} is still open: PostgreSQL ignores it "
                               "with a warning",
                               tx.begun_by ? tx.begun_by->line : 0),
                   "remove one of the two BEGINs");
      break;
    case TxControl::Commit:
    case TxControl::Rollback: {
      std::string title = statement_title(ctx.node);
      if (tx.origin == TxOrigin::Runner && !tx.begun_by)
        ctx.report(LintSeverity::Error,
                   fmt::format("{}: this {} ends the runner's transaction, the statements after it run without one, "
                               "and the runner's own COMMIT finds none open",
                               runner, title),
                   unwrap);
      else if (tx.origin == TxOrigin::None)
        ctx.report(fmt::format("{} with no transaction open: PostgreSQL warns and does nothing", title),
                   "remove it, or add the BEGIN it was meant to close");
      break;
    }
    default: break;
  }
}

}  // namespace

Rule transaction_nesting() {
  return {.id = "transaction-nesting",
          .severity = LintSeverity::Warning,
          .summary = "BEGIN inside an open transaction, or COMMIT/ROLLBACK of the runner's or of none",
          .check = check};
}

}  // namespace migc::rules
