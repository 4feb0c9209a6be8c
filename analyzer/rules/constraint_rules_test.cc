// The constraint rules of the lint catalogue (§1.C), each case's expectations inline in its SQL.
#include <algorithm>

#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::test::lint_expectations;
using migc::test::after_history;
using migc::test::message_of;

namespace {

const char* kHistory =
    "CREATE TABLE users (id bigint PRIMARY KEY, email text, nick text);\n"
    "CREATE TABLE orders (id bigint, user_id bigint, amount numeric);";

}  // namespace

TEST_CASE("check-constraint-missing-not-valid: CHECKs on live tables need NOT VALID", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0);  -- expect: "
                           "check-constraint-missing-not-valid\n"
                           "ALTER TABLE orders ADD CONSTRAINT small CHECK (amount < 1000) NOT VALID;\n"
                           "ALTER TABLE orders VALIDATE CONSTRAINT small;\n"
                           "CREATE TABLE items (price numeric);\n"
                           "ALTER TABLE items ADD CONSTRAINT priced CHECK (price > 0);\n"},
                          after_history({"check-constraint-missing-not-valid"})) == "");
  CHECK(message_of({kHistory, "ALTER TABLE orders ADD CHECK (amount > 0);"}, "check-constraint-missing-not-valid") ==
        "ADD CHECK takes ACCESS EXCLUSIVE on public.orders (blocks reads and writes) while it scans the table to check "
        "every row");
}

TEST_CASE("adding-foreign-key-constraint: live child tables, with the parent's lock named", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES users;  -- "
                           "expect: adding-foreign-key-constraint\n"
                           "ALTER TABLE orders ADD CONSTRAINT orders_user2 FOREIGN KEY (user_id) REFERENCES users NOT "
                           "VALID;\n"
                           "ALTER TABLE orders ADD COLUMN buyer bigint REFERENCES users;  -- expect: "
                           "adding-foreign-key-constraint\n"
                           "CREATE TABLE likes (user_id bigint);\n"
                           "ALTER TABLE likes ADD FOREIGN KEY (user_id) REFERENCES users;\n"},
                          after_history({"adding-foreign-key-constraint"})) == "");
  CHECK(message_of({kHistory, "ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users;"},
                   "adding-foreign-key-constraint") ==
        "ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on public.orders (blocks writes) and SHARE ROW EXCLUSIVE on "
        "public.users (blocks writes) while it scans public.orders and public.users to check every row");
}

TEST_CASE("adding-foreign-key-constraint: squawk's and the catalogue's names reach it", "[rules]") {
  auto ids = [](std::string_view name) {
    std::vector<std::string> out;
    for (const migc::Rule* r : migc::rules_named(name)) out.emplace_back(r->id);
    return out;
  };
  CHECK(ids("foreign-key-missing-not-valid") == std::vector<std::string>{"adding-foreign-key-constraint"});
  auto squawk_name = ids("constraint-missing-not-valid");  // squawk's rule covers both kinds
  CHECK(std::count(squawk_name.begin(), squawk_name.end(), "adding-foreign-key-constraint") == 1);
  CHECK(std::count(squawk_name.begin(), squawk_name.end(), "check-constraint-missing-not-valid") == 1);
  CHECK(ids("unique-constraint-needs-index") == std::vector<std::string>{"disallowed-unique-constraint"});
  CHECK(ids("primary-key-needs-index") == std::vector<std::string>{"adding-serial-primary-key-field"});
}

TEST_CASE("disallowed-unique-constraint: UNIQUE that builds its index on a live table", "[rules]") {
  CHECK(lint_expectations({kHistory + std::string("CREATE UNIQUE INDEX users_nick ON users (nick);"),
                           "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);  -- expect: "
                           "disallowed-unique-constraint\n"
                           "ALTER TABLE users ADD CONSTRAINT users_nick_key UNIQUE USING INDEX users_nick;\n"
                           "ALTER TABLE users ADD COLUMN handle text UNIQUE;  -- expect: disallowed-unique-constraint\n"
                           "CREATE TABLE tags (name text);\n"
                           "ALTER TABLE tags ADD UNIQUE (name);\n"},
                          after_history({"disallowed-unique-constraint"})) == "");
}

TEST_CASE("adding-serial-primary-key-field: PRIMARY KEY that builds its index on a live table", "[rules]") {
  CHECK(lint_expectations({kHistory + std::string("CREATE UNIQUE INDEX orders_id ON orders (id);"),
                           "ALTER TABLE orders ADD PRIMARY KEY (id);  -- expect: adding-serial-primary-key-field\n"
                           "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id;\n"
                           "CREATE TABLE tags (id bigint);\n"
                           "ALTER TABLE tags ADD PRIMARY KEY (id);\n"},
                          after_history({"adding-serial-primary-key-field"})) == "");
}

TEST_CASE("primary-key-on-nullable-columns: NOT NULL or a validated CHECK (from 12) spares the scan", "[rules]") {
  std::string history =
      "CREATE TABLE a (id bigint);\n"
      "CREATE TABLE b (id bigint NOT NULL);\n"
      "CREATE TABLE c (id bigint, CONSTRAINT c_id_nn CHECK (id IS NOT NULL));\n"
      "CREATE TABLE d (id bigint);\n"
      "ALTER TABLE d ADD CONSTRAINT d_id_nn CHECK (id IS NOT NULL) NOT VALID;\n"
      "CREATE UNIQUE INDEX a_id ON a (id);\n"
      "CREATE UNIQUE INDEX c_id ON c (id);";
  CHECK(lint_expectations({history,
                           "ALTER TABLE a ADD PRIMARY KEY USING INDEX a_id;  -- expect: primary-key-on-nullable-columns\n"
                           "ALTER TABLE b ADD PRIMARY KEY (id);\n"
                           "ALTER TABLE c ADD PRIMARY KEY USING INDEX c_id;\n"
                           "ALTER TABLE d ADD PRIMARY KEY (id);  -- expect: primary-key-on-nullable-columns\n"
                           "CREATE TABLE e (id bigint);\n"
                           "ALTER TABLE e ADD PRIMARY KEY (id);\n"},
                          after_history({"primary-key-on-nullable-columns"})) == "");
  // Before 12 the CHECK proves nothing.
  CHECK(lint_expectations({history,
                           "ALTER TABLE c ADD PRIMARY KEY USING INDEX c_id;  -- expect: primary-key-on-nullable-columns"},
                          after_history({"primary-key-on-nullable-columns"}, 110000)) == "");
}

TEST_CASE("exclusion-constraint: on live tables", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE orders ADD CONSTRAINT one_each EXCLUDE USING btree (user_id WITH =);  -- "
                           "expect: exclusion-constraint\n"
                           "CREATE TABLE slots (room int);\n"
                           "ALTER TABLE slots ADD EXCLUDE USING btree (room WITH =);\n"},
                          after_history({"exclusion-constraint"})) == "");
}

TEST_CASE("drop-constraint: a foreign key's parent is locked too, even from a new table", "[rules]") {
  std::string history = kHistory + std::string(
                                       "ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0);\n"
                                       "ALTER TABLE orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES "
                                       "users;");
  CHECK(lint_expectations({history,
                           "ALTER TABLE orders DROP CONSTRAINT positive;  -- expect: drop-constraint\n"
                           "ALTER TABLE orders DROP CONSTRAINT IF EXISTS never_made;\n"
                           "CREATE TABLE likes (user_id bigint CONSTRAINT likes_user REFERENCES users, n int "
                           "CONSTRAINT n_pos CHECK (n > 0));\n"
                           "ALTER TABLE likes DROP CONSTRAINT n_pos;\n"
                           "ALTER TABLE likes DROP CONSTRAINT likes_user;  -- expect: drop-constraint\n"},
                          after_history({"drop-constraint"})) == "");
  CHECK(message_of({history, "ALTER TABLE orders DROP CONSTRAINT orders_user;"}, "drop-constraint") ==
        "DROP CONSTRAINT orders_user takes ACCESS EXCLUSIVE on public.orders (blocks reads and writes) and ACCESS "
        "EXCLUSIVE on public.users (blocks reads and writes)");
}
