#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "analyzer/lint.h"
#include "cli/command.h"
#include "compiler/parse_cache.h"
#include "emit/lint_report.h"

namespace fs = std::filesystem;

namespace migc {

namespace {

struct LintFlags {
  CommonFlags common;
  std::vector<std::string> files;
  std::string format, fail_on;
  std::vector<std::string> rules;  // NAME=LEVEL
  bool assume_in_transaction = false, no_assume_in_transaction = false;
  bool no_cache = false;
};

RuleSetting rule_setting(const std::string& name, const std::string& level) {
  if (level == "off") return {.off = true};
  if (level == "on") return {};
  auto severity = lint_severity_from_name(level);
  if (!severity) usage_error(fmt::format("rule '{}': level '{}' is not error, warning, info, on or off", name, level));
  return {.severity = severity};
}

std::map<std::string, RuleSetting> rule_settings(const std::map<std::string, std::string>& levels) {
  std::map<std::string, RuleSetting> out;
  for (const auto& [name, level] : levels) out[name] = rule_setting(name, level);
  return out;
}

// Per migration: whether a FILE argument names one of its files. The rest is history.
std::vector<bool> linted_migrations(const MigrationSet& set, const fs::path& root, const std::vector<std::string>& files) {
  std::map<fs::path, std::vector<uint32_t>> by_path;
  for (uint32_t m = 0; m < set.migrations.size(); ++m)
    for (uint32_t f : set.migrations[m].files) by_path[fs::weakly_canonical(root / set.file(f).path())].push_back(m);
  std::vector<bool> linted(set.migrations.size(), false);
  for (const auto& file : files) {
    auto it = by_path.find(fs::weakly_canonical(file));
    if (it == by_path.end()) {
      std::cerr << fmt::format("migc lint: {} is not a migration file of {}; skipped\n", file, set.root);
      continue;
    }
    for (uint32_t m : it->second) linted[m] = true;
  }
  return linted;
}

std::optional<LintSeverity> failing_severity(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  auto s = lint_severity_from_name(fail_on);
  if (!s) usage_error(fmt::format("--fail-on '{}' is not error, warning, info or never", fail_on));
  return s;
}

void print_report(const std::string& format, const MigrationSet& set, const std::vector<Finding>& findings,
                  size_t linted) {
  if (format == "json") std::cout << lint_json(set, findings);
  else if (format == "sarif") std::cout << lint_sarif(set, findings);
  else if (format == "github") std::cout << lint_github(set, findings);
  else if (format == "text") {
    const char* no_color = std::getenv("NO_COLOR");
    bool color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
    std::cout << lint_text(set, findings, {linted}, color);
  } else {
    usage_error(fmt::format("--format '{}' is not text, json, sarif or github", format));
  }
}

// What lint needs: the migrations, their parse trees and the deploy order. A linear format's order
// is final once planned, so lint's own replay is the only one; a graph format (yoyo, MigChain)
// may be reordered by the dependencies the analysis infers, which compile() settles first.
struct Compiled {
  MigrationSet set;
  ParsedSet parsed;
  Plan plan;
};

Compiled compile_for_lint(const CompileOptions& options) {
  MigrationSet set = load_migrations(options.load);
  if (order_from_graph(set.format)) {
    Compilation c = compile(options);
    return {std::move(c.set), std::move(c.parsed), std::move(c.plan)};
  }
  ParsedSet parsed = parse_set(set, options.parse);
  Plan plan = plan_migrations(set, options.plan);
  return {std::move(set), std::move(parsed), std::move(plan)};
}

int run_lint(const LintFlags& f, const Config& cfg) {
  const LintConfig& lc = cfg.lint;
  CommonFlags common = f.common;
  if (common.pg_version.empty() && lc.pg_version) common.pg_version = *lc.pg_version;
  CompileOptions options = compile_options(common, cfg);
  options.parse.down = false;  // only the up parts run forward
  std::optional<ParseCache> cache;
  if (auto file = f.no_cache ? std::nullopt : default_parse_cache_file(options.load.root)) {
    cache.emplace(*file);
    options.parse.cache = &*cache;
  }
  std::optional<LintSeverity> fail_on = failing_severity(!f.fail_on.empty() ? f.fail_on : lc.fail_on.value_or("error"));
  std::string format = !f.format.empty() ? f.format : lc.format.value_or("text");

  LintOptions lint_options;
  lint_options.rules = rule_settings(lc.rules);
  for (const auto& r : f.rules) {
    auto eq = r.find('=');
    if (eq == std::string::npos || eq == 0) usage_error(fmt::format("--rule '{}' is not NAME=LEVEL", r));
    lint_options.rules[r.substr(0, eq)] = rule_setting(r.substr(0, eq), r.substr(eq + 1));
  }
  for (const auto& o : lc.overrides)
    lint_options.overrides.push_back({o.paths, rule_settings(o.rules), o.assume_in_transaction});
  lint_options.assume_in_transaction = lc.assume_in_transaction;
  if (f.assume_in_transaction) lint_options.assume_in_transaction = true;
  if (f.no_assume_in_transaction) lint_options.assume_in_transaction = false;
  lint_options.settings = lc.settings;
  lint_options.naming = lc.naming;
  // Patterns are a request for the rule that checks them, unless the configuration says otherwise.
  if (!lc.naming.empty()) lint_options.rules.try_emplace("naming-convention");
  check_lint_options(lint_options);

  Compiled c = compile_for_lint(options);
  if (cache) cache->save();
  size_t linted = c.set.migrations.size();
  if (!f.files.empty()) {
    lint_options.linted = linted_migrations(c.set, options.load.root, f.files);
    linted = static_cast<size_t>(std::count(lint_options.linted.begin(), lint_options.linted.end(), true));
    if (linted == 0) return 0;
  }
  for (const auto& w : c.set.warnings) {
    // The linter reports these itself (ban-concurrent-index-creation-in-transaction), with a finding.
    if (w.message.starts_with("this statement cannot run inside a transaction block")) continue;
    std::cerr << format_diagnostic(w);
  }
  lint_options.analyze = options.analyze;
  std::vector<Finding> findings = lint(c.set, c.parsed, c.plan, lint_options);
  print_report(format, c.set, findings, linted);
  bool failing = fail_on && std::any_of(findings.begin(), findings.end(),
                                        [&](const Finding& x) { return x.severity >= *fail_on; });
  return failing ? 1 : 0;
}

}  // namespace

Command add_lint_command(CLI::App& parent) {
  auto f = std::make_shared<LintFlags>();
  CLI::App* cmd = parent.add_subcommand(
      "lint", "report unsafe migrations: locks, rewrites, failures (with FILEs: only those, the rest is history)");
  add_common_flags(cmd, f->common, true);
  cmd->add_option("FILE", f->files, "migration files to report on (what pre-commit passes); the others already ran");
  cmd->add_option("--format", f->format, "text (default), json, sarif or github");
  cmd->add_option("--fail-on", f->fail_on, "exit 1 on findings at or above: error (default), warning, info, never");
  cmd->add_option("--rule", f->rules, "NAME=LEVEL: error, warning, info, on or off (repeatable)");
  cmd->add_flag("--assume-in-transaction", f->assume_in_transaction,
                "every migration runs in one transaction, whatever its format says");
  cmd->add_flag("--no-assume-in-transaction", f->no_assume_in_transaction,
                "every statement runs on its own, whatever the format says");
  cmd->add_flag("--no-cache", f->no_cache, "parse everything (no parse cache in $XDG_CACHE_HOME/migc)");
  return {cmd, [f](const Config& cfg) { return run_lint(*f, cfg); }};
}

}  // namespace migc
