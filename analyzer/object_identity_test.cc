#include "analyzer/object_identity.h"

#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"
#include "tests/test_postgres.h"

using namespace migc;

TEST_CASE("comment keys are pg_identify_object's type and identity", "[object-identity]") {
  const QualifiedName users{"public", "users"};
  CHECK(schema_key("app") == "schema app");
  CHECK(schema_key("S x") == "schema \"S x\"");
  CHECK(extension_key("pgcrypto") == "extension pgcrypto");
  CHECK(relation_key(RelKind::Table, users) == "table public.users");
  CHECK(relation_key(RelKind::PartitionedTable, users) == "table public.users");
  CHECK(relation_key(RelKind::PartitionedIndex, {"public", "i"}) == "index public.i");
  CHECK(relation_key(RelKind::MaterializedView, {"public", "mv"}) == "materialized view public.mv");
  CHECK(column_key("table", {"public", "We ird"}, "Col") == "table column public.\"We ird\".\"Col\"");
  CHECK(column_key("composite type", {"public", "comp"}, "x") == "composite type column public.comp.x");
  CHECK(type_key({"S x", "T"}) == "type \"S x\".\"T\"");
  CHECK(function_key(false, {"public", "h"}, "integer,pg_catalog.text") == "function public.h(integer,pg_catalog.text)");
  CHECK(function_key(true, {"public", "p"}, "integer") == "procedure public.p(integer)");
  CHECK(member_key("trigger", "trg", users) == "trigger trg on public.users");
  CHECK(member_key("domain constraint", "dc", {"public", "d"}) == "domain constraint dc on public.d");
}

namespace {

// Objects of every kind the model names, with a comment on each.
constexpr const char* kSchema = R"sql(
CREATE SCHEMA app;
CREATE TABLE public.users (id int PRIMARY KEY, email text, CONSTRAINT email_set CHECK (email <> ''));
CREATE TYPE public.status AS ENUM ('a', 'b');
CREATE TYPE public.comp AS (x int, y text);
CREATE DOMAIN public.d AS int CONSTRAINT dc CHECK (VALUE > 0);
CREATE FUNCTION public.f(integer) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION public.g(p_id integer, OUT q text, INOUT r numeric(10,2), VARIADIC v text[]) RETURNS record
  LANGUAGE sql AS 'SELECT null::text, 1::numeric';
CREATE FUNCTION public.h(a int, b text DEFAULT 'x') RETURNS TABLE(x int, y text) LANGUAGE sql AS 'SELECT 1, ''a''';
CREATE PROCEDURE public.p(IN a int, OUT b int, INOUT c text) LANGUAGE sql AS 'SELECT 1, ''x''';
CREATE FUNCTION public."Weird F"("A b" varchar(10), e public.status[], i char(3)) RETURNS void
  LANGUAGE sql AS '';
CREATE FUNCTION app.f2(int = 1, text = 'x', d public.d = 1) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE VIEW public.v AS SELECT id, email FROM users;
CREATE MATERIALIZED VIEW public.mv AS SELECT id FROM users;
CREATE TRIGGER trg BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch();
CREATE POLICY pol ON users USING (true);
COMMENT ON SCHEMA app IS 'x';
COMMENT ON TABLE users IS 'x';
COMMENT ON COLUMN users.email IS 'x';
COMMENT ON FUNCTION public.f(int) IS 'x';
COMMENT ON FUNCTION public.g IS 'x';
COMMENT ON FUNCTION public.h IS 'x';
COMMENT ON PROCEDURE public.p IS 'x';
COMMENT ON FUNCTION public."Weird F" IS 'x';
COMMENT ON FUNCTION app.f2 IS 'x';
COMMENT ON TYPE status IS 'x';
COMMENT ON INDEX users_pkey IS 'x';
COMMENT ON VIEW v IS 'x';
COMMENT ON COLUMN v.email IS 'x';
COMMENT ON MATERIALIZED VIEW mv IS 'x';
COMMENT ON COLUMN mv.id IS 'x';
COMMENT ON TRIGGER trg ON users IS 'x';
COMMENT ON CONSTRAINT email_set ON users IS 'x';
COMMENT ON DOMAIN d IS 'x';
COMMENT ON CONSTRAINT dc ON DOMAIN d IS 'x';
COMMENT ON TYPE comp IS 'x';
COMMENT ON COLUMN comp.x IS 'x';
COMMENT ON POLICY pol ON users IS 'x';
)sql";

constexpr const char* kServerNames = R"sql(
\pset tuples_only on
\pset format unaligned
SET search_path = pg_catalog;
SELECT 'function ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname)
       || '(' || pg_get_function_identity_arguments(p.oid) || ')'
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('public', 'app');
SELECT 'comment ' || io.type || ' ' || io.identity
FROM pg_description d CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) io
WHERE d.description = 'x';
)sql";

std::set<std::string> lines(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.insert(line);
  return out;
}

}  // namespace

TEST_CASE("function names and comment keys match PostgreSQL's", "[object-identity][postgres]") {
  auto r = test::replay_sql({kSchema});
  std::set<std::string> model;
  for (const auto& [key, f] : r.catalog.functions)
    model.insert("function " + display_name(f.name) + "(" + f.arguments + ")");
  for (const auto& [key, text] : r.catalog.comments) model.insert("comment " + key);
  CHECK(model.count("comment function public.h(integer,pg_catalog.text)") == 1);
  CHECK(model.count("comment table column public.users.email") == 1);
  CHECK(model.count("comment domain constraint dc on public.d") == 1);

  test::TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available (" << pg.reason() << "): compared with the encoded strings only");
    return;
  }
  std::string db = pg.create_database();
  REQUIRE(pg.psql_command(db, kSchema).exit_code == 0);
  test::RunResult server = pg.psql_command(db, kServerNames);
  INFO(server.err);
  REQUIRE(server.exit_code == 0);
  CHECK(lines(server.out) == model);
}
