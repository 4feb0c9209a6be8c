#include "emit/rollback_sql.h"

#include <fmt/format.h>

#include "emit/deploy_sql.h"
#include "emit/sql_script.h"
#include "emit/tracking.h"

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
  write_tracking_prologue(w, options, Direction::Rollback);
  for (auto it = c.plan.order.rbegin(); it != c.plan.order.rend(); ++it) {
    w.line("");
    out += provenance_comment(c, *it);
    if (!c.set.migrations[*it].down) {
      w.line("-- no down part: nothing to roll back");
      continue;
    }
    write_migration_part(w, c, *it, options, Direction::Rollback);
  }
  write_tracking_epilogue(w, options);
  return out;
}

}  // namespace migc
