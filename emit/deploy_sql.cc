#include "emit/deploy_sql.h"

#include <fmt/format.h>

#include "compiler/sha256.h"
#include "emit/sql_script.h"

namespace migc {

long long tracking_lock_key(const std::string& table) {
  auto d = Sha256().update("migc:" + table).digest();
  unsigned long long k = 0;
  for (int i = 0; i < 8; ++i) k = (k << 8) | d[i];
  return static_cast<long long>(k >> 1);  // a positive bigint
}

std::string provenance_comment(const Compilation& c, uint32_t migration) {
  const MigrationSet& set = c.set;
  const Migration& m = set.migrations[migration];
  std::string files;
  for (uint32_t f : m.files) {
    if (!files.empty()) files += ", ";
    files += set.file(f).path();
  }
  std::string out = fmt::format("-- migration {} ({})\n", m.id, files);
  std::string facts = fmt::format("kind: {}", kind_name(m.kind));
  if (!m.domain.empty()) facts += fmt::format(" · domain: {}", m.domain);
  std::string deps;
  for (const auto& d : m.deps)
    if (!d.implicit && d.type != DependencyRef::Type::Conflicts) deps += (deps.empty() ? "" : ", ") + d.target;
  if (!deps.empty()) facts += " · depends on: " + deps;
  return out + "-- " + facts + "\n";
}

std::string emit_deploy_sql(const Compilation& c, const EmitOptions& options) {
  std::string out = script_header(c, "Deployment script");
  ScriptWriter w(out);
  const std::string& table = options.track_table;
  long long key = tracking_lock_key(table);
  if (options.track) {
    w.line("");
    w.line("-- bookkeeping: which migrations this database has run; one deployment at a time");
    w.line(fmt::format("SELECT pg_advisory_lock({});", key));
    w.line(fmt::format(
        "CREATE TABLE IF NOT EXISTS {} (id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL "
        "DEFAULT now());",
        table));
  }
  for (uint32_t i : c.plan.order) {
    const Migration& m = c.set.migrations[i];
    w.line("");
    w.line("-- ----------------------------------------------------------------------------");
    out += provenance_comment(c, i);
    std::string tail;
    if (options.track) {
      w.line(fmt::format("SELECT NOT EXISTS (SELECT 1 FROM {} WHERE id = {}) AS migc_pending \\gset", table,
                         sql_literal(m.id)));
      w.line("\\if :migc_pending");
      tail = fmt::format("INSERT INTO {} (id, checksum) VALUES ({}, {});", table, sql_literal(m.id),
                         sql_literal(migration_checksum(c.set, m)));
    }
    write_part(w, c.set, m.up, c.parsed.migrations[i].up, tail);
    if (options.track) {
      w.line("\\else");
      w.line(fmt::format("\\echo migc: {} already applied, skipped", m.id));
      w.line("\\endif");
    }
  }
  if (options.track) {
    w.line("");
    w.line(fmt::format("SELECT pg_advisory_unlock({});", key));
  }
  return out;
}

}  // namespace migc
