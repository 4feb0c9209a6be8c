// Schemas, views, functions, triggers, types, extensions, policies, comments and the statements
// the model only references, replayed through the real dispatcher.
#include <algorithm>

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;

namespace {

const QualifiedName kUsers{"public", "users"};
constexpr const char* kUsersTable = "CREATE TABLE users (id int PRIMARY KEY, email text, state text);";

std::vector<std::string> column_names(const Relation& r) {
  std::vector<std::string> names;
  for (const auto& c : r.columns) names.push_back(c.name);
  return names;
}

const Function& only_function(const test::Replayed& r, const QualifiedName& name) {
  auto found = r.catalog.functions_named(name);
  REQUIRE(found.size() == 1);
  return *found[0];
}

bool has_note(const StatementAnalysis& a, std::string_view text) {
  return std::any_of(a.notes.begin(), a.notes.end(), [&](const std::string& n) { return n.find(text) != n.npos; });
}

using Strings = std::vector<std::string>;

}  // namespace

// ---------------------------------------------------------------- schemas

TEST_CASE("CREATE SCHEMA: plain, IF NOT EXISTS, AUTHORIZATION, elements", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE SCHEMA app; CREATE SCHEMA IF NOT EXISTS app; CREATE SCHEMA AUTHORIZATION joe;",
                             "CREATE SCHEMA billing CREATE TABLE invoices (id int) CREATE VIEW open AS SELECT id FROM invoices"});
  CHECK(r.catalog.schemas.at("app").provenance.created_by == 0);
  CHECK(r.has_reference(0, 0, schema_ref("app"), Access::Create));
  CHECK(r.has_reference(0, 1, schema_ref("app"), Access::Read));  // already there: nothing created
  CHECK(r.catalog.schemas.count("joe") == 1);
  // Elements are created in the new schema and see it first.
  REQUIRE(r.catalog.relation({"billing", "invoices"}));
  REQUIRE(r.catalog.relation({"billing", "open"}));
  CHECK(r.has_reference(1, 0, relation_ref({"billing", "invoices"}), Access::Read));
  CHECK(r.session.search_path.schemas() == Strings{"public"});
}

TEST_CASE("DROP SCHEMA: refused while not empty, CASCADE takes everything", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE SCHEMA app; CREATE TYPE app.status AS ENUM ('a');"
                             "CREATE TABLE app.t (id int); CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
                             "CREATE TABLE public.u (s app.status, n int); COMMENT ON TABLE app.t IS 'x';"
                             "COMMENT ON SCHEMA app IS 'y';",
                             "DROP SCHEMA app", "DROP SCHEMA app CASCADE"});
  CHECK(has_note(r.statement(1, 0), "without CASCADE fails"));
  CHECK(r.has_reference(2, 0, schema_ref("app"), Access::Drop));
  CHECK(r.has_reference(2, 0, relation_ref({"app", "t"}), Access::Drop));
  CHECK(r.has_reference(2, 0, type_ref({"app", "status"}), Access::Drop));
  CHECK(r.has_reference(2, 0, function_ref({"app", "f"}), Access::Drop));
  CHECK(r.has_reference(2, 0, column_ref({"public", "u"}, "s"), Access::Drop));
  CHECK(r.catalog.schemas.count("app") == 0);
  CHECK_FALSE(r.catalog.relation({"app", "t"}));
  CHECK(r.catalog.types.empty());
  CHECK(r.catalog.functions.empty());
  CHECK(column_names(*r.catalog.relation({"public", "u"})) == Strings{"n"});
  CHECK(r.catalog.comments.empty());
}

TEST_CASE("ALTER SCHEMA … RENAME moves every object and mention", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE SCHEMA app; CREATE TYPE app.status AS ENUM ('a'); CREATE TABLE app.t (s app.status);"
                             "CREATE FUNCTION app.f(s app.status) RETURNS int LANGUAGE sql AS 'SELECT 1';",
                             "ALTER SCHEMA app RENAME TO core"});
  CHECK(r.has_reference(1, 0, schema_ref("app"), Access::Drop));
  CHECK(r.has_reference(1, 0, schema_ref("core"), Access::Create));
  CHECK(r.has_reference(1, 0, relation_ref({"core", "t"}), Access::Create));
  const Relation* t = r.catalog.relation({"core", "t"});
  REQUIRE(t);
  CHECK(t->columns[0].type == "core.status");
  CHECK(t->provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(only_function(r, {"core", "f"}).arguments == "s core.status");
  CHECK(r.catalog.schemas.count("core") == 1);
}

// ---------------------------------------------------------------- views

TEST_CASE("CREATE VIEW: query, columns, options, reads", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                             "CREATE VIEW active (user_id) WITH (security_barrier) AS SELECT id, email AS mail FROM users "
                             "WHERE state = 'active' WITH LOCAL CHECK OPTION;"});
  const Relation* v = r.catalog.relation({"public", "active"});
  REQUIRE(v);
  CHECK(v->kind == RelKind::View);
  CHECK(column_names(*v) == Strings{"user_id", "mail"});
  CHECK(v->columns[0].type.empty());
  CHECK(v->query == "SELECT id, email AS mail FROM users WHERE state = 'active'");
  CHECK(v->options == std::map<std::string, std::string>{{"check_option", "local"}, {"security_barrier", "true"}});
  CHECK(v->provenance.created_by == 0);
  CHECK(r.has_reference(0, 1, relation_ref({"public", "active"}), Access::Create));
  CHECK(r.has_reference(0, 1, relation_ref(kUsers), Access::Read));
}

TEST_CASE("CREATE OR REPLACE VIEW replaces in place", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) + "CREATE VIEW v AS SELECT id FROM users;",
                             "CREATE OR REPLACE VIEW v AS SELECT id, email FROM users"});
  const Relation* v = r.catalog.relation({"public", "v"});
  REQUIRE(v);
  CHECK(column_names(*v) == Strings{"id", "email"});
  CHECK(v->provenance.created_by == 0);
  CHECK(v->provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(r.has_reference(1, 0, relation_ref({"public", "v"}), Access::Alter));
}

TEST_CASE("materialized views: WITH NO DATA, IF NOT EXISTS, REFRESH", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                                 "CREATE MATERIALIZED VIEW stats (n) WITH (fillfactor = 70) AS SELECT count(*) FROM users "
                                 "WITH NO DATA;"
                                 "CREATE MATERIALIZED VIEW IF NOT EXISTS stats AS SELECT 1;",
                             "REFRESH MATERIALIZED VIEW stats"});
  const Relation* mv = r.catalog.relation({"public", "stats"});
  REQUIRE(mv);
  CHECK(mv->kind == RelKind::MaterializedView);
  CHECK(column_names(*mv) == Strings{"n"});
  CHECK(mv->options.at("fillfactor") == "70");
  CHECK(r.has_reference(0, 2, relation_ref({"public", "stats"}), Access::Read));
  CHECK(mv->populated);
  CHECK(r.has_reference(1, 0, relation_ref({"public", "stats"}), Access::Write));
  auto unpopulated = test::replay_sql({"CREATE MATERIALIZED VIEW m AS SELECT 1 AS one WITH NO DATA"});
  CHECK_FALSE(unpopulated.catalog.relation({"public", "m"})->populated);
}

// ---------------------------------------------------------------- functions

TEST_CASE("CREATE FUNCTION: signature, language, volatility, body and its reads", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                             "CREATE FUNCTION user_count(min_id int DEFAULT 0) RETURNS bigint LANGUAGE sql STABLE "
                             "AS $$ SELECT count(*) FROM users WHERE id >= min_id $$;"});
  const Function& f = only_function(r, {"public", "user_count"});
  CHECK(f.arguments == "min_id integer");
  CHECK(f.returns == "bigint");
  CHECK(f.language == "sql");
  CHECK(f.volatility == 's');
  CHECK(f.body == " SELECT count(*) FROM users WHERE id >= min_id ");
  CHECK(f.provenance.created_by == 0);
  CHECK(r.has_reference(0, 1, function_ref({"public", "user_count"}), Access::Create));
  CHECK(r.has_reference(0, 1, relation_ref(kUsers), Access::Read));
  CHECK(r.statement(0, 1).modelled);
}

TEST_CASE("a function body records references but changes nothing", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE FUNCTION setup() RETURNS void LANGUAGE sql AS $$ CREATE TYPE mood AS ENUM ('ok') $$"});
  CHECK(r.catalog.types.empty());
  CHECK(r.has_reference(0, 0, type_ref({"public", "mood"}), Access::Create, true));  // when it runs
}

TEST_CASE("SQL-standard bodies are deparsed and read", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                             "CREATE FUNCTION n() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM users; END;"
                             "CREATE FUNCTION inc(a int) RETURNS int RETURN a + 1;"});
  CHECK(only_function(r, {"public", "n"}).body == "BEGIN ATOMIC\n  SELECT count(*) FROM users;\nEND");
  CHECK(only_function(r, {"public", "inc"}).body == "RETURN a + 1");
  CHECK(only_function(r, {"public", "inc"}).language == "sql");
  CHECK(r.has_reference(0, 1, relation_ref(kUsers), Access::Read));
}

TEST_CASE("CREATE OR REPLACE FUNCTION replaces the overload with the same input types", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT 1';"
                             "CREATE FUNCTION f(a text) RETURNS int LANGUAGE sql AS 'SELECT 2';",
                             "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT 3'"});
  auto overloads = r.catalog.functions_named({"public", "f"});
  REQUIRE(overloads.size() == 2);
  const Function& f = r.catalog.functions.at({{"public", "f"}, "a integer"});
  CHECK(f.body == "SELECT 3");
  CHECK(f.volatility == 'i');
  CHECK(f.provenance.created_by == 0);
  CHECK(f.provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(r.has_reference(1, 0, function_ref({"public", "f"}), Access::Alter));
}

TEST_CASE("ALTER FUNCTION changes volatility", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT 1'",
                             "ALTER FUNCTION f(integer) IMMUTABLE; ALTER ROUTINE f STABLE"});
  CHECK(only_function(r, {"public", "f"}).volatility == 's');
  CHECK(only_function(r, {"public", "f"}).provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(r.has_reference(1, 0, function_ref({"public", "f"}), Access::Alter));
}

TEST_CASE("DROP FUNCTION: by argument list, by a unique name, never an ambiguous name", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT 1';"
                             "CREATE FUNCTION f(text) RETURNS int LANGUAGE sql AS 'SELECT 1';"
                             "CREATE PROCEDURE p() LANGUAGE sql AS '';"
                             "COMMENT ON FUNCTION f(text) IS 'x';",
                             "DROP FUNCTION f", "DROP FUNCTION f(text)", "DROP FUNCTION f; DROP ROUTINE p"});
  CHECK(has_note(r.statement(1, 0), "ambiguous"));
  CHECK(r.has_reference(2, 0, function_ref({"public", "f"}), Access::Drop));
  CHECK(r.catalog.comments.empty());
  CHECK(r.catalog.functions.empty());
}

TEST_CASE("DROP FUNCTION of a trigger function: refused, or CASCADE to its triggers", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                                 "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
                                 "CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();",
                             "DROP FUNCTION touch()", "DROP FUNCTION touch() CASCADE"});
  CHECK(has_note(r.statement(1, 0), "without CASCADE fails"));
  CHECK(r.catalog.relation(kUsers)->triggers.empty());
  CHECK(r.has_reference(2, 0, trigger_ref(kUsers, "t"), Access::Drop));
  CHECK(r.catalog.functions.empty());
}

TEST_CASE("ALTER FUNCTION … RENAME / SET SCHEMA follow triggers and comments", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                                 "CREATE SCHEMA util;"
                                 "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
                                 "CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();"
                                 "COMMENT ON FUNCTION touch() IS 'x';",
                             "ALTER FUNCTION touch() RENAME TO touch_row; ALTER FUNCTION touch_row SET SCHEMA util"});
  const Function& f = only_function(r, {"util", "touch_row"});
  CHECK(f.provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(r.catalog.relation(kUsers)->triggers[0].function == QualifiedName{"util", "touch_row"});
  CHECK(r.catalog.comments.count("function util.touch_row()") == 1);
  CHECK(r.has_reference(1, 0, function_ref({"public", "touch"}), Access::Drop));
  CHECK(r.has_reference(1, 0, function_ref({"public", "touch_row"}), Access::Create));
  CHECK(r.has_reference(1, 1, function_ref({"util", "touch_row"}), Access::Create));
}

TEST_CASE("other languages are noted", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE FUNCTION c_add(int, int) RETURNS int LANGUAGE c AS 'lib', 'c_add'"});
  CHECK(only_function(r, {"public", "c_add"}).language == "c");
  CHECK(has_note(r.statement(0, 0), "the c body of function public.c_add(integer, integer) is not analysed"));
}

// ---------------------------------------------------------------- triggers

TEST_CASE("CREATE TRIGGER: timing, events, UPDATE OF, WHEN, function", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                                 "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';",
                             "CREATE TRIGGER t AFTER UPDATE OF state, email OR INSERT ON users FOR EACH ROW "
                             "WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION touch();"
                             "CREATE TRIGGER s BEFORE TRUNCATE ON users EXECUTE PROCEDURE touch();"});
  const auto& triggers = r.catalog.relation(kUsers)->triggers;
  REQUIRE(triggers.size() == 2);
  const Trigger& t = triggers[0];
  CHECK(t.timing == "AFTER");
  CHECK(t.events == Strings{"INSERT", "UPDATE OF state, email"});
  CHECK(t.for_each_row);
  CHECK(t.when == "old.state IS DISTINCT FROM new.state");
  CHECK(t.function == QualifiedName{"public", "touch"});
  CHECK(t.provenance.created_by == 1);
  CHECK(triggers[1].timing == "BEFORE");
  CHECK_FALSE(triggers[1].for_each_row);
  CHECK(r.has_reference(1, 0, trigger_ref(kUsers, "t"), Access::Create));
  CHECK(r.has_reference(1, 0, relation_ref(kUsers), Access::Alter));
  CHECK(r.has_reference(1, 0, function_ref({"public", "touch"}), Access::Read));
  CHECK(r.has_reference(1, 0, column_ref(kUsers, "email"), Access::Read));
}

TEST_CASE("CREATE OR REPLACE TRIGGER, ALTER TRIGGER … RENAME, DROP TRIGGER", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                                 "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
                                 "CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch();"
                                 "COMMENT ON TRIGGER t ON users IS 'x';",
                             "CREATE OR REPLACE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()",
                             "ALTER TRIGGER t ON users RENAME TO u", "DROP TRIGGER u ON public.users"});
  CHECK(r.has_reference(1, 0, trigger_ref(kUsers, "t"), Access::Alter));
  CHECK(r.has_reference(2, 0, trigger_ref(kUsers, "t"), Access::Drop));
  CHECK(r.has_reference(2, 0, trigger_ref(kUsers, "u"), Access::Create));
  CHECK(r.has_reference(3, 0, trigger_ref(kUsers, "u"), Access::Drop));
  CHECK(r.catalog.relation(kUsers)->triggers.empty());
  CHECK(r.catalog.comments.empty());
  auto renamed = test::replay_sql({std::string(kUsersTable) +
                                   "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
                                   "CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch();"
                                   "COMMENT ON TRIGGER t ON users IS 'x';"
                                   "CREATE OR REPLACE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();"
                                   "ALTER TRIGGER t ON users RENAME TO u;"});
  const auto& triggers = renamed.catalog.relation(kUsers)->triggers;
  REQUIRE(triggers.size() == 1);
  CHECK(triggers[0].name == "u");
  CHECK(triggers[0].events == Strings{"UPDATE"});
  CHECK(renamed.catalog.comments.count("trigger u on public.users") == 1);
}

// ---------------------------------------------------------------- types

TEST_CASE("enums: CREATE, ADD VALUE BEFORE/AFTER/IF NOT EXISTS, RENAME VALUE", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE TYPE status AS ENUM ('new', 'done')",
                             "ALTER TYPE status ADD VALUE 'doing' BEFORE 'done';"
                             "ALTER TYPE status ADD VALUE 'first' BEFORE 'new';"
                             "ALTER TYPE status ADD VALUE IF NOT EXISTS 'new';"
                             "ALTER TYPE status ADD VALUE 'archived';"
                             "ALTER TYPE status ADD VALUE 'second' AFTER 'first';"
                             "ALTER TYPE status RENAME VALUE 'done' TO 'finished'"});
  const TypeDef* t = r.catalog.type({"public", "status"});
  REQUIRE(t);
  CHECK(t->kind == TypeKind::Enum);
  CHECK(t->labels == Strings{"first", "second", "new", "doing", "finished", "archived"});
  CHECK(t->provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(r.has_reference(0, 0, type_ref({"public", "status"}), Access::Create));
  CHECK(r.has_reference(1, 0, type_ref({"public", "status"}), Access::Alter));
}

TEST_CASE("domains: base type, NOT NULL, DEFAULT, CHECK names as PostgreSQL picks them", "[replay-objects]") {
  // PostgreSQL 15 names these d_check, d_check1, named and d_check_check.
  auto r = test::replay_sql({"CREATE DOMAIN d AS varchar(10) NOT NULL DEFAULT 'x' CHECK (length(VALUE) > 0) "
                             "CHECK (VALUE <> 'y') CONSTRAINT named CHECK (VALUE <> 'z');"
                             "CREATE DOMAIN d_check AS int CHECK (VALUE > 1);"});
  const TypeDef* d = r.catalog.type({"public", "d"});
  REQUIRE(d);
  CHECK(d->kind == TypeKind::Domain);
  CHECK(d->base_type == "character varying(10)");
  CHECK(d->not_null);
  CHECK(d->default_expr == "'x'");
  REQUIRE(d->constraints.size() == 3);
  CHECK(d->constraints[0].name == "d_check");
  CHECK(d->constraints[1].name == "d_check1");
  CHECK(d->constraints[2].name == "named");
  CHECK(d->constraints[0].expression == "length(value) > 0");
  CHECK(r.catalog.type({"public", "d_check"})->constraints[0].name == "d_check_check");
}

TEST_CASE("ALTER DOMAIN: default, NOT NULL, constraints", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE DOMAIN d AS int CONSTRAINT positive CHECK (VALUE > 0);"
                             "COMMENT ON CONSTRAINT positive ON DOMAIN d IS 'x'",
                             "ALTER DOMAIN d SET DEFAULT 1; ALTER DOMAIN d SET NOT NULL;"
                             "ALTER DOMAIN d ADD CHECK (VALUE < 100) NOT VALID; ALTER DOMAIN d DROP CONSTRAINT positive;"
                             "ALTER DOMAIN d RENAME CONSTRAINT d_check TO below_100;"});
  const TypeDef* d = r.catalog.type({"public", "d"});
  REQUIRE(d);
  CHECK(d->default_expr == "1");
  CHECK(d->not_null);
  REQUIRE(d->constraints.size() == 1);
  CHECK(d->constraints[0].name == "below_100");
  CHECK_FALSE(d->constraints[0].validated);
  CHECK(r.catalog.comments.empty());
  auto more = test::replay_sql({"CREATE DOMAIN d AS int NOT NULL DEFAULT 0;"
                                "ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID;"
                                "ALTER DOMAIN d VALIDATE CONSTRAINT c; ALTER DOMAIN d DROP DEFAULT; ALTER DOMAIN d DROP NOT NULL"});
  const TypeDef* e = more.catalog.type({"public", "d"});
  CHECK(e->constraints[0].validated);
  CHECK_FALSE(e->default_expr);
  CHECK_FALSE(e->not_null);
}

TEST_CASE("a domain's DEFAULT NULL is no default, as PostgreSQL stores it", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE DOMAIN plain AS text DEFAULT NULL; CREATE DOMAIN cast_same AS int DEFAULT NULL::int;"
                             "CREATE DOMAIN cast_other AS bigint DEFAULT NULL::int; CREATE DOMAIN over AS plain DEFAULT NULL;"
                             "CREATE DOMAIN altered AS int DEFAULT 1; ALTER DOMAIN altered SET DEFAULT NULL;"});
  CHECK_FALSE(r.catalog.type({"public", "plain"})->default_expr);
  CHECK_FALSE(r.catalog.type({"public", "cast_same"})->default_expr);
  CHECK(r.catalog.type({"public", "cast_other"})->default_expr == "NULL::int");
  CHECK(r.catalog.type({"public", "over"})->default_expr == "NULL");  // coercing to a domain is no constant
  CHECK_FALSE(r.catalog.type({"public", "altered"})->default_expr);
}

TEST_CASE("composite types: CREATE, ALTER … ATTRIBUTE, RENAME ATTRIBUTE", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE TYPE pair AS (a int, b text COLLATE \"C\");"
                             "COMMENT ON COLUMN pair.b IS 'x'",
                             "ALTER TYPE pair ADD ATTRIBUTE c numeric(5,2), DROP ATTRIBUTE b;"
                             "ALTER TYPE pair ALTER ATTRIBUTE a TYPE bigint; ALTER TYPE pair RENAME ATTRIBUTE c TO amount"});
  const TypeDef* t = r.catalog.type({"public", "pair"});
  REQUIRE(t);
  CHECK(t->kind == TypeKind::Composite);
  REQUIRE(t->attributes.size() == 2);
  CHECK(t->attributes[0].name == "a");
  CHECK(t->attributes[0].type == "bigint");
  CHECK(t->attributes[1].name == "amount");
  CHECK(t->attributes[1].type == "numeric(5,2)");
  CHECK(r.catalog.comments.empty());
  auto collated = test::replay_sql({"CREATE TYPE pair AS (a int, b text COLLATE \"C\")"});
  CHECK(collated.catalog.type({"public", "pair"})->attributes[1].collation == "C");
}

TEST_CASE("range types and CREATE TYPE without a definition", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);"
                             "CREATE TYPE shell; CREATE AGGREGATE agg(int) (sfunc = int4pl, stype = int)"});
  CHECK(r.catalog.type({"public", "floatrange"})->kind == TypeKind::Range);
  CHECK(r.catalog.type({"public", "floatrange"})->base_type == "double precision");
  CHECK(r.catalog.type({"public", "shell"})->kind == TypeKind::Base);
  CHECK(r.statement(0, 2).modelled);
  CHECK(has_note(r.statement(0, 2), "CREATE AGGREGATE public.agg is not part of the schema model"));
  CHECK(r.has_reference(0, 2, function_ref({"public", "agg"}), Access::Create));
}

TEST_CASE("DROP TYPE: refused while used, CASCADE drops the columns", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE TYPE status AS ENUM ('a'); CREATE TABLE t (id int, s status, h status[]);"
                             "COMMENT ON TYPE status IS 'x'",
                             "DROP TYPE status", "DROP TYPE IF EXISTS status CASCADE"});
  CHECK(has_note(r.statement(1, 0), "without CASCADE fails"));
  CHECK_FALSE(r.catalog.type({"public", "status"}));
  CHECK(column_names(*r.catalog.relation({"public", "t"})) == Strings{"id"});
  CHECK(r.has_reference(2, 0, type_ref({"public", "status"}), Access::Drop));
  CHECK(r.has_reference(2, 0, column_ref({"public", "t"}, "s"), Access::Drop));
  CHECK(r.catalog.comments.empty());
}

TEST_CASE("ALTER TYPE … RENAME / SET SCHEMA rewrite the columns using it", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE SCHEMA app; CREATE TYPE status AS ENUM ('a'); CREATE TABLE t (s status[]);",
                             "ALTER TYPE status RENAME TO state; ALTER TYPE state SET SCHEMA app"});
  CHECK(r.catalog.type({"app", "state"}));
  CHECK(r.catalog.relation({"public", "t"})->columns[0].type == "app.state[]");
  CHECK(r.has_reference(1, 0, type_ref({"public", "status"}), Access::Drop));
  CHECK(r.has_reference(1, 1, type_ref({"app", "state"}), Access::Create));
  CHECK(r.catalog.type({"app", "state"})->provenance.changed_by == std::vector<uint32_t>{1});
}

TEST_CASE("a DO block's DDL is executed", "[replay-objects]") {
  auto r = test::replay_sql({"DO $$ BEGIN CREATE TYPE status AS ENUM ('a'); "
                             "EXCEPTION WHEN duplicate_object THEN null; END $$;"});
  CHECK(r.catalog.type({"public", "status"}));
  CHECK(r.has_reference(0, 0, type_ref({"public", "status"}), Access::Create));
  CHECK(r.statement(0, 0).modelled);
}

// ---------------------------------------------------------------- extensions

TEST_CASE("extensions: CREATE, ALTER, SET SCHEMA, DROP", "[replay-objects]") {
  auto r = test::replay_sql({"CREATE SCHEMA ext; CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA ext VERSION '1.3' CASCADE;"
                             "CREATE EXTENSION IF NOT EXISTS pgcrypto; CREATE EXTENSION citext",
                             "ALTER EXTENSION pgcrypto UPDATE TO '1.4'; ALTER EXTENSION pgcrypto SET SCHEMA public;"
                             "DROP EXTENSION citext"});
  const Extension& e = r.catalog.extensions.at("pgcrypto");
  CHECK(e.schema == "public");
  CHECK(e.version == "1.4");
  CHECK(e.provenance.created_by == 0);
  CHECK(e.provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(r.has_reference(0, 1, extension_ref("pgcrypto"), Access::Create));
  CHECK(r.has_reference(0, 1, schema_ref("ext"), Access::Read));
  CHECK(r.has_reference(0, 2, extension_ref("pgcrypto"), Access::Read));
  CHECK(r.has_reference(1, 2, extension_ref("citext"), Access::Drop));
  CHECK(r.catalog.extensions.count("citext") == 0);
}

// ---------------------------------------------------------------- policies

TEST_CASE("policies: CREATE, ALTER, RENAME, DROP", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                                 "CREATE POLICY own ON users AS RESTRICTIVE FOR UPDATE TO app_user, auditor "
                                 "USING (email = current_user) WITH CHECK (state <> 'locked');"
                                 "CREATE POLICY everyone ON users TO app_user, PUBLIC USING (true);",
                             "ALTER POLICY own ON users TO auditor USING (false); ALTER POLICY own ON users RENAME TO mine;"
                             "DROP POLICY everyone ON users"});
  const auto& policies = r.catalog.relation(kUsers)->policies;
  REQUIRE(policies.size() == 1);
  const Policy& p = policies[0];
  CHECK(p.name == "mine");
  CHECK(p.command == "UPDATE");
  CHECK_FALSE(p.permissive);
  CHECK(p.roles == Strings{"auditor"});
  CHECK(p.using_expr == "false");
  CHECK(p.check_expr == "state <> 'locked'");
  CHECK(p.provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(r.has_reference(0, 1, policy_ref(kUsers, "own"), Access::Create));
  CHECK(r.has_reference(0, 1, column_ref(kUsers, "state"), Access::Read));
  CHECK(r.has_reference(1, 2, policy_ref(kUsers, "everyone"), Access::Drop));
  auto everyone = test::replay_sql({std::string(kUsersTable) + "CREATE POLICY p ON users TO a, PUBLIC USING (true)"});
  const Policy& q = everyone.catalog.relation(kUsers)->policies.at(0);
  CHECK(q.roles.empty());
  CHECK(q.command == "ALL");
  CHECK(q.permissive);
  CHECK_FALSE(q.check_expr);
}

// ---------------------------------------------------------------- comments

TEST_CASE("COMMENT ON stores pg_identify_object keys; IS NULL removes", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                                 "CREATE SCHEMA app; CREATE VIEW v AS SELECT id FROM users;"
                                 "CREATE FUNCTION f(int, text) RETURNS int LANGUAGE sql AS 'SELECT 1';"
                                 "COMMENT ON SCHEMA app IS 'a'; COMMENT ON TABLE users IS 'b';"
                                 "COMMENT ON COLUMN users.email IS 'c'; COMMENT ON VIEW v IS 'd';"
                                 "COMMENT ON COLUMN v.id IS 'e'; COMMENT ON FUNCTION f IS 'f';"
                                 "COMMENT ON INDEX users_pkey IS 'g'; COMMENT ON CONSTRAINT users_pkey ON users IS 'h';"
                                 "COMMENT ON EXTENSION plpgsql IS 'i'",
                             "COMMENT ON TABLE users IS NULL; COMMENT ON COLUMN users.email IS ''"});
  CHECK(r.catalog.comments == std::map<CommentKey, std::string>{
                                  {"schema app", "a"},
                                  {"view public.v", "d"},
                                  {"view column public.v.id", "e"},
                                  {"function public.f(integer,pg_catalog.text)", "f"},
                                  {"index public.users_pkey", "g"},
                                  {"table constraint users_pkey on public.users", "h"},
                                  {"extension plpgsql", "i"},
                              });
  CHECK(r.has_reference(0, 4, schema_ref("app"), Access::Alter));
  CHECK(r.has_reference(0, 6, column_ref(kUsers, "email"), Access::Alter));
  CHECK(r.has_reference(1, 0, relation_ref(kUsers), Access::Alter));
}

// ---------------------------------------------------------------- what the model does not store

TEST_CASE("grants, owners, labels and roles: modelled, references only", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                             "CREATE SCHEMA app; CREATE TYPE status AS ENUM ('a');"
                             "CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT 1';"
                             "GRANT SELECT, UPDATE (email) ON users TO app_user;"
                             "REVOKE USAGE ON SCHEMA app FROM PUBLIC;"
                             "GRANT EXECUTE ON FUNCTION f(int) TO app_user;"
                             "GRANT SELECT ON ALL TABLES IN SCHEMA app TO app_user;"
                             "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO app_user;"
                             "ALTER TYPE status OWNER TO app_owner;"
                             "SECURITY LABEL FOR selinux ON TABLE users IS 'x';"
                             "CREATE ROLE app_user LOGIN; GRANT app_user TO joe;"
                             "CREATE EVENT TRIGGER e ON ddl_command_end EXECUTE FUNCTION f();"});
  for (size_t i = 4; i <= 13; ++i) CHECK(r.statement(0, i).modelled);
  CHECK(r.has_reference(0, 4, relation_ref(kUsers), Access::Alter));
  CHECK(r.has_reference(0, 4, column_ref(kUsers, "email"), Access::Alter));
  CHECK(r.has_reference(0, 5, schema_ref("app"), Access::Alter));
  CHECK(r.has_reference(0, 6, function_ref({"public", "f"}), Access::Alter));
  CHECK(r.has_reference(0, 7, schema_ref("app"), Access::Alter));
  CHECK(r.has_reference(0, 8, schema_ref("app"), Access::Alter));
  CHECK(r.has_reference(0, 9, type_ref({"public", "status"}), Access::Alter));
  CHECK(r.has_reference(0, 10, relation_ref(kUsers), Access::Alter));
  CHECK(r.statement(0, 11).references.empty());
  CHECK(r.has_reference(0, 13, function_ref({"public", "f"}), Access::Read));
}

TEST_CASE("rules, statistics, publications: modelled, references only", "[replay-objects]") {
  auto r = test::replay_sql({std::string(kUsersTable) +
                             "CREATE RULE no_insert AS ON INSERT TO users DO INSTEAD NOTHING;"
                             "DROP RULE no_insert ON users;"
                             "CREATE STATISTICS s ON id, state FROM users;"
                             "CREATE PUBLICATION p FOR TABLE users WHERE (id > 0);"
                             "CREATE SCHEMA AUTHORIZATION CURRENT_USER;"});
  for (size_t i = 1; i <= 4; ++i) CHECK(r.statement(0, i).modelled);
  CHECK(r.has_reference(0, 1, relation_ref(kUsers), Access::Alter));
  CHECK(r.has_reference(0, 2, relation_ref(kUsers), Access::Alter));
  CHECK(r.has_reference(0, 3, relation_ref(kUsers), Access::Read));
  CHECK(r.has_reference(0, 4, relation_ref(kUsers), Access::Alter));
  CHECK(r.has_reference(0, 4, column_ref(kUsers, "id"), Access::Read));
  CHECK_FALSE(r.statement(0, 5).modelled);  // the schema is named after a role known only when it runs
}
