#include "verify/orders.h"

#include <algorithm>
#include <functional>
#include <random>
#include <set>

namespace migc {

namespace {

// Kahn's algorithm over plan.edges (only the declared ones when `declared_only`); `pick`
// chooses among the ready migrations of the earliest phase (given in source order) and
// returns the position of the one to run next.
std::vector<uint32_t> topological_order(const MigrationSet& set, const Plan& plan, bool declared_only,
                                        const std::function<size_t(const std::vector<uint32_t>&)>& pick) {
  std::vector<uint32_t> indegree(set.migrations.size(), 0);
  std::vector<std::vector<uint32_t>> after(set.migrations.size());
  for (const auto& e : plan.edges) {
    if (declared_only && e.ref && e.ref->inferred) continue;
    ++indegree[e.after];
    after[e.before].push_back(e.after);
  }
  std::set<uint32_t> ready;
  for (uint32_t m : plan.order)
    if (indegree[m] == 0) ready.insert(m);
  std::vector<uint32_t> order;
  while (!ready.empty()) {
    int phase = deploy_phase(set.migrations[*ready.begin()].kind);
    for (uint32_t m : ready) phase = std::min(phase, deploy_phase(set.migrations[m].kind));
    std::vector<uint32_t> candidates;
    for (uint32_t m : ready)
      if (deploy_phase(set.migrations[m].kind) == phase) candidates.push_back(m);
    uint32_t next = candidates[pick(candidates)];
    ready.erase(next);
    order.push_back(next);
    for (uint32_t t : after[next])
      if (--indegree[t] == 0) ready.insert(t);
  }
  return order;
}

}  // namespace

std::vector<uint32_t> source_order(const MigrationSet& set, const Plan& plan) {
  return topological_order(set, plan, true, [](const std::vector<uint32_t>&) { return size_t{0}; });
}

std::vector<std::vector<uint32_t>> other_orders(const MigrationSet& set, const Plan& plan, size_t count,
                                                uint64_t seed) {
  std::mt19937_64 random(seed);  // the standard fixes its output: the same seed gives the same orders anywhere
  auto pick = [&](const std::vector<uint32_t>& candidates) { return static_cast<size_t>(random() % candidates.size()); };
  std::set<std::vector<uint32_t>> seen = {plan.order};
  std::vector<std::vector<uint32_t>> out;
  for (size_t attempt = 0; out.size() < count && attempt < 20 * count + 20; ++attempt) {
    auto order = topological_order(set, plan, false, pick);
    if (seen.insert(order).second) out.push_back(std::move(order));
  }
  return out;
}

}  // namespace migc
