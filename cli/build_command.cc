#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/stale_check.h"
#include "emit/artifacts.h"
#include "emit/atomic_write.h"

namespace fs = std::filesystem;

namespace migc {

namespace {

struct BuildFlags {
  CommonFlags common;
  std::string out, track_table;
  bool check = false, no_rollback = false, track = false;
};

int run_build(const BuildFlags& f, const Config& cfg) {
  CompileOptions options = compile_options(f.common, cfg);
  options.parse.down = !f.no_rollback;
  Compilation c = compile(options);
  print_warnings(c.set);
  EmitOptions emit;
  emit.rollback = !f.no_rollback;
  emit.track = f.track || cfg.track.value_or(false);
  if (!f.track_table.empty()) emit.track_table = f.track_table;
  else if (cfg.track_table) emit.track_table = *cfg.track_table;
  fs::path out = !f.out.empty() ? fs::path(f.out) : cfg.out ? cfg.path_of(*cfg.out) : fs::path("migc-out");
  auto artifacts = build_artifacts(c, emit);
  if (f.check) {
    std::vector<std::string> stale = stale_artifacts(out, artifacts);
    if (stale.empty()) {
      std::cout << fmt::format("migc: {} is up to date ({} migrations)\n", out.generic_string(), c.plan.order.size());
      return 0;
    }
    for (const auto& s : stale) std::cerr << s << "\n";
    std::cerr << fmt::format("migc: {} is stale: run `migc build` and commit the result\n", out.generic_string());
    return 1;
  }
  write_files_atomically(out, artifacts);
  std::string names;
  for (const auto& [name, _] : artifacts) names += (names.empty() ? "" : ", ") + name;
  std::cout << fmt::format("migc: compiled {} {} migrations into {}/ ({})\n", c.plan.order.size(),
                           format_name(c.set.format), out.generic_string(), names);
  return 0;
}

}  // namespace

Command add_build_command(CLI::App& parent) {
  auto f = std::make_shared<BuildFlags>();
  CLI::App* cmd = parent.add_subcommand("build", "compile DIR into deploy.sql, rollback.sql, plan.json and graphs");
  add_common_flags(cmd, f->common);
  cmd->add_option("-o,--out", f->out, "output folder (default: `out` in migc.toml, else migc-out)");
  cmd->add_flag("--check", f->check, "compare with the artifacts in OUT instead of writing; exit 1 when stale");
  cmd->add_flag("--no-rollback", f->no_rollback, "deploy only: do not read down parts or write rollback.sql");
  cmd->add_flag("--track", f->track, "record applied migrations in a table and skip them on re-runs");
  cmd->add_option("--track-table", f->track_table, "the tracking table (default public.migc_migrations)");
  return {cmd, [f](const Config& cfg) { return run_build(*f, cfg); }};
}

}  // namespace migc
