// require-statement-timeout: the first statement of a migration that locks an existing relation
// at SHARE UPDATE EXCLUSIVE or stronger while no statement_timeout (nor, from PostgreSQL 17,
// transaction_timeout) is in force: nothing bounds how long it holds that lock.
#include "analyzer/rules/timeout_setting.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  std::vector<std::string_view> settings = {"statement_timeout"};
  if (ctx.pg_version_num >= 170000) settings.push_back("transaction_timeout");
  require_timeout(ctx, LockMode::ShareUpdateExclusive, settings,
                  "nothing bounds how long it holds that lock on {}",
                  "start the migration with `SET statement_timeout = '5min';` (or SET LOCAL inside its transaction); "
                  "`0` disables the timeout");
}

}  // namespace

Rule require_statement_timeout() {
  return {.id = "require-statement-timeout",
          .severity = LintSeverity::Info,
          .summary = "a lock on an existing relation taken with no statement_timeout set",
          .check = check,
          .aliases = {"require-timeout-settings"}};
}

}  // namespace migc::rules
