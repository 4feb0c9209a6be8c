#include "emit/lint_report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "analyzer/rules/rule_test_support.h"

namespace {

using json = nlohmann::json;

// Two findings: one at a node (the enum label), one spanning a two-line statement.
migc::test::LintedSql sample() {
  return migc::test::lint_sql(
      {"CREATE TYPE status AS ENUM ('open');\nCREATE TABLE t (id int, s status, \"naïve\" text);",
       "SET lock_timeout = '1s';\nSET statement_timeout = '1min';\nALTER TYPE status ADD VALUE 'closed';\n"
       "UPDATE t SET \"naïve\" = 'x', s = 'closed';\nCREATE INDEX CONCURRENTLY t_id\n  ON t (id);"},
      {.linted = {false, true}});
}

// Every key of `object` is one the SARIF 2.1.0 schema allows there (its objects forbid others),
// and every required one is present.
void check_keys(const json& object, std::initializer_list<const char*> allowed, std::initializer_list<const char*> required) {
  REQUIRE(object.is_object());
  for (const auto& [key, value] : object.items())
    CHECK(std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) != allowed.end());
  for (const char* r : required) CHECK(object.contains(r));
}

}  // namespace

TEST_CASE("lint_sarif: the required structure of SARIF 2.1.0", "[lint-report]") {
  auto linted = sample();
  REQUIRE(linted.findings.size() == 2);
  json log = json::parse(migc::lint_sarif(linted.set, linted.findings));
  check_keys(log, {"$schema", "version", "runs", "inlineExternalProperties", "properties"}, {"version", "runs"});
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  check_keys(run, {"tool", "results", "columnKind", "artifacts", "invocations"}, {"tool"});
  CHECK((run["columnKind"] == "unicodeCodePoints" || run["columnKind"] == "utf16CodeUnits"));
  check_keys(run["tool"], {"driver", "extensions", "properties"}, {"driver"});
  const json& driver = run["tool"]["driver"];
  check_keys(driver, {"name", "version", "rules", "informationUri", "semanticVersion"}, {"name"});
  for (const json& rule : driver["rules"]) {
    check_keys(rule, {"id", "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration"},
               {"id"});
    check_keys(rule["shortDescription"], {"text", "markdown"}, {"text"});
    check_keys(rule["help"], {"text", "markdown"}, {"text"});
    check_keys(rule["defaultConfiguration"], {"enabled", "level", "rank", "parameters"}, {});
  }
  REQUIRE(run["results"].size() == 2);
  for (const json& result : run["results"]) {
    check_keys(result, {"ruleId", "ruleIndex", "level", "message", "locations"}, {"message"});
    CHECK(driver["rules"][result["ruleIndex"].get<size_t>()]["id"] == result["ruleId"]);
    CHECK((result["level"] == "error" || result["level"] == "warning" || result["level"] == "note"));
    check_keys(result["message"], {"text", "markdown", "id", "arguments"}, {"text"});
    const json& physical = result["locations"].at(0)["physicalLocation"];
    check_keys(physical, {"artifactLocation", "region", "address", "contextRegion"}, {"artifactLocation"});
    CHECK(physical["artifactLocation"]["uri"] == "0001.sql");
    const json& region = physical["region"];
    check_keys(region, {"startLine", "startColumn", "endLine", "endColumn"}, {"startLine"});
    CHECK(region["startLine"].get<int>() >= 1);
    CHECK(region["startColumn"].get<int>() >= 1);
    CHECK(region["endLine"].get<int>() >= region["startLine"].get<int>());
    CHECK(region["endColumn"].get<int>() >= 1);
  }
  // Columns count code points: the label follows a two-byte character on its line.
  const json& label = run["results"][0]["locations"][0]["physicalLocation"]["region"];
  CHECK(label["startLine"] == 4);
  CHECK(label["startColumn"] == 33);
  CHECK(linted.findings[0].start.column == 34);  // bytes elsewhere
}

TEST_CASE("lint_json and lint_github: 1-based places and escaping", "[lint-report]") {
  auto linted = sample();
  json findings = json::parse(migc::lint_json(linted.set, linted.findings));
  REQUIRE(findings.size() == 2);
  const json& index = findings[1];
  CHECK(index["rule"] == "ban-concurrent-index-creation-in-transaction");
  CHECK(index["severity"] == "error");
  CHECK(index["file"] == "0001.sql");
  CHECK(index["line"] == 5);
  CHECK(index["column"] == 1);
  CHECK(index["end_line"] == 6);
  CHECK(index["end_column"] == 12);
  CHECK(index["migration"] == "0001");
  CHECK(!index["help"].get<std::string>().empty());

  std::string github = migc::lint_github(linted.set, linted.findings);
  CHECK(github.find("::error file=0001.sql,line=5,col=1,endLine=6,endColumn=12,"
                    "title=ban-concurrent-index-creation-in-transaction::CREATE INDEX CONCURRENTLY") != std::string::npos);
  CHECK(github.find("%0Ahelp: ") != std::string::npos);
  CHECK(std::count(github.begin(), github.end(), '\n') == 2);
}

TEST_CASE("lint_text: code frame with carets, help, docs and colour only when asked", "[lint-report]") {
  auto linted = sample();
  std::string plain = migc::lint_text(linted.set, linted.findings, {1}, false);
  CHECK(plain.find("0001.sql:4:34: error[enum-value-used-before-commit]: uses 'closed'") != std::string::npos);
  CHECK(plain.find("4 | UPDATE t SET \"naïve\" = 'x', s = 'closed';\n  | ") != std::string::npos);
  CHECK(plain.find("^^^^^^^^\n") != std::string::npos);
  CHECK(plain.find("= docs: `migc explain enum-value-used-before-commit`") != std::string::npos);
  CHECK(plain.find("2 findings in 1 migration: 2 errors, 0 warnings, 0 info") != std::string::npos);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(migc::lint_text(linted.set, linted.findings, {1}, true).find("\x1b[1;31merror") != std::string::npos);
}
