// migc lint's engine: replays a compiled plan with the rules watching every statement
// (analyzer/rules/rule.h), then applies severities, per-path settings and suppression comments.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/rules/rule.h"
#include "compiler/ir.h"
#include "compiler/parser.h"
#include "compiler/planner.h"

namespace migc {

struct Finding {
  std::string rule;
  LintSeverity severity = LintSeverity::Warning;
  uint32_t file = 0;            // index into MigrationSet::files
  uint32_t begin = 0, end = 0;  // expanded byte offsets of the span pointed at
  LineCol start, stop;          // 1-based, in the original file; `stop` is just past the span
  std::string message, help;
  uint32_t migration = 0, statement = 0;  // the top-level statement (ParsedMigration::up)
};

// How one rule is set: a severity, or off.
struct RuleSetting {
  bool off = false;
  std::optional<LintSeverity> severity;  // nullopt: the rule's default
};

// Settings that differ for migrations whose file matches a glob ('*' within a folder, '**'
// across folders, '?' one character), relative to the migrations directory.
struct LintOverride {
  std::vector<std::string> paths;
  std::map<std::string, RuleSetting> rules;  // by id or alias
  std::optional<bool> assume_in_transaction;
};

struct LintOptions {
  AnalyzeOptions analyze;        // pg_version_num, external objects; `applied` and `observer` are set here
  std::vector<bool> linted;      // per migration: reported on, the rest is history; empty = all reported
  std::map<std::string, RuleSetting> rules;  // by id or alias; opt-in rules need a setting to run
  std::vector<LintOverride> overrides;       // later ones win
  // The runner's transaction: nullopt follows the format (Block::tx); true wraps every block in
  // one transaction, false runs every statement on its own.
  std::optional<bool> assume_in_transaction;
  std::map<std::string, std::string> settings;  // session settings the runner sets before each migration
  std::map<std::string, std::string> naming;    // [lint.naming]: kind → pattern (naming-convention)
};

// Bad settings (an unknown rule name, a [lint.naming] pattern that is no regular expression) are
// reported as CompileError, like bad input.
void check_lint_options(const LintOptions& options);
// [lint.naming] compiled; throws CompileError as check_lint_options does.
NamingPatterns naming_patterns(const LintOptions& options);

// Every finding on the linted migrations, suppression applied, sorted by file, line, column, rule.
std::vector<Finding> lint(const MigrationSet& set, const ParsedSet& parsed, const Plan& plan,
                          const LintOptions& options);

bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace migc
