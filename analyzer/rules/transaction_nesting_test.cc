#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::TxMode;
using migc::test::lint_expectations;
using migc::test::lint_sql;

TEST_CASE("transaction-nesting: BEGIN/COMMIT inside the runner's transaction are errors", "[rules]") {
  auto linted = lint_sql({"BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;", "CREATE TABLE u (a int);\nCOMMIT;"});
  std::vector<std::pair<std::string, migc::LintSeverity>> got;
  for (const auto& f : linted.findings)
    if (f.rule == "transaction-nesting") got.emplace_back(linted.set.file(f.file).path(), f.severity);
  // The BEGIN of the first is reported (its COMMIT closes that pair); the second's lone COMMIT too.
  CHECK(got == std::vector<std::pair<std::string, migc::LintSeverity>>{{"0000.sql", migc::LintSeverity::Error},
                                                                       {"0001.sql", migc::LintSeverity::Error}});
  CHECK(lint_expectations({"BEGIN;  -- expect: transaction-nesting\nCREATE TABLE t (a int);\nCOMMIT;"}) == "");
}

TEST_CASE("transaction-nesting: explicit transactions in autocommit migrations", "[rules]") {
  CHECK(lint_expectations({"BEGIN;\nCREATE TABLE t (a int);\nBEGIN;  -- expect: transaction-nesting\nCOMMIT;\n"
                           "COMMIT;  -- expect: transaction-nesting\nROLLBACK;  -- expect: transaction-nesting"},
                          {.tx = {TxMode::None}}) == "");
  // golang-migrate: BEGIN/COMMIT in a multi-statement query are the usual way to group statements
  CHECK(lint_expectations({"BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;"},
                          {.tx = {TxMode::Implicit}, .rules = {"transaction-nesting"}}) == "");
}
