// Deploy orders the dependency graph allows besides the compiled one: the source tool's own
// order, and other topological orders picked at random (seeded, so runs repeat).
#pragma once
#include <cstdint>
#include <vector>

#include "compiler/ir.h"
#include "compiler/planner.h"

namespace migc {

// How the source tool itself runs the migrations of `plan`: dependencies first, ties broken
// by its own listing order (MigrationSet::migrations), each phase in turn (Flyway runs its
// repeatable migrations after the versioned ones).
std::vector<uint32_t> source_order(const MigrationSet& set, const Plan& plan);

// Up to `count` distinct orders over plan.edges, none equal to plan.order. Fewer when the
// graph allows fewer (a linear chain allows only one).
std::vector<std::vector<uint32_t>> other_orders(const MigrationSet& set, const Plan& plan, size_t count,
                                                uint64_t seed);

}  // namespace migc
