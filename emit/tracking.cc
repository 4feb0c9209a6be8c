#include "emit/tracking.h"

#include <fmt/format.h>

#include "compiler/sha256.h"

namespace migc {

long long tracking_lock_key(const std::string& table) {
  auto d = Sha256().update("migc:" + table).digest();
  unsigned long long k = 0;
  for (int i = 0; i < 8; ++i) k = (k << 8) | d[i];
  return static_cast<long long>(k >> 1);  // a positive bigint
}

void write_tracking_prologue(ScriptWriter& w, const EmitOptions& options, Direction direction) {
  if (!options.track) return;
  w.line("");
  w.line("-- bookkeeping (--track): one deployment at a time; applied migrations are recorded and skipped");
  w.line(fmt::format("SELECT pg_advisory_lock({});", tracking_lock_key(options.track_table)));
  if (direction != Direction::Deploy) return;
  // CREATE SCHEMA checks the CREATE privilege even when the schema exists: never for public.
  if (auto dot = options.track_table.find('.'); dot != std::string::npos && options.track_table.substr(0, dot) != "public")
    w.line(fmt::format("CREATE SCHEMA IF NOT EXISTS {};", options.track_table.substr(0, dot)));
  w.line(fmt::format("CREATE TABLE IF NOT EXISTS {} (id text PRIMARY KEY, checksum text NOT NULL, applied_at "
                       "timestamptz NOT NULL DEFAULT now());",
                       options.track_table));
}

void write_tracking_epilogue(ScriptWriter& w, const EmitOptions& options) {
  if (!options.track) return;
  w.line("");
  w.line(fmt::format("SELECT pg_advisory_unlock({});", tracking_lock_key(options.track_table)));
}

void write_migration_part(ScriptWriter& w, const Compilation& c, uint32_t migration, const EmitOptions& options,
                          Direction direction) {
  const Migration& m = c.set.migrations[migration];
  const bool deploy = direction == Direction::Deploy;
  const auto& blocks = deploy ? m.up : *m.down;
  const auto& parsed = deploy ? c.parsed.migrations[migration].up : c.parsed.migrations[migration].down;
  const auto* analyses = deploy ? &c.analysis.statements[migration] : nullptr;
  if (!options.track) {
    write_part(w, c.set, blocks, parsed, "", analyses);
    return;
  }
  const std::string& table = options.track_table;
  std::string id = sql_literal(m.id);
  w.line(fmt::format("SELECT {}EXISTS (SELECT 1 FROM {} WHERE id = {}) AS migc_run \\gset", deploy ? "NOT " : "",
                     table, id));
  w.line("\\if :migc_run");
  std::string record =
      deploy ? fmt::format("INSERT INTO {} (id, checksum) VALUES ({}, {});", table, id,
                           sql_literal(migration_checksum(c.set, m)))
             : fmt::format("DELETE FROM {} WHERE id = {};", table, id);
  write_part(w, c.set, blocks, parsed, record, analyses);
  w.line("\\else");
  w.line(fmt::format("\\echo migc: {} {}, skipped", m.id, deploy ? "already applied" : "not applied"));
  w.line("\\endif");
}

}  // namespace migc
