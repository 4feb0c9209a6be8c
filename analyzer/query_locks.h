// Locks taken by queries and DML: ACCESS SHARE on every relation read, ROW SHARE on the tables
// of SELECT … FOR UPDATE/SHARE, ROW EXCLUSIVE on the tables written, and the foreign-key checks
// a write sets off (ROW SHARE on the parent rows new values point to; ROW SHARE or, for
// cascading actions, ROW EXCLUSIVE on the child rows pointing at changed keys).
#pragma once
#include <string>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/hazard_collector.h"

namespace migc {

// Every lock a query or DML statement (with its CTEs and subqueries) takes.
void lock_query(const PgQuery__Node* query, HazardCollector& out);

enum class RowWrite { Insert, Update, Delete };
// ROW EXCLUSIVE on `table` and the foreign-key locks of that write; `set_columns` are the
// columns an UPDATE assigns.
void lock_row_write(const QualifiedName& table, RowWrite write, const std::vector<std::string>& set_columns,
                    HazardCollector& out);

}  // namespace migc
