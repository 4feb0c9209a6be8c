// Hazards of DROP and TRUNCATE: the data they destroy, what a rollback cannot bring back, and
// the ACCESS EXCLUSIVE locks they take, including on tables tied by foreign keys.
#pragma once
#include <pg_query/pg_query.pb-c.h>

#include "analyzer/hazard_collector.h"

namespace migc {

void assess_drop(const PgQuery__DropStmt& stmt, HazardCollector& out);
void assess_truncate(const PgQuery__TruncateStmt& stmt, HazardCollector& out);

}  // namespace migc
