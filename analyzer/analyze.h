// The analyzer's driver: replays every migration of a plan into the catalog model and derives
// the dependency findings (analyzer/dependencies.h) from what each statement touched.
#pragma once
#include <vector>

#include "analyzer/analysis.h"
#include "compiler/parser.h"
#include "compiler/planner.h"

namespace migc {

struct AnalyzeOptions {
  int pg_version_num = 150000;
  std::vector<ObjectRef> external;  // objects the target database already has ([external] in migc.toml)
  std::vector<bool> applied;        // per migration: already ran (history); empty = none
  StatementObserver* observer = nullptr;  // called for every statement that runs (migc lint)
};

// Replays plan.order and fills Analysis::catalog and Analysis::statements.
Analysis replay_plan(const MigrationSet& set, const ParsedSet& parsed, const Plan& plan,
                     const AnalyzeOptions& options);

}  // namespace migc
