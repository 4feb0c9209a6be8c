#include "cli/cli.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/config.h"
#include "cli/stale_check.h"
#include "compiler/compile.h"
#include "compiler/pg_version.h"
#include "emit/artifacts.h"
#include "emit/atomic_write.h"
#include "emit/graph.h"

namespace fs = std::filesystem;

namespace migc {

namespace {

// What the user said on the command line; unset values fall back to migc.toml.
struct CommonFlags {
  std::string dir;
  std::string dir_format;
  std::vector<std::string> placeholders;  // name=value
  std::string pg_version;
  std::vector<std::string> include, exclude;
  bool no_seeds = false;
};

void add_common(CLI::App* cmd, CommonFlags& f) {
  cmd->add_option("DIR", f.dir, "migrations directory (default: `dir` in migc.toml, else .)");
  cmd->add_option("--dir-format", f.dir_format, "input format (default: autodetect)");
  cmd->add_option("--placeholder", f.placeholders, "placeholder value, NAME=VALUE (repeatable)");
  cmd->add_option("--pg-version", f.pg_version, "target PostgreSQL version (default 15)");
  cmd->add_option("--include", f.include, "only these domains (repeatable)")->delimiter(',');
  cmd->add_option("--exclude", f.exclude, "leave out these domains (repeatable)")->delimiter(',');
  cmd->add_flag("--no-seeds", f.no_seeds, "leave out seed migrations");
}

[[noreturn]] void usage_error(const std::string& message) {
  throw CompileError(diagnostic_in(Severity::Error, "", message));
}

CompileOptions compile_options(const CommonFlags& f, const Config& cfg) {
  CompileOptions o;
  if (!f.dir.empty()) {
    o.load.root = f.dir;
    o.load.display_root = f.dir;
  } else if (cfg.dir) {
    fs::path d = cfg.path_of(*cfg.dir);
    o.load.root = d;
    o.load.display_root = fs::relative(d, fs::current_path()).generic_string();
  } else {
    o.load.root = ".";
    o.load.display_root = ".";
  }
  std::string format = !f.dir_format.empty() ? f.dir_format : cfg.dir_format.value_or("");
  if (!format.empty()) {
    o.load.format = format_from_name(format);
    if (!o.load.format) {
      std::string names;
      for (Format x : all_formats()) names += (names.empty() ? "" : ", ") + std::string(format_name(x));
      usage_error(fmt::format("unknown --dir-format '{}' (one of: {})", format, names));
    }
  }
  o.load.placeholders = cfg.placeholders;
  for (const auto& p : f.placeholders) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0) usage_error(fmt::format("--placeholder '{}' is not NAME=VALUE", p));
    o.load.placeholders[p.substr(0, eq)] = p.substr(eq + 1);
  }
  std::string version = !f.pg_version.empty() ? f.pg_version : cfg.pg_version.value_or("15");
  auto num = parse_pg_version(version);
  if (!num) usage_error(fmt::format("--pg-version '{}' is not a PostgreSQL version such as 15 or 11.0", version));
  o.parse.pg_version_num = *num;
  o.plan.include_domains = !f.include.empty() ? f.include : cfg.include;
  o.plan.exclude_domains = !f.exclude.empty() ? f.exclude : cfg.exclude;
  o.plan.no_seeds = f.no_seeds || cfg.no_seeds.value_or(false);
  return o;
}

void print_warnings(const MigrationSet& set) {
  for (const auto& w : set.warnings) std::cerr << format_diagnostic(w);
}

int run_build(const CommonFlags& f, const Config& cfg, std::string out_flag, bool check, bool no_rollback,
              bool track_flag, const std::string& track_table_flag) {
  CompileOptions options = compile_options(f, cfg);
  options.parse.down = !no_rollback;
  Compilation c = compile(options);
  print_warnings(c.set);
  EmitOptions emit;
  emit.rollback = !no_rollback;
  emit.track = track_flag || cfg.track.value_or(false);
  if (!track_table_flag.empty()) emit.track_table = track_table_flag;
  else if (cfg.track_table) emit.track_table = *cfg.track_table;
  fs::path out = !out_flag.empty() ? fs::path(out_flag) : cfg.out ? cfg.path_of(*cfg.out) : fs::path("migc-out");
  auto artifacts = build_artifacts(c, emit);
  if (check) {
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

int run_graph(const CommonFlags& f, const Config& cfg, const std::string& format) {
  Compilation c = compile(compile_options(f, cfg));
  print_warnings(c.set);
  if (format == "mermaid") std::cout << emit_graph_mermaid(c);
  else if (format == "dot") std::cout << emit_graph_dot(c);
  else std::cout << emit_graph_json(c);
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"migc: compile and analyse PostgreSQL migration directories"};
  app.set_version_flag("--version", std::string("migc ") + MIGC_VERSION);
  app.require_subcommand(1);

  CommonFlags flags;
  std::string out, track_table, graph_format = "mermaid";
  bool check = false, track = false, no_rollback = false;

  CLI::App* build = app.add_subcommand("build", "compile DIR into deploy.sql, rollback.sql, plan.json and graphs");
  add_common(build, flags);
  build->add_option("-o,--out", out, "output folder (default: `out` in migc.toml, else migc-out)");
  build->add_flag("--check", check, "compare with the artifacts in OUT instead of writing; exit 1 when stale");
  build->add_flag("--no-rollback", no_rollback, "deploy only: do not read down parts or write rollback.sql");
  build->add_flag("--track", track, "record applied migrations in a table and skip them on re-runs");
  build->add_option("--track-table", track_table, "the tracking table (default public.migc_migrations)");

  CLI::App* graph = app.add_subcommand("graph", "print the dependency graph");
  add_common(graph, flags);
  graph->add_option("--format", graph_format, "mermaid, dot or json")->check(CLI::IsMember({"mermaid", "dot", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  try {
    Config cfg;
    if (auto file = find_config(fs::current_path())) cfg = read_config(*file);
    if (build->parsed()) return run_build(flags, cfg, out, check, no_rollback, track, track_table);
    return run_graph(flags, cfg, graph_format);
  } catch (const CompileError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "migc: error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace migc
