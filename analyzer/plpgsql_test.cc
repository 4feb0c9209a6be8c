#include "analyzer/plpgsql.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;

namespace {

const QualifiedName kUsers{"public", "users"};
constexpr const char* kUsersTable = "CREATE TABLE users (id int PRIMARY KEY, email text);";

bool has_note(const StatementAnalysis& a, std::string_view text) {
  return std::any_of(a.notes.begin(), a.notes.end(), [&](const std::string& n) { return n.find(text) != n.npos; });
}

}  // namespace

TEST_CASE("PL/pgSQL bodies: every statement and expression is read", "[plpgsql]") {
  auto r = test::replay_sql({std::string(kUsersTable) + "CREATE TABLE audit (n bigint); CREATE TABLE log (msg text);" +
                             R"sql(
CREATE FUNCTION stats(p_id int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  n bigint := (SELECT count(*) FROM audit);
  r record;
BEGIN
  IF EXISTS (SELECT 1 FROM users WHERE id = p_id) THEN
    n := (SELECT max(n) FROM audit);
  END IF;
  FOR r IN SELECT email FROM users LOOP
    PERFORM length(r.email);
  END LOOP;
  INSERT INTO log (msg) VALUES ('counted');
  RETURN n;
END $$;)sql"});
  const StatementAnalysis& a = r.statement(0, 3);
  CHECK(a.notes.empty());
  CHECK(a.modelled);
  // Needed when the function runs: PL/pgSQL bodies are not checked when created.
  CHECK(r.has_reference(0, 3, relation_ref({"public", "audit"}), Access::Read, true));
  CHECK(r.has_reference(0, 3, relation_ref(kUsers), Access::Read, true));
  CHECK(r.has_reference(0, 3, relation_ref({"public", "log"}), Access::Write, true));
  CHECK_FALSE(r.has_reference(0, 3, relation_ref(kUsers), Access::Read));
}

TEST_CASE("trigger functions see NEW and OLD", "[plpgsql]") {
  auto r = test::replay_sql({std::string(kUsersTable) + R"sql(
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.email := lower(NEW.email);
  UPDATE users SET email = NEW.email WHERE id = OLD.id;
  RETURN NEW;
END $$;)sql"});
  CHECK(r.statement(0, 1).notes.empty());
  CHECK(r.has_reference(0, 1, relation_ref(kUsers), Access::Write, true));
}

TEST_CASE("a DO block executes its DDL, also behind IF NOT EXISTS", "[plpgsql]") {
  auto r = test::replay_sql({R"sql(
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status') THEN
    CREATE TYPE status AS ENUM ('active', 'disabled');
  END IF;
END $$;
CREATE TABLE accounts (s status);
DO $$ BEGIN
  CREATE TYPE status AS ENUM ('other');
EXCEPTION WHEN duplicate_object THEN null;
END $$;)sql"});
  const TypeDef* t = r.catalog.type({"public", "status"});
  REQUIRE(t);
  CHECK(t->labels == std::vector<std::string>{"active", "disabled"});
  CHECK(t->provenance.created_by == 0);
  CHECK(r.has_reference(0, 0, type_ref({"public", "status"}), Access::Create));
  CHECK(r.catalog.relation({"public", "accounts"})->columns[0].type == "public.status");
  CHECK(r.statement(0, 0).modelled);
}

TEST_CASE("EXECUTE of a literal runs it; dynamic SQL is noted", "[plpgsql]") {
  auto r = test::replay_sql({R"sql(
DO $$
DECLARE t text := 'x';
BEGIN
  EXECUTE 'CREATE TABLE made_here (id int)';
  EXECUTE format('DROP TABLE %I', t);
END $$;)sql"});
  CHECK(r.catalog.relation({"public", "made_here"}));
  CHECK(has_note(r.statement(0, 0), "dynamic SQL in DO block is not analysed: EXECUTE format('DROP TABLE %I', t)"));
  CHECK_FALSE(r.statement(0, 0).modelled);  // what the DO block did is not all known
}

TEST_CASE("function bodies change nothing; notes name the function", "[plpgsql]") {
  auto r = test::replay_sql({R"sql(
CREATE FUNCTION make() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE TABLE later (id int);
END $$;
CREATE FUNCTION broken(a int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN a +; END $$;
CREATE FUNCTION broken_sql() RETURNS int LANGUAGE sql AS $$ SELEC 1 $$;
DO LANGUAGE plperl $$ print 1 $$;)sql"});
  CHECK_FALSE(r.catalog.relation({"public", "later"}));
  CHECK(r.has_reference(0, 0, relation_ref({"public", "later"}), Access::Create, true));
  CHECK(r.statement(0, 0).modelled);
  CHECK(has_note(r.statement(0, 1),
                 "cannot analyse the PL/pgSQL body of function public.broken(a integer): syntax error at end of input"));
  CHECK(has_note(r.statement(0, 2), "cannot analyse the SQL body of function public.broken_sql()"));
  CHECK(has_note(r.statement(0, 3), "the plperl body of DO block is not analysed"));
  CHECK_FALSE(r.statement(0, 3).modelled);
  CHECK(r.statement(0, 1).modelled);  // a function body that cannot be read still creates the function
}

TEST_CASE("a body PL/pgSQL cannot parse is a note, not an error", "[plpgsql]") {
  auto r = test::replay_sql({"CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT 1; END $$"});
  CHECK(r.catalog.functions.size() == 1);
  CHECK(has_note(r.statement(0, 0), "cannot analyse the PL/pgSQL body of function public.f()"));
}

TEST_CASE("replay_routine_body without a source wraps the body as a DO block", "[plpgsql]") {
  Catalog catalog;
  Session session;
  StatementAnalysis out;
  ReplayContext ctx{catalog, session, out, 0};
  replay_routine_body("plpgsql", "BEGIN CREATE SCHEMA made; END", ctx);
  CHECK(catalog.schemas.count("made") == 1);
  replay_routine_body("sql", "CREATE SCHEMA also; SELECT 1", ctx);
  CHECK(catalog.schemas.count("also") == 1);
}

TEST_CASE("RETURN NEXT without a value in functions with OUT parameters", "[plpgsql]") {
  auto r = test::replay_sql({std::string(kUsersTable) + R"sql(
CREATE FUNCTION emails() RETURNS TABLE(e text) LANGUAGE plpgsql AS $$
BEGIN
  FOR e IN SELECT email FROM users LOOP
    RETURN NEXT;
  END LOOP;
END $$;)sql"});
  CHECK(r.statement(0, 1).notes.empty());
  CHECK(r.has_reference(0, 1, relation_ref(kUsers), Access::Read, true));
}

TEST_CASE("dynamic EXECUTEs of one body make one note", "[plpgsql]") {
  auto r = test::replay_sql({"CREATE FUNCTION drop_all(a text, b text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
                             "EXECUTE 'DROP TABLE ' || a; EXECUTE 'DROP TABLE ' || b; END $$"});
  REQUIRE(r.statement(0, 0).notes.size() == 1);
  CHECK(r.statement(0, 0).notes[0] == "dynamic SQL in function public.drop_all(a text, b text) is not analysed: "
                                      "2 EXECUTEs, the first EXECUTE 'DROP TABLE ' || a");
}
