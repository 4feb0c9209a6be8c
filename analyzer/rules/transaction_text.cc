#include "analyzer/rules/transaction_text.h"

#include <fmt/format.h>

namespace migc {

std::string statement_title(const PgQuery__Node* stmt) {
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return stmt->index_stmt->concurrent ? "CREATE INDEX CONCURRENTLY" : "CREATE INDEX";
    case PG_QUERY__NODE__NODE_DROP_STMT: return stmt->drop_stmt->concurrent ? "DROP INDEX CONCURRENTLY" : "DROP";
    case PG_QUERY__NODE__NODE_REINDEX_STMT: return "REINDEX";
    case PG_QUERY__NODE__NODE_VACUUM_STMT: return stmt->vacuum_stmt->is_vacuumcmd ? "VACUUM" : "ANALYZE";
    case PG_QUERY__NODE__NODE_CREATEDB_STMT: return "CREATE DATABASE";
    case PG_QUERY__NODE__NODE_DROPDB_STMT: return "DROP DATABASE";
    case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT: return "CREATE TABLESPACE";
    case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT: return "DROP TABLESPACE";
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT: return "ALTER SYSTEM";
    case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT: return "CREATE SUBSCRIPTION";
    case PG_QUERY__NODE__NODE_DROP_SUBSCRIPTION_STMT: return "DROP SUBSCRIPTION";
    case PG_QUERY__NODE__NODE_DISCARD_STMT: return "DISCARD ALL";
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: return "ALTER TYPE … ADD VALUE";
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: return "ALTER TABLE";
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
      switch (tx_control_of(stmt)) {
        case TxControl::Begin: return "BEGIN";
        case TxControl::Commit: return "COMMIT";
        case TxControl::Rollback: return "ROLLBACK";
        default: return "this statement";
      }
    default: return "this statement";
  }
}

std::string transaction_origin(const RuleContext& ctx) {
  const Migration& m = ctx.set->migrations[ctx.migration];
  if (ctx.nested) return "the DO block it is in runs in a transaction";
  if (ctx.tx->begun_by && ctx.tx->origin == TxOrigin::Explicit)
    return fmt::format("the BEGIN at line {} is still open", ctx.tx->begun_by->line);
  switch (ctx.tx->origin) {
    case TxOrigin::Runner:
      return fmt::format("{} runs migration '{}' in one transaction", format_name(m.format), m.id);
    case TxOrigin::Implicit:
      return fmt::format("{} sends migration '{}' as one multi-statement query, which PostgreSQL runs as one "
                         "transaction",
                         format_name(m.format), m.id);
    default: return "it runs in a transaction";
  }
}

std::string no_transaction_hint(Format format) {
  switch (format) {
    case Format::Yoyo:
    case Format::MigChain: return "a migration of its own with `-- transactional: false` at the top";
    case Format::Migretti: return "a migration of its own with a `-- migrate: no-transaction` section";
    case Format::Dbmate: return "a migration of its own, `-- migrate:up transaction:false`, holding only this statement";
    case Format::Goose: return "a migration of its own with `-- +goose NO TRANSACTION`";
    case Format::Flyway: return "a script of its own (Flyway runs a script of only such statements outside a transaction)";
    case Format::Diesel: return "a migration of its own with `run_in_transaction = false` in its metadata.toml";
    case Format::Pop: return "a `.autocommit` migration holding only this statement";
    case Format::GolangMigrate:
    case Format::Prisma: return "a migration of its own holding only this statement";
    default: return "a migration of its own that the runner sends without a transaction";
  }
}

}  // namespace migc
