#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"
#include "compiler/pg_version.h"

namespace fs = std::filesystem;

namespace migc {

void add_common_flags(CLI::App* cmd, CommonFlags& f, bool dir_option) {
  cmd->add_option(dir_option ? "--dir" : "DIR", f.dir, "migrations directory (default: `dir` in migc.toml, else .)");
  cmd->add_option("--dir-format", f.dir_format, "input format (default: autodetect)");
  cmd->add_option("--placeholder", f.placeholders, "placeholder value, NAME=VALUE (repeatable)");
  cmd->add_option("--pg-version", f.pg_version, "target PostgreSQL version (default 15)");
  cmd->add_option("--include", f.include, "only these domains (repeatable)")->delimiter(',');
  cmd->add_option("--exclude", f.exclude, "leave out these domains (repeatable)")->delimiter(',');
  cmd->add_flag("--no-seeds", f.no_seeds, "leave out seed migrations");
  cmd->add_option("--external", f.external,
                  "an object the target database already has, KIND:NAME such as table:public.legacy (repeatable)");
}

void usage_error(const std::string& message) { throw CompileError(diagnostic_in(Severity::Error, "", message)); }

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
  o.analyze.pg_version_num = o.parse.pg_version_num;
  for (const auto& e : !f.external.empty() ? f.external : cfg.external) {
    auto colon = e.find(':');
    auto object = colon == std::string::npos ? std::nullopt
                                             : parse_object_ref(e.substr(0, colon), e.substr(colon + 1));
    if (!object) usage_error(fmt::format("--external '{}' is not KIND:NAME (schema, table, view, sequence, type, "
                                         "function or extension)", e));
    o.analyze.external.push_back(*object);
  }
  return o;
}

void print_warnings(const MigrationSet& set) {
  for (const auto& w : set.warnings) std::cerr << format_diagnostic(w);
}

}  // namespace migc
