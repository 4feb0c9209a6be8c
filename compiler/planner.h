// Planner: the dependency graph over migrations (declared edges plus the implicit chain of
// linear formats), filters, cycle detection, and the deterministic deploy order.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ir.h"

namespace migc {

struct PlanOptions {
  std::vector<std::string> include_domains;  // empty: all
  std::vector<std::string> exclude_domains;
  bool no_seeds = false;
};

struct PlannedEdge {
  uint32_t before = 0;  // the prerequisite (migration index)
  uint32_t after = 0;   // the migration that depends on it
  const DependencyRef* ref = nullptr;
};

struct Plan {
  std::vector<uint32_t> order;        // indexes into MigrationSet::migrations, in deploy order
  std::vector<PlannedEdge> edges;     // between migrations in `order`, sorted by (after, before)
  std::vector<uint32_t> filtered_out; // dropped by --include/--exclude/--no-seeds
};

// Which part of the run a migration belongs to: 0 versioned, 1 repeatable (after every
// versioned one), 2 post-apply (at the very end). Every deploy order runs the phases in turn.
int deploy_phase(Kind k);

// Throws CompileError for an unknown dependency, a cycle (naming every migration on it and where
// each edge was declared), or a kept migration that depends on a filtered-out one.
Plan plan_migrations(const MigrationSet& set, const PlanOptions& options);

}  // namespace migc
