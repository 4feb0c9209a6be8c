#include "emit/deploy_sql.h"

#include <fmt/format.h>

#include "emit/sql_script.h"
#include "emit/tracking.h"

namespace migc {

std::string provenance_comment(const Compilation& c, uint32_t migration) {
  const MigrationSet& set = c.set;
  const Migration& m = set.migrations[migration];
  std::string files;
  for (uint32_t f : m.files) {
    if (!files.empty()) files += ", ";
    files += set.file(f).path();
  }
  std::string out = "-- ----------------------------------------------------------------------------\n";
  out += fmt::format("-- migration {} ({})\n", m.id, files);
  std::string facts = fmt::format("kind: {}", kind_name(m.kind));
  if (!m.domain.empty()) facts += fmt::format(" · domain: {}", m.domain);
  std::string deps;
  for (const auto& d : m.deps)
    if (!d.implicit && !d.inferred && d.type != DependencyRef::Type::Conflicts)
      deps += (deps.empty() ? "" : ", ") + d.target;
  if (!deps.empty()) facts += " · depends on: " + deps;
  out += "-- " + facts + "\n";
  for (const auto& d : m.deps)
    if (d.inferred) out += fmt::format("-- inferred dependency: {} (uses {})\n", d.target, d.reason);
  return out;
}

std::string emit_deploy_sql(const Compilation& c, const EmitOptions& options) {
  std::string out = script_header(c, "Deployment script");
  ScriptWriter w(out);
  write_tracking_prologue(w, options, Direction::Deploy);
  for (uint32_t i : c.plan.order) {
    w.line("");
    out += provenance_comment(c, i);
    write_migration_part(w, c, i, options, Direction::Deploy);
  }
  write_tracking_epilogue(w, options);
  return out;
}

}  // namespace migc
