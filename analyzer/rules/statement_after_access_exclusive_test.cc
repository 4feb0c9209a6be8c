#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::TxMode;
using migc::test::lint_expectations;

TEST_CASE("statement-after-access-exclusive: a backfill under ACCESS EXCLUSIVE", "[rules]") {
  CHECK(lint_expectations({"CREATE TABLE users (id bigint, name text);",
                           "SET lock_timeout = '1s';\n"
                           "ALTER TABLE users ADD COLUMN nick text;\n"
                           "UPDATE users SET nick = name;  -- expect: statement-after-access-exclusive\n"
                           "UPDATE users SET nick = lower(name);  -- once per transaction"},
                          {.linted = {false, true}}) == "");
}

TEST_CASE("statement-after-access-exclusive: new tables, autocommit and a COMMIT in between", "[rules]") {
  CHECK(lint_expectations({"CREATE TABLE users (id bigint, name text);",
                           "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nINSERT INTO t VALUES (1, 2);",
                           "ALTER TABLE users ADD COLUMN nick text;\nUPDATE users SET nick = name;",
                           "BEGIN;\nALTER TABLE users ADD COLUMN x text;\nCOMMIT;\nUPDATE users SET x = name;"},
                          {.linted = {false, true, true, true},
                           .tx = {TxMode::Transaction, TxMode::Transaction, TxMode::None, TxMode::None},
                           .rules = {"statement-after-access-exclusive"}}) == "");
}

TEST_CASE("statement-after-access-exclusive: statements of one DO block", "[rules]") {
  CHECK(lint_expectations({"CREATE TABLE users (id bigint, name text);",
                           "SET lock_timeout = '1s';\n"
                           "DO $$ BEGIN ALTER TABLE users ADD COLUMN nick text; UPDATE users SET nick = name; END $$;"
                           "  -- expect: statement-after-access-exclusive\n"
                           "COMMIT;\n"
                           "DO $$ BEGIN ALTER TABLE users ADD COLUMN x text; END $$;\n"},
                          {.linted = {false, true}, .rules = {"statement-after-access-exclusive"}}) == "");
}
