#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::test::lint_expectations;
using migc::test::LintCase;

TEST_CASE("require-lock-timeout: the first lock on an existing table without lock_timeout", "[rules]") {
  LintCase history{.linted = {false, true}};
  CHECK(lint_expectations({"CREATE TABLE users (id bigint, email text);",
                           "ALTER TABLE users ADD COLUMN name text;  -- expect: require-lock-timeout\n"
                           "ALTER TABLE users ADD COLUMN age int;  -- reported once per migration\n"},
                          history) == "");
}

TEST_CASE("require-lock-timeout: SET, SET LOCAL and set_config() satisfy it; 0 and RESET do not", "[rules]") {
  LintCase history{.linted = {false, true, true, true, true, true}};
  CHECK(lint_expectations({"CREATE TABLE users (id bigint);",
                           "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a text;",
                           "SET LOCAL lock_timeout = 1000;\nALTER TABLE users ADD COLUMN b text;",
                           "SELECT set_config('lock_timeout', '5s', false);\nALTER TABLE users ADD COLUMN c text;",
                           "SET lock_timeout = 0;\nALTER TABLE users ADD COLUMN d text;  -- expect: require-lock-timeout",
                           "SET lock_timeout = '1s';\nRESET lock_timeout;\n"
                           "ALTER TABLE users ADD COLUMN e text;  -- expect: require-lock-timeout"},
                          history) == "");
}

TEST_CASE("require-lock-timeout: SET LOCAL outside a transaction has no effect", "[rules]") {
  LintCase autocommit{.linted = {false, true}, .tx = {migc::TxMode::None, migc::TxMode::None}};
  CHECK(lint_expectations({"CREATE TABLE users (id bigint);",
                           "SET LOCAL lock_timeout = '1s';\n"
                           "ALTER TABLE users ADD COLUMN a text;  -- expect: require-lock-timeout"},
                          autocommit) == "");
}

TEST_CASE("require-lock-timeout: new tables and weak locks are exempt", "[rules]") {
  LintCase history{.linted = {false, true}};
  CHECK(lint_expectations({"CREATE TABLE users (id bigint PRIMARY KEY);",
                           "CREATE TABLE posts (id bigint);\n"
                           "CREATE INDEX posts_id ON posts (id);\n"
                           "INSERT INTO users VALUES (1);\n"
                           "CREATE TABLE likes (user_id bigint REFERENCES users);  -- expect: require-lock-timeout"},
                          history) == "");
}

TEST_CASE("require-lock-timeout: tables of migrations linted together are new, history is live", "[rules]") {
  // Linted together (FILE arguments): the table the first creates is new to the second.
  CHECK(lint_expectations({"CREATE TABLE a (id bigint);", "CREATE INDEX a_id ON a (id);"},
                          {.linted = {true, true}, .rules = {"require-lock-timeout"}}) == "");
  // The whole directory: each migration is judged as the next to run, after the earlier ones.
  CHECK(lint_expectations({"CREATE TABLE a (id bigint);", "CREATE INDEX a_id ON a (id);  -- expect: require-lock-timeout"}) ==
        "");
}

TEST_CASE("require-lock-timeout: the runner's settings count, and DO blocks are seen", "[rules]") {
  CHECK(lint_expectations({"CREATE TABLE a (id bigint);", "ALTER TABLE a ADD COLUMN b text;"},
                          {.linted = {false, true}, .rules = {"require-lock-timeout"},
                           .settings = {{"lock_timeout", "3s"}}}) == "");
  CHECK(lint_expectations({"CREATE TABLE a (id bigint);",
                           "DO $$ BEGIN ALTER TABLE a ADD COLUMN b text; END $$;  -- expect: require-lock-timeout"},
                          {.linted = {false, true}}) == "");
}
