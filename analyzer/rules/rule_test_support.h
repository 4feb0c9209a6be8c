// Test helper for lint rules: lints SQL texts (one per migration) through the real engine and
// compares the findings with the expectations written inline in the SQL:
//
//   CREATE INDEX users_email ON users (email);  -- expect: require-concurrent-index-creation
//   -- expect: ban-drop-column, require-lock-timeout
//   ALTER TABLE users DROP COLUMN legacy;
//
// An "-- expect:" comment belongs to the statement on its line or the next statement (as
// "-- migc:ignore" does). Only the rules under test are compared: those named in
// LintCase::rules, else every rule any expect comment of the case names.
#pragma once
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analyzer/lint.h"
#include "analyzer/lint_comments.h"
#include "compiler/loader.h"

namespace migc::test {

struct LintCase {
  // Per migration: reported on, as `migc lint FILE…` reports the FILEs; the rest is history
  // (already ran: its objects are live). Empty: every migration, as `migc lint` with no FILE.
  std::vector<bool> linted;
  std::vector<TxMode> tx;  // per migration: how the runner sends it (default: one transaction)
  int pg_version_num = 150000;
  std::vector<std::string> rules;            // the rules compared (empty: those the expectations name)
  std::map<std::string, RuleSetting> config;  // [lint.rules]
  std::map<std::string, std::string> settings;  // session settings the runner sets
  std::map<std::string, std::string> naming;    // [lint.naming]
  std::optional<bool> assume_in_transaction;
};

struct LintedSql {
  MigrationSet set;
  ParsedSet parsed;
  std::vector<Finding> findings;
};

// Each string is one migration (file 0000.sql, 0001.sql, …) of a plain-format directory.
inline LintedSql lint_sql(const std::vector<std::string>& migrations, const LintCase& c = {}) {
  LintedSql out;
  MigrationSet& set = out.set;
  for (size_t i = 0; i < migrations.size(); ++i) {
    std::string path = fmt::format("{:04}.sql", i);
    set.files.push_back(std::make_unique<SourceFile>(path, path, migrations[i]));
    Migration m;
    m.id = path.substr(0, 4);
    m.files.push_back(static_cast<uint32_t>(i));
    m.up.push_back(file_block(set, static_cast<uint32_t>(i), i < c.tx.size() ? c.tx[i] : TxMode::Transaction));
    set.migrations.push_back(std::move(m));
  }
  add_chain_edges(set);
  ParseOptions parse;
  parse.pg_version_num = c.pg_version_num;
  parse.threads = 1;
  out.parsed = parse_set(set, parse);
  Plan plan = plan_migrations(set, {});
  LintOptions options;
  options.analyze.pg_version_num = c.pg_version_num;
  options.linted = c.linted;
  options.rules = c.config;
  options.settings = c.settings;
  options.naming = c.naming;
  options.assume_in_transaction = c.assume_in_transaction;
  out.findings = lint(set, out.parsed, plan, options);
  return out;
}

// The usual case: migration 0 is history (its objects are live), migration 1 is linted.
inline LintCase after_history(std::vector<std::string> rules, int pg_version_num = 150000) {
  return {.linted = {false, true}, .pg_version_num = pg_version_num, .rules = std::move(rules)};
}

// The messages of `rule`'s findings in `after_history` migrations, one per line.
inline std::string message_of(const std::vector<std::string>& sql, const std::string& rule,
                              int pg_version_num = 150000) {
  std::string out;
  for (const auto& f : lint_sql(sql, after_history({}, pg_version_num)).findings)
    if (f.rule == rule) out += (out.empty() ? "" : "\n") + f.message;
  return out;
}

// "" when every linted statement has exactly the findings its expect comments name (among the
// rules under test); otherwise one line per statement that differs, naming both lists.
inline std::string lint_expectations(const std::vector<std::string>& migrations, const LintCase& c = {}) {
  LintedSql linted = lint_sql(migrations, c);
  std::string problems;
  std::set<std::string> compared(c.rules.begin(), c.rules.end());
  // (migration, statement) → expected rule ids
  std::map<std::pair<uint32_t, uint32_t>, std::vector<std::string>> expected;
  for (uint32_t m = 0; m < migrations.size(); ++m) {
    const auto& stmts = linted.parsed.migrations[m].up;
    std::vector<uint32_t> ends;
    for (const auto& p : stmts) ends.push_back(p.end);
    for (const auto& comment : directive_comments(migrations[m], {"expect:"})) {
      auto s = statement_of_comment(migrations[m], ends, comment.begin);
      bool is_linted = c.linted.empty() || (m < c.linted.size() && c.linted[m]);
      if (!s || !is_linted) {
        problems += fmt::format("migration {}: an expect comment at byte {} {}\n", m, comment.begin,
                                s ? "is in history, which is not linted" : "follows every statement");
        continue;
      }
      for (const auto& name : comment.names) {
        if (rules_named(name).empty()) problems += fmt::format("migration {}: unknown rule '{}' expected\n", m, name);
        if (c.rules.empty()) compared.insert(name);
        expected[{m, static_cast<uint32_t>(*s)}].push_back(name);
      }
    }
  }
  std::map<std::pair<uint32_t, uint32_t>, std::vector<std::string>> actual;
  for (const auto& f : linted.findings)
    if (compared.count(f.rule)) actual[{f.migration, f.statement}].push_back(f.rule);
  std::set<std::pair<uint32_t, uint32_t>> places;
  for (const auto& [k, v] : expected) places.insert(k);
  for (const auto& [k, v] : actual) places.insert(k);
  for (const auto& key : places) {
    std::vector<std::string> want = expected[key], got = actual[key];
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want == got) continue;
    const ParsedStatement& p = linted.parsed.migrations[key.first].up[key.second];
    std::string_view code = std::string_view(migrations[key.first]).substr(p.begin, p.end - p.begin);
    problems += fmt::format("migration {} line {}: expected [{}], got [{}]: {}\n", key.first,
                            linted.set.file(p.file).position(p.begin).line, fmt::join(want, ", "),
                            fmt::join(got, ", "), code.substr(0, code.find('\n')));
  }
  if (compared.empty()) problems += "no rule under test: name one in LintCase::rules or an expect comment\n";
  return problems;
}

}  // namespace migc::test
