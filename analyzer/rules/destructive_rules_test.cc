// The destructive and backward-incompatible rules of the lint catalogue (§1.F), each case's
// expectations inline in its SQL.
#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::test::lint_expectations;
using migc::test::after_history;

namespace {

const char* kHistory =
    "CREATE SCHEMA legacy;\n"
    "CREATE TABLE legacy.archive (id bigint);\n"
    "CREATE TABLE users (id bigint PRIMARY KEY, email text, nick text);\n"
    "CREATE TABLE orders (id bigint, user_id bigint REFERENCES users);\n"
    "CREATE TYPE status AS ENUM ('new', 'done');";

}  // namespace

TEST_CASE("ban-drop-column: existing columns of live tables", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users DROP COLUMN nick;  -- expect: ban-drop-column\n"
                           "ALTER TABLE users DROP COLUMN IF EXISTS never_made;\n"
                           "ALTER TABLE users ADD COLUMN scratch text;\n"
                           "ALTER TABLE users DROP COLUMN scratch;\n"
                           "CREATE TABLE posts (id bigint, body text);\n"
                           "ALTER TABLE posts DROP COLUMN body;\n"
                           "DO $$ BEGIN ALTER TABLE users DROP COLUMN email; END $$;  -- expect: ban-drop-column\n"},
                          after_history({"ban-drop-column"})) == "");
}

TEST_CASE("ban-drop-table: live tables, naming the referenced table it locks", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "CREATE TABLE scratch (id bigint);\n"
                           "DROP TABLE scratch;\n"
                           "DROP TABLE IF EXISTS never_made;\n"
                           "DROP TABLE orders;  -- expect: ban-drop-table\n"},
                          after_history({"ban-drop-table"})) == "");
  auto linted = migc::test::lint_sql({kHistory, "DROP TABLE orders;"}, after_history({}));
  std::string message;
  for (const auto& f : linted.findings)
    if (f.rule == "ban-drop-table") message = f.message;
  CHECK(message ==
        "DROP TABLE loses the data of public.orders and breaks code that still uses it; it takes ACCESS EXCLUSIVE on "
        "public.orders (blocks reads and writes) and ACCESS EXCLUSIVE on public.users (blocks reads and writes)");
}

TEST_CASE("ban-drop-schema and ban-drop-database", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "DROP SCHEMA legacy CASCADE;  -- expect: ban-drop-schema\n"
                           "CREATE SCHEMA scratch;\n"
                           "DROP SCHEMA scratch;\n"
                           "DROP SCHEMA IF EXISTS never_made;\n"
                           "DROP SCHEMA outside;  -- expect: ban-drop-schema\n"},
                          after_history({"ban-drop-schema"})) == "");
  CHECK(lint_expectations({kHistory, "DROP DATABASE old_app;  -- expect: ban-drop-database"},
                          after_history({"ban-drop-database"})) == "");
}

TEST_CASE("ban-truncate-cascade: what CASCADE reaches is listed", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "TRUNCATE users CASCADE;  -- expect: ban-truncate-cascade\n"
                           "TRUNCATE orders;\n"
                           "CREATE TABLE tmp (id bigint);\n"
                           "TRUNCATE tmp CASCADE;\n"},
                          after_history({"ban-truncate-cascade"})) == "");
  auto linted = migc::test::lint_sql({kHistory, "TRUNCATE users CASCADE;"}, after_history({}));
  std::string message;
  for (const auto& f : linted.findings)
    if (f.rule == "ban-truncate-cascade") message = f.message;
  CHECK(message.starts_with("TRUNCATE … CASCADE empties public.users, public.orders,"));
}

TEST_CASE("renaming-column, renaming-table, renaming-schema: live objects only", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users RENAME COLUMN nick TO handle;  -- expect: renaming-column\n"
                           "ALTER TABLE users ADD COLUMN draft text;\n"
                           "ALTER TABLE users RENAME COLUMN draft TO final;\n"
                           "ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;\n"
                           "ALTER INDEX users_pk RENAME TO users_primary;\n"
                           "ALTER TABLE orders RENAME TO purchases;  -- expect: renaming-table\n"
                           "CREATE TABLE posts (id bigint);\n"
                           "ALTER TABLE posts RENAME TO articles;\n"
                           "ALTER TABLE articles RENAME COLUMN id TO article_id;\n"
                           "ALTER SCHEMA legacy RENAME TO old;  -- expect: renaming-schema\n"
                           "CREATE SCHEMA fresh;\n"
                           "ALTER SCHEMA fresh RENAME TO newer;\n"},
                          after_history({"renaming-column", "renaming-table", "renaming-schema"})) == "");
}

TEST_CASE("renaming-enum-value: live enums only", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TYPE status RENAME VALUE 'done' TO 'finished';  -- expect: renaming-enum-value\n"
                           "ALTER TYPE status ADD VALUE 'late';\n"
                           "CREATE TYPE mood AS ENUM ('ok');\n"
                           "ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';\n"},
                          after_history({"renaming-enum-value"})) == "");
}
