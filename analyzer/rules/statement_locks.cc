#include "analyzer/rules/statement_locks.h"

#include <algorithm>

namespace migc {

const Hazard* lock_on(const RuleContext& ctx, const QualifiedName& relation) {
  return hazard_on(ctx, HazardKind::Lock, relation);
}

const Hazard* hazard_on(const RuleContext& ctx, HazardKind kind, const QualifiedName& relation, HazardCause cause,
                        std::string_view column) {
  for (const Hazard& h : *ctx.hazards)
    if (h.kind == kind && h.relation == relation && (cause == HazardCause::Other || h.cause == cause) &&
        (column.empty() || h.column == column))
      return &h;
  return nullptr;
}

static std::string lock_phrase(LockMode mode, const QualifiedName& relation) {
  return std::string(lock_mode_name(mode)) + " on " + display_name(relation) + " (" + std::string(lock_blocks(mode)) +
         ")";
}

std::string takes_lock(const RuleContext& ctx, const QualifiedName& relation, LockMode fallback) {
  const Hazard* h = lock_on(ctx, relation);
  return "takes " + lock_phrase(h && h->lock ? *h->lock : fallback, relation);
}

std::string takes_live_locks(const RuleContext& ctx) {
  std::vector<const Hazard*> live;
  for (const Hazard& h : *ctx.hazards)
    if (h.kind == HazardKind::Lock && h.lock && h.relation && !ctx.is_new(h.age)) live.push_back(&h);
  std::stable_sort(live.begin(), live.end(), [](const Hazard* a, const Hazard* b) { return *a->lock > *b->lock; });
  std::string out;
  for (size_t i = 0; i < live.size(); ++i)
    out += (i == 0 ? "takes " : i + 1 == live.size() ? " and " : ", ") + lock_phrase(*live[i]->lock, *live[i]->relation);
  return out;
}

bool locks_live_relation(const RuleContext& ctx, LockMode at_least) {
  return std::any_of(ctx.hazards->begin(), ctx.hazards->end(), [&](const Hazard& h) {
    return h.kind == HazardKind::Lock && h.lock && *h.lock >= at_least && !ctx.is_new(h.age);
  });
}

}  // namespace migc
