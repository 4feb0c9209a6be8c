// ban-concurrent-index-creation-in-transaction: a statement that cannot run inside a transaction
// block (CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION … CONCURRENTLY,
// VACUUM, CREATE DATABASE, ALTER TYPE … ADD VALUE before 12, …) where one is open: an explicit
// BEGIN, the runner's own transaction, PostgreSQL's implicit one for a multi-statement query, or
// a DO block. squawk's rule of the same id covers CREATE INDEX only; the meaning is the same.
#include <fmt/format.h>

#include "analyzer/rules/transaction_text.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  if (!ctx.non_transactional || !(ctx.nested || ctx.tx->open())) return;
  ctx.report(fmt::format("{} cannot run inside a transaction block, and {}: PostgreSQL rejects it",
                         statement_title(ctx.node), transaction_origin(ctx)),
             fmt::format("move it to {}", no_transaction_hint(ctx.set->format)));
}

}  // namespace

Rule ban_concurrent_index_creation_in_transaction() {
  return {.id = "ban-concurrent-index-creation-in-transaction",
          .severity = LintSeverity::Error,
          .summary = "a statement that cannot run in a transaction block, inside one",
          .check = check,
          .aliases = {"concurrently-in-transaction"}};
}

}  // namespace migc::rules
