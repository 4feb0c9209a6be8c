// --track: a table recording which migrations a database has run, guards so a re-run skips
// them (psql \if), and a session advisory lock so two deployments never interleave.
#pragma once
#include <string>

#include "analyzer/compile.h"
#include "emit/emit_options.h"
#include "emit/sql_script.h"

namespace migc {

enum class Direction { Deploy, Rollback };

// The advisory-lock key: the same table always gives the same key.
long long tracking_lock_key(const std::string& table);

// The lock (and, when deploying, the table) before the first migration.
void write_tracking_prologue(ScriptWriter& w, const EmitOptions& options, Direction direction);
// Releases the lock after the last migration.
void write_tracking_epilogue(ScriptWriter& w, const EmitOptions& options);

// One migration's up (Deploy) or down (Rollback) part; with --track, guarded so it runs only
// when still pending (or, rolling back, when applied) and recorded in the same transaction.
void write_migration_part(ScriptWriter& w, const Compilation& c, uint32_t migration, const EmitOptions& options,
                          Direction direction);

}  // namespace migc
