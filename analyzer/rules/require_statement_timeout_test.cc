#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::test::lint_expectations;

TEST_CASE("require-statement-timeout: a strong lock with no statement_timeout", "[rules]") {
  CHECK(lint_expectations({"CREATE TABLE t (a int);",
                           "ALTER TABLE t ADD COLUMN b int;  -- expect: require-statement-timeout",
                           "SET statement_timeout = '5min';\nALTER TABLE t ADD COLUMN c int;",
                           "SET statement_timeout = 0;\nALTER TABLE t ADD COLUMN d int;  -- expect: require-statement-timeout"},
                          {.linted = {false, true, true, true}}) == "");
}

TEST_CASE("require-statement-timeout: transaction_timeout counts from PostgreSQL 17", "[rules]") {
  const std::vector<std::string> sql = {"CREATE TABLE t (a int);",
                                        "SET transaction_timeout = '1min';\nALTER TABLE t ADD COLUMN b int;"};
  CHECK(lint_expectations(sql, {.linted = {false, true}, .pg_version_num = 170000,
                                .rules = {"require-statement-timeout"}}) == "");
  CHECK(migc::test::lint_sql(sql, {.linted = {false, true}, .pg_version_num = 160000}).findings.size() == 2);
}
