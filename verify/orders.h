// Deploy orders the dependency graph allows besides the compiled one: the source tool's own
// order, and other topological orders picked at random (seeded, so runs repeat).
#pragma once
#include <cstdint>
#include <vector>

#include "compiler/ir.h"
#include "compiler/planner.h"

namespace migc {

// How the source tool itself runs the migrations of `plan`: the dependencies its authors
// declared first (not those the analyzer inferred), ties broken by its own listing order
// (MigrationSet::migrations), each phase in turn (Flyway runs repeatables after versioned ones).
std::vector<uint32_t> source_order(const MigrationSet& set, const Plan& plan);

// Up to `count` distinct orders that respect every edge of the plan, declared or inferred,
// none equal to plan.order. Fewer when the graph allows fewer (a linear chain allows one).
std::vector<std::vector<uint32_t>> other_orders(const MigrationSet& set, const Plan& plan, size_t count,
                                                uint64_t seed);

}  // namespace migc
