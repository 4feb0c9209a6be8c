// Which migrations must run before which: the transitive closure of a plan's edges, as one
// bitset per migration, computed along the deploy order (a topological order).
#pragma once
#include <cstdint>
#include <vector>

#include "compiler/planner.h"

namespace migc {

class Reachability {
 public:
  // Only edges for which keep(edge) is true count.
  template <class Keep>
  Reachability(size_t migrations, const Plan& plan, Keep keep);
  // Whether `before` must run before `after` (a path before → … → after exists).
  bool reaches(uint32_t before, uint32_t after) const {
    return (bits_[after][before / 64] >> (before % 64)) & 1;
  }

 private:
  std::vector<std::vector<uint64_t>> bits_;  // bits_[v]: every u with a path u → v
};

template <class Keep>
Reachability::Reachability(size_t migrations, const Plan& plan, Keep keep)
    : bits_(migrations, std::vector<uint64_t>((migrations + 63) / 64, 0)) {
  std::vector<std::vector<uint32_t>> preds(migrations);
  for (const auto& e : plan.edges)
    if (keep(e)) preds[e.after].push_back(e.before);
  for (uint32_t v : plan.order)
    for (uint32_t u : preds[v]) {
      auto& mine = bits_[v];
      const auto& theirs = bits_[u];
      for (size_t w = 0; w < mine.size(); ++w) mine[w] |= theirs[w];
      mine[u / 64] |= uint64_t{1} << (u % 64);
    }
}

}  // namespace migc
