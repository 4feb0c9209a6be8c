// The statement handlers behind replay_relation_statement() (replay.h), one per statement
// kind, each in the file named after it. They assume ctx.execute: the entry point replays
// statements of function bodies against a copy of the catalog.
#pragma once
#include <pg_query/pg_query.pb-c.h>

#include "analyzer/replay.h"

namespace migc {

void replay_create_table(const PgQuery__CreateStmt* stmt, RelKind kind, ReplayContext& ctx);  // replay_create_table.cc
// CREATE TABLE … AS and SELECT … INTO: `query` is the SELECT, `into` its target.
void replay_create_table_as(const PgQuery__Node* query, const PgQuery__IntoClause* into, bool if_not_exists,
                            ReplayContext& ctx);                                                // replay_create_table_as.cc
void replay_alter_table(const PgQuery__AlterTableStmt* stmt, ReplayContext& ctx);              // replay_alter_table.cc
void replay_create_index(const PgQuery__IndexStmt* stmt, ReplayContext& ctx);                  // replay_index.cc
void replay_create_sequence(const PgQuery__CreateSeqStmt* stmt, ReplayContext& ctx);           // replay_sequence.cc
void replay_alter_sequence(const PgQuery__AlterSeqStmt* stmt, ReplayContext& ctx);             // replay_sequence.cc
// DROP, RENAME and SET SCHEMA of relations, columns and table constraints.
void replay_drop(const PgQuery__DropStmt* stmt, ReplayContext& ctx);                          // replay_drop_rename.cc
void replay_rename(const PgQuery__RenameStmt* stmt, ReplayContext& ctx);                      // replay_drop_rename.cc
void replay_set_schema(const PgQuery__AlterObjectSchemaStmt* stmt, ReplayContext& ctx);       // replay_drop_rename.cc

}  // namespace migc
