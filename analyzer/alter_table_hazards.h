// Hazards of ALTER TABLE and its relatives (ALTER INDEX, VIEW, MATERIALIZED VIEW, FOREIGN TABLE,
// SEQUENCE share the statement): each subcommand locks at its own level, measured on
// PostgreSQL 15 and following AlterTableGetLockLevel, and may rewrite, scan or lose data.
#pragma once
#include <pg_query/pg_query.pb-c.h>

#include "analyzer/hazard_collector.h"

namespace migc {

void assess_alter_table(const PgQuery__AlterTableStmt& stmt, HazardCollector& out);

// The lock one subcommand takes on the altered relation.
LockMode alter_table_command_lock(const PgQuery__AlterTableCmd& cmd);

}  // namespace migc
