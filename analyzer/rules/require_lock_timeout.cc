// require-lock-timeout: the first statement of a migration that locks an existing relation at
// SHARE UPDATE EXCLUSIVE or stronger while no lock_timeout is in force. Waiting for its lock, it
// queues every later query on that relation behind it.
#include "analyzer/rules/timeout_setting.h"

namespace migc::rules {

namespace {

void check(RuleContext& ctx) {
  require_timeout(ctx, LockMode::ShareUpdateExclusive, {"lock_timeout"},
                  "while it waits behind a long transaction, every later query on {} queues behind it",
                  "start the migration with `SET lock_timeout = '2s';` (or SET LOCAL inside its transaction) and "
                  "retry when it times out; `0` disables the timeout");
}

}  // namespace

Rule require_lock_timeout() {
  return {.id = "require-lock-timeout",
          .severity = LintSeverity::Warning,
          .summary = "a lock on an existing relation taken with no lock_timeout set",
          .check = check,
          .aliases = {"require-timeout-settings"}};
}

}  // namespace migc::rules
