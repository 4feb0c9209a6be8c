#include "analyzer/session_settings.h"

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;
using Names = std::vector<std::string>;
using Settings = std::map<std::string, std::string>;

namespace {

Session session_after(const std::string& sql) { return test::replay_sql({sql}).session; }

}  // namespace

TEST_CASE("session: SET search_path keeps schema names, without $user, pg_catalog and pg_temp", "[references]") {
  Session s = session_after("SET search_path TO app, \"$user\", pg_catalog, \"Billing\", public, pg_temp");
  CHECK(s.search_path.schemas() == Names{"app", "Billing", "public"});
  CHECK(s.search_path.creation_schema() == "app");
  CHECK(s.settings == Settings{{"search_path", "app, \"$user\", pg_catalog, \"Billing\", public, pg_temp"}});
  // One quoted string is one schema name, as PostgreSQL reads it.
  CHECK(session_after("SET search_path = 'a, b'").search_path.schemas() == Names{"a, b"});
  CHECK(session_after("SET SCHEMA 'app'").search_path.schemas() == Names{"app"});
  CHECK(session_after("SET search_path = app; SET search_path TO DEFAULT").search_path.schemas() == Names{"public"});
  CHECK(session_after("SET search_path = app; RESET search_path").settings.empty());
}

TEST_CASE("session: other settings are kept as text", "[references]") {
  Session s = session_after("SET lock_timeout = '5s'; SET statement_timeout = 0; SET TIME ZONE 'UTC'; "
                            "SET client_min_messages TO warning; SET application_name = 'x'; RESET application_name");
  CHECK(s.settings == Settings{{"lock_timeout", "5s"},
                               {"statement_timeout", "0"},
                               {"timezone", "UTC"},
                               {"client_min_messages", "warning"}});
  CHECK(s.local_settings.empty());
  CHECK(session_after("SET lock_timeout = '5s'; RESET ALL").settings.empty());
  CHECK(session_after("SET lock_timeout = '5s'; DISCARD ALL").settings.empty());
}

TEST_CASE("session: SET LOCAL lasts until the transaction ends, and does nothing outside one", "[references]") {
  CHECK(session_after("SET LOCAL lock_timeout = '5s'").local_settings.empty());
  Session open = session_after("BEGIN; SET lock_timeout = '3s'; SET LOCAL lock_timeout = '7s'; "
                               "SET LOCAL search_path = app");
  CHECK(open.in_transaction);
  CHECK(open.local_settings == Settings{{"lock_timeout", "7s"}, {"search_path", "app"}});
  CHECK(open.search_path.schemas() == Names{"app"});

  Session committed = session_after("SET search_path = billing; BEGIN; SET LOCAL search_path = app; "
                                    "SET LOCAL lock_timeout = '7s'; COMMIT");
  CHECK_FALSE(committed.in_transaction);
  CHECK(committed.local_settings.empty());
  CHECK(committed.search_path.schemas() == Names{"billing"});

  // A session SET in the transaction replaces the SET LOCAL before it.
  Session replaced = session_after("BEGIN; SET LOCAL lock_timeout = '7s'; SET lock_timeout = '9s'; COMMIT");
  CHECK(replaced.settings == Settings{{"lock_timeout", "9s"}});
  // LOCAL … TO DEFAULT while the session value differs.
  CHECK(session_after("SET lock_timeout = '3s'; BEGIN; SET LOCAL lock_timeout TO DEFAULT").local_settings ==
        Settings{{"lock_timeout", std::string(kDefaultSetting)}});
  CHECK(session_after("BEGIN; SET LOCAL lock_timeout TO DEFAULT").local_settings.empty());
}

TEST_CASE("session: COMMIT AND CHAIN starts the next transaction at once", "[references]") {
  Session s = session_after("START TRANSACTION; SET LOCAL lock_timeout = '1s'; COMMIT AND CHAIN");
  CHECK(s.in_transaction);
  CHECK(s.local_settings.empty());
  CHECK_FALSE(session_after("BEGIN; END").in_transaction);
  CHECK_FALSE(session_after("BEGIN; SAVEPOINT a; RELEASE a; ABORT").in_transaction);
}

TEST_CASE("session: SELECT set_config() changes the session like SET and SET LOCAL", "[references]") {
  CHECK(session_after("SELECT set_config('search_path', 'app, \"Billing\"', false)").search_path.schemas() ==
        Names{"app", "Billing"});
  // pg_dump's preamble: an empty path; unqualified objects would go to public.
  Session dump = session_after("SELECT pg_catalog.set_config('search_path', '', false)");
  CHECK(dump.search_path.schemas().empty());
  CHECK(dump.settings == Settings{{"search_path", ""}});
  CHECK(session_after("SELECT set_config('Lock_Timeout', '2s', 'off')").settings == Settings{{"lock_timeout", "2s"}});
  CHECK(session_after("SELECT set_config('lock_timeout', '2s', true)").local_settings.empty());
  CHECK(session_after("BEGIN; SELECT set_config('lock_timeout', '2s', true)").local_settings ==
        Settings{{"lock_timeout", "2s"}});
  // A NULL value returns the setting to its default.
  CHECK(session_after("SET lock_timeout = '3s'; SELECT set_config('lock_timeout', NULL, false)").settings.empty());
  // A malformed path is rejected by PostgreSQL: nothing changes.
  CHECK(session_after("SELECT set_config('search_path', 'a,,b', false)").settings.empty());
}

TEST_CASE("session: set_config() with a computed argument is noted, not followed", "[references]") {
  auto r = test::replay_sql({"SELECT set_config('search_path', current_setting('x') || ', public', false)"});
  CHECK(r.session.settings.empty());
  CHECK(r.statement(0, 0).notes ==
        std::vector<std::string>{"set_config() with a computed argument: the setting it changes is not followed"});
}

TEST_CASE("session: statements in a function body change nothing", "[references]") {
  auto r = test::replay_sql({"SET search_path = app; BEGIN; SELECT set_config('a.b', 'c', false)"});
  Catalog catalog;
  Session session;
  for (size_t i = 0; i < r.trees[0]->n_stmts; ++i) {
    StatementAnalysis out;
    ReplayContext ctx{catalog, session, out};
    ctx.execute = false;
    CHECK(replay_data_statement(r.trees[0]->stmts[i]->stmt, ctx));
  }
  CHECK(session.settings.empty());
  CHECK_FALSE(session.in_transaction);
  CHECK(session.search_path.schemas() == Names{"public"});
}

TEST_CASE("session: booleans as PostgreSQL's parse_bool() reads them", "[references]") {
  for (const char* yes : {"true", "T", "tru", "yes", "y", "on", "ON", "1"}) CHECK(boolean_text(yes) == true);
  for (const char* no : {"false", "f", "no", "N", "off", "of", "0"}) CHECK(boolean_text(no) == false);
  for (const char* neither : {"", "o", "maybe", "2", "truth"}) CHECK_FALSE(boolean_text(neither));
}
