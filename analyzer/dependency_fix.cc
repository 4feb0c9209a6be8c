#include "analyzer/dependency_fix.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "analyzer/graph_reduction.h"

namespace migc {

std::vector<DependencyFix> plan_dependency_fixes(const MigrationSet& set, const Plan& plan) {
  const uint32_t n = set.migrations.size();
  auto post_apply = [&](uint32_t m) { return set.migrations[m].kind == Kind::PostApply; };
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (const auto& e : plan.edges)
    if (!e.ref->implicit && e.ref->type == DependencyRef::Type::Requires && !post_apply(e.after) &&
        !post_apply(e.before))
      edges.emplace_back(e.before, e.after);
  auto kept = reduced_prerequisites(n, edges);

  std::vector<uint32_t> position(n, n);
  std::unordered_map<std::string_view, uint32_t> planned;  // id → migration, for those in the plan
  for (uint32_t i = 0; i < plan.order.size(); ++i) {
    position[plan.order[i]] = i;
    planned.emplace(set.migrations[plan.order[i]].id, plan.order[i]);
  }
  std::vector<DependencyFix> fixes;
  for (uint32_t m : plan.order) {
    if (post_apply(m)) continue;
    DependencyFix fix{.migration = m};
    std::vector<uint32_t> added = kept[m];
    for (const auto& dep : set.migrations[m].deps) {
      if (dep.inferred || dep.implicit) continue;
      fix.declared.push_back(dep.target);
      // A declared id that is not in this plan (filtered out) is not ours to judge: it stays.
      auto target = planned.find(dep.target);
      bool stays = target == planned.end() || std::erase(added, target->second) > 0;
      if (stays && std::find(fix.wanted.begin(), fix.wanted.end(), dep.target) == fix.wanted.end())
        fix.wanted.push_back(dep.target);
    }
    std::sort(added.begin(), added.end(), [&](uint32_t x, uint32_t y) { return position[x] < position[y]; });
    for (uint32_t x : added) fix.wanted.push_back(set.migrations[x].id);
    if (fix.wanted != fix.declared) fixes.push_back(std::move(fix));
  }
  return fixes;
}

}  // namespace migc
