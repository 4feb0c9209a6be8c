#include "emit/rollback_sql.h"

#include <fmt/format.h>

#include "emit/deploy_sql.h"
#include "emit/sql_script.h"

namespace migc {

std::string emit_rollback_sql(const Compilation& c, const EmitOptions& options) {
  std::string out = script_header(c, "Rollback script");
  ScriptWriter w(out);
  std::vector<std::string> irreversible;
  for (uint32_t i : c.plan.order)
    if (!c.set.migrations[i].down) irreversible.push_back(c.set.migrations[i].id);
  if (!irreversible.empty()) {
    w.line(fmt::format("-- {} migration(s) have no down part; their changes stay:", irreversible.size()));
    for (const auto& id : irreversible) w.line("--   " + id);
  }
  const std::string& table = options.track_table;
  long long key = tracking_lock_key(table);
  if (options.track) {
    w.line("");
    w.line(fmt::format("SELECT pg_advisory_lock({});", key));
  }
  for (auto it = c.plan.order.rbegin(); it != c.plan.order.rend(); ++it) {
    const Migration& m = c.set.migrations[*it];
    w.line("");
    w.line("-- ----------------------------------------------------------------------------");
    out += provenance_comment(c, *it);
    if (!m.down) {
      w.line("-- no down part: nothing to roll back");
      continue;
    }
    std::string tail;
    if (options.track) {
      w.line(fmt::format("SELECT EXISTS (SELECT 1 FROM {} WHERE id = {}) AS migc_applied \\gset", table,
                         sql_literal(m.id)));
      w.line("\\if :migc_applied");
      tail = fmt::format("DELETE FROM {} WHERE id = {};", table, sql_literal(m.id));
    }
    write_part(w, c.set, *m.down, c.parsed.migrations[*it].down, tail);
    if (options.track) {
      w.line("\\else");
      w.line(fmt::format("\\echo migc: {} not applied, skipped", m.id));
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
