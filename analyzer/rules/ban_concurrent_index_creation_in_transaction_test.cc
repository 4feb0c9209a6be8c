#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::TxMode;
using migc::test::lint_expectations;

TEST_CASE("ban-concurrent-index-creation-in-transaction: inside the runner's transaction", "[rules]") {
  CHECK(lint_expectations({"CREATE TABLE t (a int);",
                           "CREATE INDEX CONCURRENTLY t_a ON t (a);  -- expect: ban-concurrent-index-creation-in-transaction\n"
                           "VACUUM t;  -- expect: ban-concurrent-index-creation-in-transaction"},
                          {.linted = {false, true}}) == "");
}

TEST_CASE("ban-concurrent-index-creation-in-transaction: autocommit and single-statement queries are fine",
          "[rules]") {
  CHECK(lint_expectations({"CREATE TABLE t (a int);", "CREATE INDEX CONCURRENTLY t_a ON t (a);",
                           "DROP INDEX CONCURRENTLY t_a;\nREINDEX TABLE CONCURRENTLY t;"},
                          {.linted = {false, true, true},
                           .tx = {TxMode::Transaction, TxMode::Implicit, TxMode::None},
                           .rules = {"ban-concurrent-index-creation-in-transaction"}}) == "");
}

TEST_CASE("ban-concurrent-index-creation-in-transaction: implicit, explicit and DO-block transactions", "[rules]") {
  CHECK(lint_expectations(
            {"CREATE TABLE t (a int);",
             // golang-migrate sends a file as one query: several statements share one transaction
             "SELECT 1;\nCREATE INDEX CONCURRENTLY t_a ON t (a);  -- expect: ban-concurrent-index-creation-in-transaction",
             "BEGIN;\nDROP INDEX CONCURRENTLY t_a;  -- expect: ban-concurrent-index-creation-in-transaction\nCOMMIT;\n"
             "CREATE INDEX CONCURRENTLY t_b ON t (a);",
             "DO $$ BEGIN CREATE INDEX CONCURRENTLY t_c ON t (a); END $$;  -- expect: "
             "ban-concurrent-index-creation-in-transaction"},
            {.linted = {false, true, true, true}, .tx = {TxMode::Transaction, TxMode::Implicit, TxMode::None, TxMode::None}}) ==
        "");
}

TEST_CASE("ban-concurrent-index-creation-in-transaction: ADD VALUE in a transaction only before PostgreSQL 12",
          "[rules]") {
  const std::vector<std::string> sql = {"CREATE TYPE mood AS ENUM ('ok');",
                                        "ALTER TYPE mood ADD VALUE 'sad';  -- expect: "
                                        "ban-concurrent-index-creation-in-transaction"};
  CHECK(lint_expectations(sql, {.linted = {false, true}, .pg_version_num = 110000}) == "");
  CHECK(lint_expectations(sql, {.linted = {false, true}, .pg_version_num = 120000}) != "");
}

TEST_CASE("ban-concurrent-index-creation-in-transaction: assume_in_transaction overrides the format", "[rules]") {
  CHECK(lint_expectations({"CREATE TABLE t (a int);",
                           "CREATE INDEX CONCURRENTLY t_a ON t (a);  -- expect: ban-concurrent-index-creation-in-transaction"},
                          {.linted = {false, true}, .tx = {TxMode::None, TxMode::None}, .assume_in_transaction = true}) ==
        "");
  CHECK(lint_expectations({"CREATE TABLE t (a int);", "CREATE INDEX CONCURRENTLY t_a ON t (a);"},
                          {.linted = {false, true},
                           .rules = {"ban-concurrent-index-creation-in-transaction"},
                           .assume_in_transaction = false}) == "");
}
