// The table-level rewrite and lock rules of the lint catalogue (§1.G), each case's expectations
// inline in its SQL.
#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::test::lint_expectations;
using migc::test::after_history;
using migc::test::message_of;

namespace {

const char* kHistory =
    "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
    "CREATE UNLOGGED TABLE cache (k text);\n"
    "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\n"
    "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n"
    "CREATE TABLE metrics (id bigint, n int) PARTITION BY RANGE (n);\n"
    "CREATE TABLE metrics_0 (id bigint, n int);\n"
    "CREATE TABLE metrics_100 (id bigint, n int CHECK (n IS NOT NULL AND n >= 100 AND n < 200));\n"
    "CREATE MATERIALIZED VIEW user_counts AS SELECT count(*) AS n FROM users;\n"
    "CREATE MATERIALIZED VIEW user_emails AS SELECT id, email FROM users;\n"
    "CREATE UNIQUE INDEX user_emails_id ON user_emails (id);\n"
    "CREATE MATERIALIZED VIEW later AS SELECT id FROM users WITH NO DATA;\n"
    "CREATE DOMAIN positive AS int;";

}  // namespace

TEST_CASE("set-logged-unlogged: only a real change of a live table", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users SET UNLOGGED;  -- expect: set-logged-unlogged\n"
                           "ALTER TABLE cache SET UNLOGGED;\n"
                           "ALTER TABLE cache SET LOGGED;  -- expect: set-logged-unlogged\n"
                           "CREATE TABLE scratch (id bigint);\n"
                           "ALTER TABLE scratch SET UNLOGGED;\n"},
                          after_history({"set-logged-unlogged"})) == "");
}

TEST_CASE("set-access-method: a rewrite from 15, a syntax error before", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users SET ACCESS METHOD heap;  -- expect: set-access-method\n"
                           "CREATE TABLE scratch (id bigint);\n"
                           "ALTER TABLE scratch SET ACCESS METHOD heap;\n"},
                          after_history({"set-access-method"})) == "");
  CHECK(message_of({kHistory, "CREATE TABLE scratch (id bigint);\nALTER TABLE scratch SET ACCESS METHOD heap;"},
                   "set-access-method", 140000) ==
        "SET ACCESS METHOD needs PostgreSQL 15: it is a syntax error on the target version");
}

TEST_CASE("set-tablespace: tables and indexes that are not new", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users SET TABLESPACE fast;  -- expect: set-tablespace\n"
                           "ALTER INDEX users_pkey SET TABLESPACE fast;  -- expect: set-tablespace\n"
                           "CREATE TABLE scratch (id bigint);\n"
                           "ALTER TABLE scratch SET TABLESPACE fast;\n"},
                          after_history({"set-tablespace"})) == "");
}

TEST_CASE("require-concurrent-partition-detach: from 14, unless a default partition forbids it", "[rules]") {
  std::vector<std::string> sql = {kHistory,
                                  "ALTER TABLE events DETACH PARTITION events_2025;  -- expect: "
                                  "require-concurrent-partition-detach\n"};
  CHECK(lint_expectations(sql, after_history({"require-concurrent-partition-detach"})) == "");
  CHECK(lint_expectations({kHistory, "ALTER TABLE events DETACH PARTITION events_2025;"},
                          after_history({"require-concurrent-partition-detach"}, 130000)) == "");
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE events DETACH PARTITION events_2025 CONCURRENTLY;\n"
                           "CREATE TABLE events_default PARTITION OF events DEFAULT;\n"
                           "ALTER TABLE events DETACH PARTITION events_2025;\n"},
                          after_history({"require-concurrent-partition-detach"})) == "");
}

TEST_CASE("attach-partition-scan: a validated CHECK that proves the bound spares the scan", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE metrics ATTACH PARTITION metrics_0 FOR VALUES FROM (0) TO (100);  -- expect: "
                           "attach-partition-scan\n"
                           "ALTER TABLE metrics ATTACH PARTITION metrics_100 FOR VALUES FROM (100) TO (200);\n"
                           "CREATE TABLE metrics_200 (id bigint, n int);\n"
                           "ALTER TABLE metrics ATTACH PARTITION metrics_200 FOR VALUES FROM (200) TO (300);\n"},
                          after_history({"attach-partition-scan"})) == "");
}

TEST_CASE("trigger-on-existing-table: CREATE, ENABLE and DISABLE TRIGGER on live tables", "[rules]") {
  std::string history = std::string(kHistory) +
                        "\nCREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;";
  CHECK(lint_expectations({history,
                           "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();  "
                           "-- expect: trigger-on-existing-table\n"
                           "ALTER TABLE users DISABLE TRIGGER users_touch;  -- expect: trigger-on-existing-table\n"
                           "CREATE TABLE posts (id bigint);\n"
                           "CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch();\n"},
                          after_history({"trigger-on-existing-table"})) == "");
}

TEST_CASE("replica-identity-full: FULL and NOTHING on live tables", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users REPLICA IDENTITY FULL;  -- expect: replica-identity-full\n"
                           "ALTER TABLE users REPLICA IDENTITY NOTHING;  -- expect: replica-identity-full\n"
                           "ALTER TABLE users REPLICA IDENTITY DEFAULT;\n"
                           "CREATE TABLE posts (id bigint);\n"
                           "ALTER TABLE posts REPLICA IDENTITY FULL;\n"},
                          after_history({"replica-identity-full"})) == "");
}

TEST_CASE("autovacuum-disabled: in CREATE TABLE and ALTER TABLE, however written", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "ALTER TABLE users SET (autovacuum_enabled = false);  -- expect: autovacuum-disabled\n"
                           "ALTER TABLE users SET (toast.autovacuum_enabled = off);  -- expect: autovacuum-disabled\n"
                           "ALTER TABLE users SET (autovacuum_enabled = true, fillfactor = 70);\n"
                           "CREATE TABLE posts (id bigint) WITH (autovacuum_enabled = 0);  -- expect: "
                           "autovacuum-disabled\n"},
                          after_history({"autovacuum-disabled"})) == "");
}

TEST_CASE("prefer-repack: CLUSTER and VACUUM FULL of live tables", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "CLUSTER users USING users_pkey;  -- expect: prefer-repack\n"
                           "VACUUM FULL users;  -- expect: prefer-repack\n"
                           "VACUUM users;\n"
                           "CREATE TABLE posts (id bigint PRIMARY KEY);\n"
                           "CLUSTER posts USING posts_pkey;\n"},
                          after_history({"prefer-repack"})) == "");
  CHECK(message_of({kHistory, "VACUUM FULL users;"}, "prefer-repack") ==
        "VACUUM FULL takes ACCESS EXCLUSIVE on public.users (blocks reads and writes) while it rewrites the table and "
        "its indexes");
}

TEST_CASE("refresh-matview-concurrently: live, populated views", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "REFRESH MATERIALIZED VIEW user_counts;  -- expect: refresh-matview-concurrently\n"
                           "REFRESH MATERIALIZED VIEW user_emails;  -- expect: refresh-matview-concurrently\n"
                           "REFRESH MATERIALIZED VIEW CONCURRENTLY user_emails;\n"
                           "REFRESH MATERIALIZED VIEW later;\n"
                           "CREATE MATERIALIZED VIEW fresh AS SELECT 1 AS one;\n"
                           "REFRESH MATERIALIZED VIEW fresh;\n"},
                          after_history({"refresh-matview-concurrently"})) == "");
}

TEST_CASE("create-table-referencing-hot-table: the referenced table's age decides", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "CREATE TABLE likes (user_id bigint REFERENCES users);  -- expect: "
                           "create-table-referencing-hot-table\n"
                           "CREATE TABLE tags (id bigint PRIMARY KEY);\n"
                           "CREATE TABLE post_tags (tag_id bigint REFERENCES tags);\n"
                           "CREATE TABLE plain (id bigint);\n"},
                          after_history({"create-table-referencing-hot-table"})) == "");
}

TEST_CASE("ban-create-domain-with-constraint and ban-alter-domain-with-add-constraint", "[rules]") {
  std::string history = std::string(kHistory) + "\nCREATE TABLE scores (s positive);";
  CHECK(lint_expectations({history,
                           "CREATE DOMAIN percent AS int CHECK (VALUE BETWEEN 0 AND 100);  -- expect: "
                           "ban-create-domain-with-constraint\n"
                           "CREATE DOMAIN label AS text;\n"
                           "ALTER DOMAIN positive ADD CONSTRAINT above_zero CHECK (VALUE > 0);  -- expect: "
                           "ban-alter-domain-with-add-constraint\n"
                           "ALTER DOMAIN positive ADD CONSTRAINT below_max CHECK (VALUE < 1000) NOT VALID;\n"
                           "ALTER DOMAIN label ADD CONSTRAINT short CHECK (length(VALUE) < 20);\n"},
                          after_history({"ban-create-domain-with-constraint", "ban-alter-domain-with-add-constraint"})) ==
        "");
  CHECK(message_of({history, "ALTER DOMAIN positive ADD CHECK (VALUE > 0);"}, "ban-alter-domain-with-add-constraint") ==
        "ALTER DOMAIN public.positive ADD CONSTRAINT scans every table with a column of the domain (public.scores) "
        "while it blocks their writes");
}

TEST_CASE("opaque-dynamic-sql: EXECUTE of computed text, and DDL in function bodies", "[rules]") {
  CHECK(lint_expectations({kHistory,
                           "DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD COLUMN x int', 'users'); END $$;  -- "
                           "expect: opaque-dynamic-sql\n"
                           "DO $$ BEGIN ALTER TABLE users ADD COLUMN y int; END $$;\n"
                           "DO $$ BEGIN EXECUTE 'ALTER TABLE users ADD COLUMN z int'; END $$;\n"
                           "CREATE FUNCTION widen() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE users "
                           "ALTER COLUMN id TYPE numeric; END $$;  -- expect: opaque-dynamic-sql\n"
                           "CREATE FUNCTION total() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM users $$;\n"
                           "DO LANGUAGE plperl $$ spi_exec_query('DROP TABLE users') $$;  -- expect: "
                           "opaque-dynamic-sql\n"},
                          after_history({"opaque-dynamic-sql"})) == "");
  CHECK(message_of({kHistory, "CREATE PROCEDURE widen() LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE users ALTER COLUMN "
                              "id TYPE numeric; END $$;"},
                   "opaque-dynamic-sql") ==
        "the function body runs DDL (alter table public.users) whenever it is called, not here, so its locks and "
        "rewrites are not checked");
  CHECK(message_of({kHistory, "DO $$ BEGIN CREATE FUNCTION widen() RETURNS void LANGUAGE sql AS 'ALTER TABLE users ADD z int'; "
                              "END $$;"},
                   "opaque-dynamic-sql") ==
        "the DO block creates a function whose body runs DDL (alter table public.users) whenever it is called, not "
        "here, so its locks and rewrites are not checked");
}
