#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::TxMode;
using migc::test::lint_expectations;

TEST_CASE("ban-uncommitted-transaction: a BEGIN never committed", "[rules]") {
  CHECK(lint_expectations({"BEGIN;  -- expect: ban-uncommitted-transaction\nCREATE TABLE t (a int);",
                           "BEGIN;\nCREATE TABLE u (a int);\nCOMMIT;",
                           "START TRANSACTION;\nCREATE TABLE v (a int);\nROLLBACK;"},
                          {.tx = {TxMode::None, TxMode::None, TxMode::Implicit}}) == "");
}

TEST_CASE("ban-uncommitted-transaction: the runner's COMMIT closes a BEGIN it wraps", "[rules]") {
  CHECK(lint_expectations({"BEGIN;\nCREATE TABLE t (a int);"},
                          {.tx = {TxMode::Transaction}, .rules = {"ban-uncommitted-transaction"}}) == "");
}
