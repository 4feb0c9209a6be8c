// What `migc deps --fix` proposes for a graph format (yoyo, MigChain): the dependencies each
// migration should declare so that its header alone orders it right. That is the transitive
// reduction of the declared edges joined with those the SQL needs (the inferred ones): every
// missing prerequisite is added, and every declared one the others already imply is dropped.
#pragma once
#include <string>
#include <vector>

#include "analyzer/analysis.h"
#include "compiler/planner.h"

namespace migc {

struct DependencyFix {
  uint32_t migration = 0;
  std::vector<std::string> declared;  // the ids its header lists now, as written
  std::vector<std::string> wanted;    // the ids it should list: kept ones in written order, then new ones in deploy order
};

// Only migrations whose list changes, in deploy order. Post-apply migrations are left alone:
// they run after everything else whatever they declare.
std::vector<DependencyFix> plan_dependency_fixes(const MigrationSet& set, const Plan& plan);

}  // namespace migc
