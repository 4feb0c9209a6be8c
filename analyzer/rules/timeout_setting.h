// Whether a timeout setting is in force where a statement runs: set (by SET, SET LOCAL,
// set_config() or the runner) to a value other than 0, which disables it.
#pragma once
#include <string_view>

#include "analyzer/rules/rule.h"

namespace migc {

bool timeout_in_force(const RuleContext& ctx, std::string_view name);

// The first statement of a migration that takes `at_least` or stronger on a relation that is not
// new, when none of `settings` is in force: a finding that names the lock and `risk`, what can
// happen without the timeout. Once per migration.
void require_timeout(RuleContext& ctx, LockMode at_least, const std::vector<std::string_view>& settings,
                     std::string_view risk, std::string_view help);

}  // namespace migc
