#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::TxMode;
using migc::test::lint_expectations;

TEST_CASE("validate-in-same-transaction: NOT VALID then VALIDATE in one transaction", "[rules]") {
  CHECK(lint_expectations(
            {"CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint, user_id bigint, n int);",
             "ALTER TABLE orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES users NOT VALID;\n"
             "ALTER TABLE orders VALIDATE CONSTRAINT orders_user;  -- expect: validate-in-same-transaction",
             "ALTER TABLE orders ADD CONSTRAINT orders_n CHECK (n > 0) NOT VALID;\n"
             "ALTER TABLE orders VALIDATE CONSTRAINT orders_n;  -- expect: validate-in-same-transaction"},
            {.linted = {false, true, true}}) == "");
}

TEST_CASE("validate-in-same-transaction: separate transactions and new tables are fine", "[rules]") {
  CHECK(lint_expectations(
            {"CREATE TABLE orders (id bigint, n int);",
             "ALTER TABLE orders ADD CONSTRAINT orders_n CHECK (n > 0) NOT VALID;",
             "ALTER TABLE orders VALIDATE CONSTRAINT orders_n;",
             "ALTER TABLE orders ADD CONSTRAINT orders_m CHECK (n < 9) NOT VALID;\nCOMMIT;\nBEGIN;\n"
             "ALTER TABLE orders VALIDATE CONSTRAINT orders_m;\nCOMMIT;",
             "CREATE TABLE fresh (n int);\nALTER TABLE fresh ADD CONSTRAINT fresh_n CHECK (n > 0) NOT VALID;\n"
             "ALTER TABLE fresh VALIDATE CONSTRAINT fresh_n;"},
            {.linted = {false, true, true, true, true},
             .tx = {TxMode::Transaction, TxMode::Transaction, TxMode::Transaction, TxMode::None, TxMode::Transaction},
             .rules = {"validate-in-same-transaction"}}) == "");
}
