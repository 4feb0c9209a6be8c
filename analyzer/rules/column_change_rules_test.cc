// The rules on changing existing columns of the lint catalogue (§1.E), each case's expectations
// inline in its SQL.
#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::test::lint_expectations;
using migc::test::after_history;

namespace {

const char* kHistory =
    "CREATE TABLE users (id integer PRIMARY KEY, name varchar(20), price numeric(10,2), at timestamp, n int, "
    "code varchar(10) CHECK (length(code) > 2), email text NOT NULL, status text DEFAULT 'new');";

}  // namespace

TEST_CASE("changing-column-type: binary-coercible changes are not reported", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users ALTER COLUMN name TYPE varchar(40);\n"
                           "ALTER TABLE users ALTER COLUMN name TYPE text;\n"
                           "ALTER TABLE users ALTER COLUMN price TYPE numeric(12,2);\n"
                           "ALTER TABLE users ALTER COLUMN price TYPE numeric(12,3);  -- expect: changing-column-type\n"
                           "ALTER TABLE users ALTER COLUMN n TYPE bigint;  -- expect: changing-column-type\n"
                           "ALTER TABLE users ALTER COLUMN email TYPE varchar(10);  -- expect: changing-column-type\n"
                           "ALTER TABLE users ALTER COLUMN email TYPE text USING lower(email);  -- expect: "
                           "changing-column-type\n"
                           "CREATE TABLE posts (id int, n int);\n"
                           "ALTER TABLE posts ALTER COLUMN n TYPE bigint;\n"
                           "ALTER TABLE legacy ALTER COLUMN n TYPE bigint;  -- expect: changing-column-type\n"},
                          after_history({"changing-column-type"})) == "");
}

TEST_CASE("changing-column-type: timestamp to timestamptz is free under UTC from PostgreSQL 12", "[rules]") {
  std::vector<std::string> utc = {kHistory,
                                  "SET timezone = 'UTC';\nALTER TABLE users ALTER COLUMN at TYPE timestamptz;"};
  CHECK(lint_expectations(utc, after_history({"changing-column-type"})) == "");
  CHECK(lint_expectations({kHistory, "SET timezone = 'UTC';\nALTER TABLE users ALTER COLUMN at TYPE timestamptz;  -- "
                                     "expect: changing-column-type"},
                          after_history({"changing-column-type"}, 110000)) == "");
  CHECK(lint_expectations({kHistory, "SET timezone = 'Europe/Oslo';\nALTER TABLE users ALTER COLUMN at TYPE "
                                     "timestamptz;  -- expect: changing-column-type"},
                          after_history({"changing-column-type"})) == "");
}

TEST_CASE("changing-column-type: an error on a primary key column", "[rules]") {
  auto linted = migc::test::lint_sql({kHistory, "ALTER TABLE users ALTER COLUMN id TYPE bigint;"}, after_history({}));
  std::vector<const migc::Finding*> found;
  for (const auto& f : linted.findings)
    if (f.rule == "changing-column-type") found.push_back(&f);
  REQUIRE(found.size() == 1);
  CHECK(found[0]->severity == migc::LintSeverity::Error);
  CHECK(found[0]->message ==
        "changing public.users.id from integer to bigint takes ACCESS EXCLUSIVE on public.users (blocks reads and "
        "writes) and rewrites the table and its indexes; it is part of the primary key, so every foreign key to it "
        "is checked again");
}

TEST_CASE("type-change-with-check-constraints: a free type change still re-checks its CHECKs", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users ALTER COLUMN code TYPE varchar(20);  -- expect: "
                           "type-change-with-check-constraints\n"
                           "ALTER TABLE users ALTER COLUMN name TYPE varchar(40);\n"
                           "ALTER TABLE users ALTER COLUMN code TYPE int USING length(code);\n"
                           "CREATE TABLE posts (code varchar(10) CHECK (code <> ''));\n"
                           "ALTER TABLE posts ALTER COLUMN code TYPE varchar(20);\n"},
                          after_history({"type-change-with-check-constraints"})) == "");
}

TEST_CASE("adding-not-nullable-field: a validated CHECK proves it from PostgreSQL 12", "[rules]") {
  std::string history = std::string(kHistory) +
                        "\nALTER TABLE users ADD CONSTRAINT n_nn CHECK (n IS NOT NULL AND n > 0);"
                        "\nALTER TABLE users ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) NOT VALID;";
  CHECK(lint_expectations({history,
                           "ALTER TABLE users ALTER COLUMN n SET NOT NULL;\n"
                           "ALTER TABLE users ALTER COLUMN name SET NOT NULL;  -- expect: adding-not-nullable-field\n"
                           "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
                           "ALTER TABLE users ALTER COLUMN status SET NOT NULL;  -- expect: adding-not-nullable-field\n"
                           "CREATE TABLE posts (title text);\n"
                           "ALTER TABLE posts ALTER COLUMN title SET NOT NULL;\n"},
                          after_history({"adding-not-nullable-field"})) == "");
  CHECK(lint_expectations({history, "ALTER TABLE users ALTER COLUMN n SET NOT NULL;  -- expect: adding-not-nullable-field"},
                          after_history({"adding-not-nullable-field"}, 110000)) == "");
  // The CHECK validated earlier in the same migration counts.
  CHECK(lint_expectations({history,
                           "ALTER TABLE users VALIDATE CONSTRAINT name_nn;\n"
                           "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n"},
                          after_history({"adding-not-nullable-field"})) == "");
}

TEST_CASE("ban-drop-not-null: existing NOT NULL columns only", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;  -- expect: ban-drop-not-null\n"
                           "ALTER TABLE users ALTER COLUMN name DROP NOT NULL;\n"
                           "ALTER TABLE users ADD COLUMN extra text NOT NULL DEFAULT '';\n"
                           "ALTER TABLE users ALTER COLUMN extra DROP NOT NULL;\n"},
                          after_history({"ban-drop-not-null"})) == "");
}

TEST_CASE("change-column-default: existing columns only", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users ALTER COLUMN status SET DEFAULT 'active';  -- expect: "
                           "change-column-default\n"
                           "ALTER TABLE users ALTER COLUMN status DROP DEFAULT;  -- expect: change-column-default\n"
                           "ALTER TABLE users ADD COLUMN kind text;\n"
                           "ALTER TABLE users ALTER COLUMN kind SET DEFAULT 'a';\n"
                           "CREATE TABLE posts (state text);\n"
                           "ALTER TABLE posts ALTER COLUMN state SET DEFAULT 'draft';\n"},
                          after_history({"change-column-default"})) == "");
}
