// The analyzer's results for a whole build: the catalog after the last migration, what every
// statement reads, writes and risks, and the dependency findings derived from them.
#pragma once
#include <cstdint>
#include <vector>

#include "analyzer/catalog.h"
#include "analyzer/object_ref.h"
#include "analyzer/replay.h"
#include "compiler/ir.h"

namespace migc {

// "Migration `after` uses `object`, which migration `before` created or last changed."
struct InferredDependency {
  uint32_t before = 0, after = 0;  // migration indexes
  ObjectRef object;
  uint32_t statement = 0;  // index into the up statements of `after` (ParsedMigration::up)
  bool declared = false;   // already implied by the declared graph (or the chain of a linear format)
};

// A declared edge the rest of the graph already implies.
struct RedundantDependency {
  uint32_t migration = 0;         // the migration that declares it
  const DependencyRef* ref = nullptr;
  std::vector<uint32_t> path;     // migration, …, target: the longer path that implies it
};

// Two migrations the graph leaves unordered that write the same object, or where one writes
// what the other reads: their relative order decides the result.
struct OrderDependentPair {
  uint32_t first = 0, second = 0;  // first < second in deploy order
  ObjectRef object;
  Access first_access = Access::Read, second_access = Access::Read;
};

struct DuplicateCreation {
  ObjectRef object;
  std::vector<uint32_t> migrations;  // every migration that creates it, in deploy order
};

// An object a statement uses that no migration creates and [external] does not list.
struct MissingObject {
  ObjectRef object;
  uint32_t migration = 0;
  uint32_t statement = 0;  // index into ParsedMigration::up
};

struct Analysis {
  Catalog catalog;  // after the last migration of the deploy order
  // Per migration (parallel to MigrationSet::migrations; empty for filtered-out ones), per up
  // statement (parallel to ParsedMigration::up).
  std::vector<std::vector<StatementAnalysis>> statements;
  std::vector<InferredDependency> inferred;       // sorted by (after, before)
  std::vector<RedundantDependency> redundant;
  std::vector<OrderDependentPair> order_dependent;
  std::vector<DuplicateCreation> duplicates;
  std::vector<MissingObject> missing;
};

}  // namespace migc
