// Dependency findings derived from what every statement touched (Analysis::statements):
// inferred edges, objects nobody creates, duplicate creations, order-dependent pairs and
// redundant declared edges.
#pragma once
#include "analyzer/analysis.h"
#include "analyzer/analyze.h"
#include "compiler/planner.h"

namespace migc {

// Fills inferred (including uses of objects created only later in plan.order, which the
// caller must turn into reordering edges or errors), missing and duplicates.
void infer_dependencies(const MigrationSet& set, const Plan& plan, const AnalyzeOptions& options, Analysis& a);

// Fills order_dependent and redundant from the final graph (plan.edges); call after the plan
// includes the inferred edges.
void find_graph_findings(const MigrationSet& set, const Plan& plan, Analysis& a);

// Objects every database has (built-in schemas and anything in pg_catalog or
// information_schema): never "created by nobody", never a dependency.
bool is_builtin_object(const ObjectRef& object);

}  // namespace migc
