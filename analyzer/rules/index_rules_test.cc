// The index rules of the lint catalogue (§1.B), each case's expectations inline in its SQL.
#include <catch2/catch.hpp>

#include "analyzer/rules/rule_test_support.h"

using migc::test::lint_expectations;
using migc::test::LintCase;
using migc::test::after_history;

namespace {

const char* kUsers = "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, a int, b int, c int);";

}  // namespace

TEST_CASE("require-concurrent-index-creation: live tables only, and not when nothing is built", "[rules]") {
  CHECK(lint_expectations({kUsers,
                           "CREATE INDEX users_email ON users (email);  -- expect: require-concurrent-index-creation\n"
                           "CREATE INDEX CONCURRENTLY users_name ON users (name);\n"
                           "CREATE INDEX IF NOT EXISTS users_email ON users (email);\n"
                           "CREATE TABLE posts (id bigint, user_id bigint);\n"
                           "CREATE INDEX posts_user ON posts (user_id);\n"
                           "DO $$ BEGIN CREATE INDEX users_a ON users (a); END $$;  -- expect: "
                           "require-concurrent-index-creation\n"},
                          after_history({"require-concurrent-index-creation"})) == "");
}

TEST_CASE("require-concurrent-index-creation: a table of a migration linted with it is new", "[rules]") {
  LintCase together{.linted = {true, true}, .rules = {"require-concurrent-index-creation"}};
  CHECK(lint_expectations({kUsers, "CREATE INDEX users_email ON users (email);"}, together) == "");
}

TEST_CASE("require-concurrent-index-deletion: the index's table decides", "[rules]") {
  CHECK(lint_expectations({std::string(kUsers) + "CREATE INDEX users_email ON users (email);",
                           "DROP INDEX users_email;  -- expect: require-concurrent-index-deletion\n"
                           "DROP INDEX IF EXISTS never_made;\n"
                           "DROP INDEX CONCURRENTLY IF EXISTS users_name;\n"
                           "CREATE TABLE posts (id bigint);\n"
                           "CREATE INDEX posts_id ON posts (id);\n"
                           "DROP INDEX posts_id;\n"
                           "DROP INDEX legacy_idx;  -- expect: require-concurrent-index-deletion\n"},
                          after_history({"require-concurrent-index-deletion"})) == "");
}

TEST_CASE("require-concurrent-reindex: from PostgreSQL 12, on live relations", "[rules]") {
  std::string history = std::string(kUsers) + "CREATE INDEX users_email ON users (email);";
  CHECK(lint_expectations({history,
                           "REINDEX INDEX users_email;  -- expect: require-concurrent-reindex\n"
                           "REINDEX TABLE users;  -- expect: require-concurrent-reindex\n"
                           "REINDEX TABLE CONCURRENTLY users;\n"
                           "REINDEX (CONCURRENTLY) INDEX users_email;\n"
                           "CREATE TABLE posts (id bigint PRIMARY KEY);\n"
                           "REINDEX TABLE posts;\n"},
                          after_history({"require-concurrent-reindex"})) == "");
  // Before 12 there is no CONCURRENTLY to ask for.
  CHECK(lint_expectations({history, "REINDEX TABLE users;"}, after_history({"require-concurrent-reindex"}, 110000)) ==
        "");
}

TEST_CASE("index-on-partitioned-table: CONCURRENTLY fails, a plain build locks every partition", "[rules]") {
  std::string history =
      "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\n"
      "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n"
      "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');";
  CHECK(lint_expectations({history,
                           "CREATE INDEX events_at ON events (at);  -- expect: index-on-partitioned-table\n"
                           "CREATE INDEX events_id ON ONLY events (id);\n"
                           "CREATE INDEX CONCURRENTLY events_2025_id ON events_2025 (id);\n"
                           "CREATE TABLE logs (id bigint) PARTITION BY HASH (id);\n"
                           "CREATE INDEX logs_id ON logs (id);\n"
                           "CREATE INDEX CONCURRENTLY logs_id2 ON logs (id);  -- expect: index-on-partitioned-table\n"},
                          after_history({"index-on-partitioned-table", "require-concurrent-index-creation"})) == "");
  auto linted = migc::test::lint_sql({history, "CREATE INDEX events_at ON events (at);\n"
                                               "CREATE INDEX CONCURRENTLY events_id ON events (id);"},
                                     after_history({}));
  std::vector<std::pair<std::string, migc::LintSeverity>> found;
  for (const auto& f : linted.findings)
    if (f.rule == "index-on-partitioned-table") found.emplace_back(f.message, f.severity);
  REQUIRE(found.size() == 2);
  CHECK(found[0].first ==
        "CREATE INDEX on partitioned table public.events takes SHARE on public.events (blocks writes) and the same on "
        "each of its 2 partitions while it builds an index on every one");
  CHECK(found[0].second == migc::LintSeverity::Warning);
  CHECK(found[1].first == "CREATE INDEX CONCURRENTLY fails on partitioned table public.events");
  CHECK(found[1].second == migc::LintSeverity::Error);
}

TEST_CASE("unique-index-may-fail: unique indexes on live tables", "[rules]") {
  CHECK(lint_expectations({kUsers,
                           "CREATE UNIQUE INDEX users_email ON users (email);  -- expect: unique-index-may-fail\n"
                           "CREATE INDEX users_name ON users (name);\n"
                           "CREATE TABLE posts (id bigint, slug text);\n"
                           "CREATE UNIQUE INDEX posts_slug ON posts (slug);\n"},
                          after_history({"unique-index-may-fail"})) == "");
}

TEST_CASE("index-too-many-columns: more than three keys in a non-unique index", "[rules]") {
  CHECK(lint_expectations({kUsers,
                           "CREATE INDEX wide ON users (a, b, c, name);  -- expect: index-too-many-columns\n"
                           "CREATE INDEX three ON users (a, b, c);\n"
                           "CREATE UNIQUE INDEX wide_unique ON users (a, b, c, name);\n"},
                          after_history({"index-too-many-columns"})) == "");
}

TEST_CASE("concurrent-index-pg14-bug: only for targets 14.0 to 14.3", "[rules]") {
  std::vector<std::string> sql = {kUsers,
                                  "CREATE INDEX CONCURRENTLY users_email ON users (email);  -- expect: "
                                  "concurrent-index-pg14-bug\n"
                                  "REINDEX INDEX CONCURRENTLY users_email;  -- expect: concurrent-index-pg14-bug\n"
                                  "CREATE INDEX users_name ON users (name);\n"};
  CHECK(lint_expectations(sql, after_history({"concurrent-index-pg14-bug"}, 140000)) == "");
  CHECK(lint_expectations(sql, after_history({"concurrent-index-pg14-bug"}, 140300)) == "");
  std::vector<std::string> fixed = {kUsers, "CREATE INDEX CONCURRENTLY users_email ON users (email);"};
  CHECK(lint_expectations(fixed, after_history({"concurrent-index-pg14-bug"}, 140400)) == "");
  CHECK(lint_expectations(fixed, after_history({"concurrent-index-pg14-bug"}, 130000)) == "");
}
