// The locks, rewrites and scans of the statement a rule looks at, as the hazard modules judged
// them (analyzer/hazards.cc), worded for findings: "takes ACCESS EXCLUSIVE on public.users
// (blocks reads and writes)".
#pragma once
#include <string>

#include "analyzer/rules/rule.h"

namespace migc {

// The Lock hazard of the statement on `relation`, or nullptr.
const Hazard* lock_on(const RuleContext& ctx, const QualifiedName& relation);
// The first hazard of `kind` about `relation`, from `cause` (any when Other) and about `column`
// (any when empty), or nullptr.
const Hazard* hazard_on(const RuleContext& ctx, HazardKind kind, const QualifiedName& relation,
                        HazardCause cause = HazardCause::Other, std::string_view column = "");

// "takes ACCESS EXCLUSIVE on public.users (blocks reads and writes)"; `fallback` is the mode
// named when the hazards list no lock on it (a statement the lock model does not cover).
std::string takes_lock(const RuleContext& ctx, const QualifiedName& relation,
                       LockMode fallback = LockMode::AccessExclusive);
// Every lock the statement takes on a relation that is not new, strongest first, in one phrase:
// "takes ACCESS EXCLUSIVE on public.orders (blocks reads and writes) and SHARE ROW EXCLUSIVE on
// public.users (blocks writes)"; "" when there is none.
std::string takes_live_locks(const RuleContext& ctx);
// Whether the statement locks a relation that is not new at `at_least` or stronger.
bool locks_live_relation(const RuleContext& ctx, LockMode at_least);

}  // namespace migc
