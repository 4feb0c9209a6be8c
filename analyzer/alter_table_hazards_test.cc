#include "analyzer/alter_table_hazards.h"

#include <catch2/catch.hpp>

#include "analyzer/sql_tree.h"

using migc::LockMode;
using migc::SqlTree;

namespace {

// The lock of the first subcommand of an ALTER statement.
LockMode lock_of(const std::string& sql) {
  SqlTree tree(sql);
  REQUIRE(tree.size() == 1);
  REQUIRE(tree.statement(0)->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT);
  return migc::alter_table_command_lock(*tree.statement(0)->alter_table_stmt->cmds[0]->alter_table_cmd);
}

}  // namespace

TEST_CASE("each ALTER TABLE subcommand locks at its PostgreSQL 15 level", "[hazards][alter_table]") {
  // Measured with pg_locks on PostgreSQL 15.20.
  const std::vector<std::pair<std::string, LockMode>> cases = {
      {"ALTER TABLE t ADD COLUMN c int", LockMode::AccessExclusive},
      {"ALTER TABLE t DROP COLUMN c", LockMode::AccessExclusive},
      {"ALTER TABLE t ALTER COLUMN c TYPE bigint", LockMode::AccessExclusive},
      {"ALTER TABLE t ALTER COLUMN c SET DEFAULT 1", LockMode::AccessExclusive},
      {"ALTER TABLE t ALTER COLUMN c SET NOT NULL", LockMode::AccessExclusive},
      {"ALTER TABLE t ALTER COLUMN c SET STORAGE external", LockMode::AccessExclusive},
      {"ALTER TABLE t ALTER COLUMN c SET COMPRESSION pglz", LockMode::AccessExclusive},
      {"ALTER TABLE t ALTER COLUMN c SET STATISTICS 100", LockMode::ShareUpdateExclusive},
      {"ALTER TABLE t ALTER COLUMN c SET (n_distinct = 5)", LockMode::ShareUpdateExclusive},
      {"ALTER TABLE t ADD CONSTRAINT k CHECK (c > 0) NOT VALID", LockMode::AccessExclusive},
      {"ALTER TABLE t ADD CONSTRAINT k UNIQUE (c)", LockMode::AccessExclusive},
      {"ALTER TABLE t ADD CONSTRAINT k FOREIGN KEY (c) REFERENCES p", LockMode::ShareRowExclusive},
      {"ALTER TABLE t VALIDATE CONSTRAINT k", LockMode::ShareUpdateExclusive},
      {"ALTER TABLE t DROP CONSTRAINT k", LockMode::AccessExclusive},
      {"ALTER TABLE t ALTER CONSTRAINT k DEFERRABLE", LockMode::AccessExclusive},
      {"ALTER TABLE t SET (fillfactor = 50)", LockMode::ShareUpdateExclusive},
      {"ALTER TABLE t RESET (autovacuum_enabled)", LockMode::ShareUpdateExclusive},
      {"ALTER TABLE t SET (user_catalog_table = true)", LockMode::AccessExclusive},
      {"ALTER VIEW v SET (security_barrier = true)", LockMode::AccessExclusive},
      {"ALTER TABLE t CLUSTER ON t_pkey", LockMode::ShareUpdateExclusive},
      {"ALTER TABLE t ENABLE TRIGGER ALL", LockMode::ShareRowExclusive},
      {"ALTER TABLE t DISABLE TRIGGER tr", LockMode::ShareRowExclusive},
      {"ALTER TABLE t REPLICA IDENTITY FULL", LockMode::AccessExclusive},
      {"ALTER TABLE t ENABLE ROW LEVEL SECURITY", LockMode::AccessExclusive},
      {"ALTER TABLE t OWNER TO someone", LockMode::AccessExclusive},
      {"ALTER TABLE t SET LOGGED", LockMode::AccessExclusive},
      {"ALTER TABLE t SET TABLESPACE fast", LockMode::AccessExclusive},
      {"ALTER TABLE t INHERIT p", LockMode::AccessExclusive},
      {"ALTER TABLE p ATTACH PARTITION t FOR VALUES IN (1)", LockMode::ShareUpdateExclusive},
      {"ALTER TABLE p DETACH PARTITION t", LockMode::AccessExclusive},
      {"ALTER TABLE p DETACH PARTITION t CONCURRENTLY", LockMode::ShareUpdateExclusive},
      {"ALTER TABLE p DETACH PARTITION t FINALIZE", LockMode::ShareUpdateExclusive},
      {"ALTER INDEX i SET (fillfactor = 50)", LockMode::ShareUpdateExclusive},
      {"ALTER TABLE t ALTER COLUMN c ADD GENERATED ALWAYS AS IDENTITY", LockMode::AccessExclusive},
  };
  for (const auto& [sql, mode] : cases) {
    INFO(sql);
    CHECK(lock_of(sql) == mode);
  }
}
