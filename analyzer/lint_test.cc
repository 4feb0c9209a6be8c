#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::LintSeverity;
using migc::RuleSetting;
using migc::test::lint_expectations;
using migc::test::lint_sql;

namespace {

const char* kUsers = "CREATE TABLE users (id bigint, name text);";

std::vector<std::string> rules_of(const migc::test::LintedSql& l) {
  std::vector<std::string> out;
  for (const auto& f : l.findings) out.push_back(f.rule);
  return out;
}

}  // namespace

TEST_CASE("lint: a finding spans its statement, 1-based, end just past it", "[lint]") {
  auto l = lint_sql({kUsers, "-- add a column\n  ALTER TABLE users\n    ADD COLUMN a text;\n"},
                    {.linted = {false, true}, .config = {{"require-statement-timeout", {.off = true}}}});
  REQUIRE(l.findings.size() == 1);
  const auto& f = l.findings[0];
  CHECK(f.rule == "require-lock-timeout");
  CHECK(f.severity == LintSeverity::Warning);
  CHECK(std::make_pair(f.start.line, f.start.column) == std::make_pair(2u, 3u));
  CHECK(std::make_pair(f.stop.line, f.stop.column) == std::make_pair(3u, 22u));
  CHECK(f.message == "takes ACCESS EXCLUSIVE on public.users (blocks reads and writes) with no lock_timeout set: "
                     "while it waits behind a long transaction, every later query on public.users queues behind it");
}

TEST_CASE("lint: migc:ignore covers the whole statement on its line or after it", "[lint]") {
  CHECK(lint_expectations({kUsers,
                           "-- migc:ignore require-lock-timeout -- the table is tiny\n"
                           "ALTER TABLE users\n  ADD COLUMN a text;",
                           "ALTER TABLE users ADD COLUMN b text;  -- migc:ignore require-lock-timeout",
                           "ALTER TABLE users ADD COLUMN c text;  -- expect: require-lock-timeout"},
                          {.linted = {false, true, true, true}}) == "");
}

TEST_CASE("lint: migc:ignore-file, squawk's spellings and aliases", "[lint]") {
  CHECK(lint_expectations({kUsers,
                           "-- migc:ignore-file require-lock-timeout\nALTER TABLE users ADD COLUMN a text;",
                           "-- squawk-ignore-file require-timeout-settings\nALTER TABLE users ADD COLUMN b text;",
                           "-- squawk-ignore require-lock-timeout\nALTER TABLE users ADD COLUMN c text;"},
                          {.linted = {false, true, true, true},
                           .rules = {"require-lock-timeout", "require-statement-timeout", "unused-ignore"},
                           .config = {{"require-statement-timeout", {.off = true}}}}) == "");
}

TEST_CASE("lint: unknown and unused ignores are reported", "[lint]") {
  CHECK(lint_expectations({kUsers,
                           "-- migc:ignore no-such-rule\nSELECT 1;  -- expect: unused-ignore\n"
                           "-- migc:ignore ban-drop-column\nSELECT 2;  -- expect: unused-ignore\n"
                           "-- migc:ignore require-statement-timeout\nSELECT 3;  -- off in the config: not reported\n"},
                          {.linted = {false, true},
                           .rules = {"unused-ignore"},
                           .config = {{"require-statement-timeout", {.off = true}}}}) == "");
  CHECK(lint_expectations({"-- migc:ignore-file unused-ignore\n-- migc:ignore nothing-here\nSELECT 1;"},
                          {.rules = {"unused-ignore"}}) == "");
}

TEST_CASE("lint: severities and off from the config; aliases", "[lint]") {
  auto severity_of = [](const migc::test::LintedSql& l) { return l.findings.at(0).severity; };
  auto l = lint_sql({kUsers, "ALTER TABLE users ADD COLUMN a text;"},
                    {.linted = {false, true},
                     .config = {{"require-lock-timeout", {.severity = LintSeverity::Error}},
                                {"require-statement-timeout", {.off = true}}}});
  CHECK(rules_of(l) == std::vector<std::string>{"require-lock-timeout"});
  CHECK(severity_of(l) == LintSeverity::Error);

  // An alias names one rule or several (squawk's require-timeout-settings).
  CHECK(migc::rules_named("require-lock-timeout").size() == 1);
  CHECK(migc::rules_named("require-timeout-settings").size() == 2);
}

TEST_CASE("lint: overrides match migrations by path glob", "[lint]") {
  CHECK(migc::glob_match("legacy/**", "legacy/a/b.sql"));
  CHECK(migc::glob_match("**/*.sql", "x.sql"));
  CHECK(migc::glob_match("**/*.sql", "a/b/x.sql"));
  CHECK(migc::glob_match("0*.sql", "0001.sql"));
  CHECK_FALSE(migc::glob_match("*.sql", "a/x.sql"));
  CHECK_FALSE(migc::glob_match("legacy/*", "legacy/a/b.sql"));
  CHECK(migc::glob_match("000?.sql", "0001.sql"));

  auto set = lint_sql({kUsers, "ALTER TABLE users ADD COLUMN a text;", "ALTER TABLE users ADD COLUMN b text;"},
                      {.linted = {false, true, true}});
  REQUIRE(set.findings.size() == 4);  // lock and statement timeouts in each
  migc::LintOptions options;
  options.linted = {false, true, true};
  options.overrides.push_back({.paths = {"0001.sql"}, .rules = {{"require-timeout-settings", {.off = true}}}});
  migc::Plan plan = migc::plan_migrations(set.set, {});
  auto findings = migc::lint(set.set, set.parsed, plan, options);
  REQUIRE(findings.size() == 2);
  CHECK(set.set.file(findings[0].file).path() == "0002.sql");
}

TEST_CASE("lint: unknown rule names in the settings are bad input", "[lint]") {
  migc::LintOptions options;
  options.rules["no-such-rule"] = {};
  CHECK_THROWS_AS(migc::check_lint_options(options), migc::CompileError);
  options.rules.clear();
  options.overrides.push_back({.paths = {"*"}, .rules = {{"require-lock-timeout", {}}}});
  CHECK_NOTHROW(migc::check_lint_options(options));
}

TEST_CASE("findings inside a DO block point at the body line of their statement", "[lint]") {
  std::string history = "CREATE TABLE users (id int, legacy text, old text);\n";
  auto drop_findings = [&](const std::string& sql) {
    std::vector<migc::Finding> out;
    for (migc::Finding& f : lint_sql({history, sql}, migc::test::after_history({})).findings)
      if (f.rule == "ban-drop-column") out.push_back(f);
    return out;
  };
  auto dollar = drop_findings("-- a DO block\nDO $$\nBEGIN\n  IF true THEN\n    ALTER TABLE users DROP COLUMN legacy;\n"
                              "  END IF;\n  ALTER TABLE users DROP COLUMN old;\nEND $$;\n");
  REQUIRE(dollar.size() == 2);
  CHECK(dollar[0].start.line == 5);
  CHECK(dollar[0].start.column == 5);
  CHECK(dollar[0].stop.line == 5);
  CHECK(dollar[0].stop.column == 42);  // just past the ';'
  CHECK(dollar[1].start.line == 7);
  CHECK(dollar[1].start.column == 3);
  // A quoted body with escapes is not the text the parser saw: the finding keeps the DO statement.
  auto quoted = drop_findings("DO '\nBEGIN\n  ALTER TABLE users DROP COLUMN legacy; RAISE NOTICE ''x'';\nEND';\n");
  REQUIRE(quoted.size() == 1);
  CHECK(quoted[0].start.line == 1);
}
