#include "emit/schema_sql.h"

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"
#include "emit/schema_json.h"
#include "tests/test_postgres.h"
#include "verify/apply.h"
#include "verify/databases.h"
#include "verify/schema_diff.h"
#include "verify/snapshot.h"
#include "verify/verify_test_support.h"

using namespace migc;

namespace {

Relation& add(Catalog& c, Relation r) { return c.relations[r.name] = std::move(r); }
TypeDef& add(Catalog& c, TypeDef t) { return c.types[t.name] = std::move(t); }
Function& add(Catalog& c, Function f) { return c.functions[{f.name, f.arguments}] = std::move(f); }

Provenance by(uint32_t migration) { return {migration, {}}; }

// Where `needle` starts in `sql`; fails the test when it is absent.
size_t at(const std::string& sql, const std::string& needle) {
  INFO(needle);
  size_t pos = sql.find(needle);
  REQUIRE(pos != std::string::npos);
  return pos;
}

const std::string kHeader =
    "-- The schema the migrations build, as predicted by migc " MIGC_VERSION ".\n"
    "-- For an empty PostgreSQL 15 database: psql -v ON_ERROR_STOP=1 -f FILE\n";

// Everything the script can create, with the dependencies that make its order matter.
Catalog rich_catalog() {
  Catalog c;
  c.schemas["app"] = {"app", by(0)};
  c.schemas["Weird Schema"] = {"Weird Schema", by(0)};
  c.extensions["btree_gist"] = {"btree_gist", "public", "", by(0)};
  c.extensions["pgcrypto"] = {"pgcrypto", "app", "1.3", by(0)};

  // Types: the domain over the enum's array was created first in name order and by an
  // earlier migration, so only the dependency puts the enum first.
  add(c, {.name = {"app", "status"}, .kind = TypeKind::Enum, .labels = {"active", "disabled", "it's"},
          .provenance = by(2)});
  add(c, {.name = {"app", "a_statuses"}, .kind = TypeKind::Domain, .base_type = "app.status[]",
          .provenance = by(1)});
  add(c, {.name = {"app", "positive"}, .kind = TypeKind::Domain, .base_type = "integer", .not_null = true,
          .default_expr = "1",
          .constraints = {{.name = "positive_check", .expression = "VALUE > 0"},
                          {.name = "positive_small", .expression = "VALUE < 1000000", .validated = false}},
          .provenance = by(0)});
  add(c, {.name = {"app", "pair"}, .kind = TypeKind::Composite,
          .attributes = {{.name = "a", .type = "integer"}, {.name = "b", .type = "text", .collation = "C"}},
          .provenance = by(0)});
  add(c, {.name = {"app", "floatrange"}, .kind = TypeKind::Range, .base_type = "double precision",
          .provenance = by(0)});

  // Sequences: a serial's, a free one, and an identity column's.
  add(c, {.name = {"app", "users_id_seq"}, .kind = RelKind::Sequence,
          .sequence = {.type = "integer", .owned_by = std::pair{QualifiedName{"app", "users"}, std::string("id")}}});
  add(c, {.name = {"app", "counter"}, .kind = RelKind::Sequence,
          .sequence = {.start = 100, .increment = 5, .max_value = 1000, .cycle = true}});
  add(c, {.name = {"app", "orders_id_seq"}, .kind = RelKind::Sequence,
          .sequence = {.start = 1000, .owned_by = std::pair{QualifiedName{"app", "orders"}, std::string("id")},
                       .identity = true}});

  add(c, {.name = {"app", "users"},
          .columns = {{.name = "id", .type = "integer", .not_null = true,
                       .default_expr = "nextval('app.users_id_seq'::regclass)"},
                      {.name = "email", .type = "text", .not_null = true, .collation = "C"},
                      {.name = "status", .type = "app.status", .default_expr = "'active'::app.status"},
                      {.name = "score", .type = "app.positive"},
                      {.name = "Nick Name", .type = "character varying(20)"},
                      {.name = "token", .type = "text", .default_expr = "app.gen_random_uuid()::text"}},
          .constraints = {{.name = "users_pkey", .type = 'p', .columns = {"id"}, .index = "users_pkey"},
                          {.name = "users_email_key", .type = 'u', .columns = {"email"}, .index = "users_email_key"},
                          {.name = "users_email_check", .type = 'c', .columns = {"email"}, .expression = "email <> ''"},
                          {.name = "users_score_check", .type = 'c', .columns = {"score"}, .expression = "score < 100",
                           .validated = false}},
          .policies = {{.name = "own_rows", .command = "SELECT", .permissive = false, .using_expr = "true"},
                       {.name = "writers", .roles = {"app_writer", "current_user"}, .using_expr = "status = 'active'::app.status",
                        .check_expr = "score IS NOT NULL"}},
          .rls_enabled = true,
          .rls_forced = true,
          .provenance = by(1)});
  add(c, {.name = {"app", "users_pkey"}, .kind = RelKind::Index,
          .index = {.table = {"app", "users"}, .unique = true, .primary = true, .keys = {"id"},
                    .constraint = "users_pkey"}});
  add(c, {.name = {"app", "users_email_key"}, .kind = RelKind::Index,
          .index = {.table = {"app", "users"}, .unique = true, .keys = {"email"}, .include = {"score"},
                    .constraint = "users_email_key"}});
  add(c, {.name = {"app", "users_lower_email_idx"}, .kind = RelKind::Index,
          .index = {.table = {"app", "users"}, .unique = true, .keys = {"lower(email)"}}});

  add(c, {.name = {"app", "orders"},
          .columns = {{.name = "id", .type = "bigint", .not_null = true, .identity = 'a'},
                      {.name = "user_id", .type = "integer", .not_null = true},
                      {.name = "price", .type = "numeric(12,2)"},
                      {.name = "qty", .type = "integer"},
                      {.name = "total", .type = "numeric", .generated = "price * qty"},
                      {.name = "placed_at", .type = "timestamp with time zone", .default_expr = "now()"},
                      {.name = "pair", .type = "app.pair"},
                      {.name = "span", .type = "app.floatrange"},
                      {.name = "statuses", .type = "app.a_statuses"}},
          .constraints = {{.name = "orders_pkey", .type = 'p', .columns = {"id"}, .index = "orders_pkey"},
                          {.name = "orders_user_id_fkey", .type = 'f', .columns = {"user_id"},
                           .ref_table = {"app", "users"}, .on_delete = "c", .deferrable = true,
                           .initially_deferred = true},
                          {.name = "orders_qty_check", .type = 'c', .columns = {"qty"}, .expression = "(qty > 0)"}},
          .triggers = {{.name = "orders_touch", .timing = "BEFORE", .events = {"INSERT", "UPDATE OF qty, price"},
                        .for_each_row = true, .function = {"app", "touch"}, .when = "new.qty IS NOT NULL",
                        .enabled = false}},
          .options = {{"fillfactor", "70"}},
          .provenance = by(1)});
  add(c, {.name = {"app", "orders_pkey"}, .kind = RelKind::Index,
          .index = {.table = {"app", "orders"}, .unique = true, .primary = true, .keys = {"id"},
                    .constraint = "orders_pkey"}});
  add(c, {.name = {"app", "orders_expr_idx"}, .kind = RelKind::Index,
          .options = {{"fillfactor", "80"}},
          .index = {.table = {"app", "orders"}, .keys = {"(price * qty)", "user_id DESC"}, .include = {"qty"},
                    .predicate = "qty > 1"}});

  // A partitioned table whose name sorts after its partition's, each with an index: the
  // partition's index is made first and attached by the parent's.
  add(c, {.name = {"app", "z_events"}, .kind = RelKind::PartitionedTable,
          .columns = {{.name = "id", .type = "bigint", .not_null = true},
                      {.name = "created_at", .type = "timestamp with time zone", .not_null = true}},
          .constraints = {{.name = "z_events_pkey", .type = 'p', .columns = {"id", "created_at"},
                           .index = "z_events_pkey"},
                          {.name = "z_events_user_fkey", .type = 'f', .columns = {"id"}, .ref_table = {"app", "orders"},
                           .ref_columns = {"id"}}},
          .partition_key = "RANGE (created_at)",
          .provenance = by(3)});
  add(c, {.name = {"app", "events_2024"},
          .columns = {{.name = "id", .type = "bigint", .not_null = true},
                      {.name = "created_at", .type = "timestamp with time zone", .not_null = true}},
          .constraints = {{.name = "events_2024_pkey", .type = 'p', .columns = {"id", "created_at"},
                           .index = "events_2024_pkey"},
                          {.name = "z_events_user_fkey", .type = 'f', .columns = {"id"}, .ref_table = {"app", "orders"},
                           .ref_columns = {"id"}},
                          {.name = "events_2024_id_check", .type = 'c', .columns = {"id"}, .expression = "id > 0"}},
          .partition_of = QualifiedName{"app", "z_events"},
          .partition_bound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
          .provenance = by(3)});
  add(c, {.name = {"app", "events_2024_created_at_idx"}, .kind = RelKind::Index,
          .index = {.table = {"app", "events_2024"}, .keys = {"created_at"}}});
  add(c, {.name = {"app", "z_events_created_at_idx"}, .kind = RelKind::PartitionedIndex,
          .index = {.table = {"app", "z_events"}, .keys = {"created_at"}}});

  add(c, {.name = {"app", "bookings"},
          .columns = {{.name = "room", .type = "integer"}, {.name = "during", .type = "tstzrange"}},
          .constraints = {{.name = "bookings_room_during_excl", .type = 'x', .columns = {"room", "during"},
                           .expression = "room WITH =, during WITH &&", .index = "bookings_room_during_excl"}},
          .unlogged = true,
          .provenance = by(2)});
  add(c, {.name = {"app", "bookings_room_during_excl"}, .kind = RelKind::Index,
          .index = {.table = {"app", "bookings"}, .method = "gist", .keys = {"room", "during"},
                    .predicate = "room > 0", .constraint = "bookings_room_during_excl"}});

  add(c, {.name = {"Weird Schema", "Base"},
          .columns = {{.name = "Id", .type = "integer", .not_null = true}},
          .constraints = {{.name = "Base_Id_check", .type = 'c', .columns = {"Id"}, .expression = "\"Id\" > 0"}},
          .provenance = by(4)});
  add(c, {.name = {"Weird Schema", "a child"},
          .columns = {{.name = "Id", .type = "integer", .not_null = true}, {.name = "select", .type = "text"}},
          .constraints = {{.name = "Base_Id_check", .type = 'c', .columns = {"Id"}, .expression = "\"Id\" > 0"}},
          .inherits = {{"Weird Schema", "Base"}},
          .provenance = by(4)});

  // Functions: a trigger function, one whose body holds $$, a procedure, a SQL-standard body,
  // and one returning a table's rows (so it comes after the tables).
  add(c, {.name = {"app", "touch"}, .returns = "trigger", .language = "plpgsql",
          .body = "\nBEGIN\n  NEW.placed_at := now();\n  RETURN NEW;\nEND\n"});
  add(c, {.name = {"app", "tricky"}, .arguments = "p text", .returns = "text", .language = "sql", .volatility = 'i',
          .body = "SELECT $$x$$ || p"});
  add(c, {.name = {"app", "cleanup"}, .arguments = "days integer", .procedure = true, .language = "plpgsql",
          .body = "BEGIN DELETE FROM app.orders WHERE placed_at < now() - days * interval '1 day'; END"});
  add(c, {.name = {"app", "add"}, .arguments = "a integer, b integer", .returns = "integer", .language = "sql",
          .volatility = 'i', .body = "RETURN a + b"});
  add(c, {.name = {"app", "active_count"}, .returns = "bigint", .language = "sql", .volatility = 's',
          .body = "BEGIN ATOMIC\n  SELECT count(*) FROM app.active_users;\nEND", .provenance = by(0)});
  add(c, {.name = {"app", "user_rows"}, .arguments = "p_status app.status", .returns = "SETOF app.users",
          .language = "sql", .volatility = 's', .body = "SELECT * FROM app.users WHERE status = p_status"});

  // Views: a_summary was created first but was then replaced to read active_users.
  add(c, {.name = {"app", "active_users"}, .kind = RelKind::View,
          .columns = {{.name = "id"}, {.name = "email"}},
          .query = "SELECT id, email FROM app.users WHERE status = 'active'::app.status",
          .provenance = by(3)});
  add(c, {.name = {"app", "a_summary"}, .kind = RelKind::View, .columns = {{.name = "total"}},
          .options = {{"security_barrier", "true"}}, .query = "SELECT count(*) FROM app.active_users",
          .provenance = by(2)});
  add(c, {.name = {"app", "active_rows"}, .kind = RelKind::View,
          .query = "SELECT * FROM app.user_rows('active'::app.status)", .provenance = by(2)});
  add(c, {.name = {"app", "status_counts"}, .kind = RelKind::MaterializedView,
          .columns = {{.name = "status"}, {.name = "n"}},
          .query = "SELECT status, count(*) FROM app.users GROUP BY status", .populated = false,
          .provenance = by(3)});
  add(c, {.name = {"app", "status_counts_idx"}, .kind = RelKind::Index,
          .index = {.table = {"app", "status_counts"}, .unique = true, .keys = {"status"}}});

  for (const char* key : {"schema app", "table app.users", "table column app.users.email", "function app.tricky(text)",
                          "procedure app.cleanup(integer)", "table constraint users_pkey on app.users",
                          "domain constraint positive_check on app.positive", "trigger orders_touch on app.orders",
                          "policy own_rows on app.users", "type app.status", "type app.positive",
                          "view app.active_users",
                          "view column app.active_users.email", "materialized view app.status_counts",
                          "materialized view column app.status_counts.n",
                          "index app.users_lower_email_idx", "sequence app.counter", "composite type column app.pair.a",
                          "table \"Weird Schema\".\"a child\"", "table column \"Weird Schema\".\"a child\".\"select\""})
    c.comments[key] = std::string("it's the ") + key;
  return c;
}

}  // namespace

TEST_CASE("an empty catalog gives only the header", "[schema-sql]") {
  CHECK(schema_to_sql(Catalog()) == kHeader + "SET check_function_bodies = false;\n");
}

TEST_CASE("a dropped public schema is dropped", "[schema-sql]") {
  Catalog c;
  c.schemas.erase("public");
  CHECK(schema_to_sql(c) == kHeader + "SET check_function_bodies = false;\n\nDROP SCHEMA public;\n");
}

TEST_CASE("a small schema as exact DDL", "[schema-sql]") {
  Catalog c;
  add(c, {.name = {"public", "items_id_seq"}, .kind = RelKind::Sequence,
          .sequence = {.type = "integer", .owned_by = std::pair{QualifiedName{"public", "items"}, std::string("id")}}});
  add(c, {.name = {"public", "items"},
          .columns = {{.name = "id", .type = "integer", .not_null = true,
                       .default_expr = "nextval('public.items_id_seq'::regclass)"},
                      {.name = "name", .type = "text"}},
          .constraints = {{.name = "items_pkey", .type = 'p', .columns = {"id"}, .index = "items_pkey"}}});
  add(c, {.name = {"public", "items_pkey"}, .kind = RelKind::Index,
          .index = {.table = {"public", "items"}, .unique = true, .primary = true, .keys = {"id"},
                    .constraint = "items_pkey"}});
  add(c, {.name = {"public", "tags"}, .columns = {{.name = "item_id", .type = "integer"}},
          .constraints = {{.name = "tags_item_id_fkey", .type = 'f', .columns = {"item_id"},
                           .ref_table = {"public", "items"}, .ref_columns = {"id"}, .on_delete = "n",
                           .on_update = "a", .validated = false}}});
  add(c, {.name = {"public", "tags_item_id_idx"}, .kind = RelKind::Index,
          .index = {.table = {"public", "tags"}, .keys = {"item_id"}}});
  add(c, {.name = {"public", "item_names"}, .kind = RelKind::View, .query = "SELECT name FROM public.items"});
  c.comments["table public.items"] = "Things";
  CHECK(schema_to_sql(c) == kHeader + R"(SET check_function_bodies = false;

CREATE SEQUENCE public.items_id_seq AS integer;

CREATE TABLE public.items (
  id integer DEFAULT nextval('public.items_id_seq'::regclass) NOT NULL,
  name text,
  CONSTRAINT items_pkey PRIMARY KEY (id)
);

CREATE TABLE public.tags (
  item_id integer
);

ALTER SEQUENCE public.items_id_seq OWNED BY public.items.id;

CREATE VIEW public.item_names AS
SELECT name FROM public.items;

CREATE INDEX tags_item_id_idx ON public.tags (item_id);

ALTER TABLE public.tags ADD CONSTRAINT tags_item_id_fkey FOREIGN KEY (item_id) REFERENCES public.items (id) ON DELETE SET NULL NOT VALID;

COMMENT ON TABLE public.items IS 'Things';
)");
}

TEST_CASE("the same catalog gives the same bytes", "[schema-sql]") {
  CHECK(schema_to_sql(rich_catalog()) == schema_to_sql(rich_catalog()));
}

TEST_CASE("objects come after what they depend on", "[schema-sql]") {
  std::string sql = schema_to_sql(rich_catalog());
  // A domain over an enum created later, by an earlier migration.
  CHECK(at(sql, "CREATE TYPE app.status AS ENUM") < at(sql, "CREATE DOMAIN app.a_statuses AS app.status[]"));
  CHECK(at(sql, "CREATE DOMAIN app.a_statuses") < at(sql, "CREATE FUNCTION app.touch()"));
  // Functions before the tables whose defaults and triggers may call them, except those
  // returning a table's rows.
  CHECK(at(sql, "CREATE FUNCTION app.tricky") < at(sql, "CREATE SEQUENCE app.counter"));
  CHECK(at(sql, "CREATE SEQUENCE app.users_id_seq") < at(sql, "CREATE TABLE app.users"));
  CHECK(at(sql, "CREATE TABLE app.users") < at(sql, "CREATE FUNCTION app.user_rows"));
  CHECK(at(sql, "CREATE FUNCTION app.user_rows") < at(sql, "CREATE VIEW app.active_rows"));
  // A partition after its parent even when its name sorts first; its index before the
  // parent's, which then attaches it.
  CHECK(at(sql, "CREATE TABLE app.z_events (") < at(sql, "CREATE TABLE app.events_2024 PARTITION OF app.z_events"));
  CHECK(at(sql, "CREATE INDEX events_2024_created_at_idx") < at(sql, "CREATE INDEX z_events_created_at_idx"));
  CHECK(at(sql, "CREATE TABLE \"Weird Schema\".\"Base\"") < at(sql, "CREATE TABLE \"Weird Schema\".\"a child\""));
  // A view created earlier but replaced to read a later one.
  CHECK(at(sql, "CREATE VIEW app.active_users") < at(sql, "CREATE VIEW app.a_summary"));
  // A SQL-standard body is checked when created: after the view it reads.
  CHECK(at(sql, "CREATE VIEW app.active_users") < at(sql, "CREATE FUNCTION app.active_count()"));
  CHECK(at(sql, "CREATE MATERIALIZED VIEW app.status_counts") < at(sql, "CREATE UNIQUE INDEX status_counts_idx"));
  // Foreign keys once every table exists, then triggers, RLS, policies and comments.
  CHECK(at(sql, "CREATE INDEX z_events_created_at_idx") < at(sql, "ADD CONSTRAINT orders_user_id_fkey"));
  CHECK(at(sql, "ADD CONSTRAINT z_events_user_fkey") < at(sql, "CREATE TRIGGER orders_touch"));
  CHECK(at(sql, "CREATE TRIGGER orders_touch") < at(sql, "ALTER TABLE app.users ENABLE ROW LEVEL SECURITY"));
  CHECK(at(sql, "FORCE ROW LEVEL SECURITY") < at(sql, "CREATE POLICY own_rows"));
  CHECK(at(sql, "CREATE POLICY writers") < at(sql, "COMMENT ON"));
}

TEST_CASE("tables, constraints and columns as PostgreSQL needs them", "[schema-sql]") {
  std::string sql = schema_to_sql(rich_catalog());
  CHECK(sql.find("CREATE SCHEMA public") == std::string::npos);
  at(sql, "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA app VERSION '1.3' CASCADE;");
  at(sql, "  id bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME app.orders_id_seq START WITH 1000) NOT NULL,\n");
  at(sql, "  total numeric GENERATED ALWAYS AS (price * qty) STORED,\n");
  at(sql, "  email text COLLATE \"C\" NOT NULL,\n");
  at(sql, "  CONSTRAINT users_email_key UNIQUE (email) INCLUDE (score),\n");
  at(sql, "  CONSTRAINT bookings_room_during_excl EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0)\n");
  at(sql, "CREATE UNLOGGED TABLE app.bookings (");
  at(sql, ") WITH (fillfactor=70);");
  at(sql, "CREATE SEQUENCE app.counter INCREMENT BY 5 MAXVALUE 1000 START WITH 100 CYCLE;");
  // An unvalidated CHECK stays unvalidated only when added by ALTER TABLE … NOT VALID.
  at(sql, "ALTER TABLE app.users ADD CONSTRAINT users_score_check CHECK (score < 100) NOT VALID;");
  at(sql, "ALTER DOMAIN app.positive ADD CONSTRAINT positive_small CHECK (VALUE < 1000000) NOT VALID;");
  // What a partition or child table gets from its parent is not repeated.
  at(sql, "CREATE TABLE app.events_2024 PARTITION OF app.z_events (\n"
          "  CONSTRAINT events_2024_id_check CHECK (id > 0)\n) "
          "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');");
  CHECK(sql.find("events_2024_pkey") == std::string::npos);
  CHECK(sql.find("ALTER TABLE app.events_2024") == std::string::npos);
  at(sql, "CREATE TABLE \"Weird Schema\".\"a child\" (\n  \"select\" text\n) INHERITS (\"Weird Schema\".\"Base\");");
  // Indexes backing constraints come with their constraints.
  CHECK(sql.find("INDEX users_pkey") == std::string::npos);
  at(sql, "CREATE INDEX orders_expr_idx ON app.orders ((price * qty), user_id DESC) INCLUDE (qty) "
          "WITH (fillfactor=80) WHERE (qty > 1);");
  at(sql, "CREATE UNIQUE INDEX users_lower_email_idx ON app.users (lower(email));");
  at(sql, "CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE OF qty, price ON app.orders FOR EACH ROW "
          "WHEN (new.qty IS NOT NULL) EXECUTE FUNCTION app.touch();\n\n"
          "ALTER TABLE app.orders DISABLE TRIGGER orders_touch;");
  at(sql, "CREATE POLICY own_rows ON app.users AS RESTRICTIVE FOR SELECT USING (true);");
  at(sql, "CREATE POLICY writers ON app.users TO app_writer, CURRENT_USER USING (status = 'active'::app.status) "
          "WITH CHECK (score IS NOT NULL);");
  at(sql, "-- Roles it expects (named by policies; roles are not part of a schema): app_writer.\n");
}

TEST_CASE("functions and views keep their bodies and names", "[schema-sql]") {
  std::string sql = schema_to_sql(rich_catalog());
  at(sql,
     "CREATE FUNCTION app.tricky(p text) RETURNS text\n  LANGUAGE sql IMMUTABLE\n  AS $body$SELECT $$x$$ || p$body$;");
  at(sql, "CREATE PROCEDURE app.cleanup(days integer)\n  LANGUAGE plpgsql\n  AS $$BEGIN DELETE");
  at(sql, "CREATE FUNCTION app.add(a integer, b integer) RETURNS integer\n  LANGUAGE sql IMMUTABLE\nRETURN a + b;");
  at(sql, "CREATE FUNCTION app.active_count() RETURNS bigint\n  LANGUAGE sql STABLE\nBEGIN ATOMIC\n"
          "  SELECT count(*) FROM app.active_users;\nEND;");
  // Column aliases come back when the model's columns match the query's outputs.
  at(sql, "CREATE VIEW app.a_summary (total) WITH (security_barrier=true) AS\nSELECT count(*) FROM app.active_users;");
  at(sql, "CREATE MATERIALIZED VIEW app.status_counts (status, n) AS\n"
          "SELECT status, count(*) FROM app.users GROUP BY status\nWITH NO DATA;");
  at(sql, "CREATE VIEW app.active_rows AS\nSELECT * FROM app.user_rows('active'::app.status);");
}

TEST_CASE("a body holding every simple dollar quote gets a fresh one", "[schema-sql]") {
  Catalog c;
  add(c, {.name = {"public", "f"}, .returns = "text", .language = "sql", .body = "SELECT '$$ $body$ $body0' || '$'"});
  at(schema_to_sql(c), "AS $body1$SELECT '$$ $body$ $body0' || '$'$body1$;");
  Catalog d;
  add(d, {.name = {"public", "g"}, .returns = "text", .language = "sql", .body = "SELECT 1 AS a$"});
  // "…$" followed by "$$" would close early.
  at(schema_to_sql(d), "AS $body$SELECT 1 AS a$$body$;");
}

TEST_CASE("comment keys become COMMENT ON targets", "[schema-sql]") {
  std::string sql = schema_to_sql(rich_catalog());
  at(sql, "COMMENT ON SCHEMA app IS 'it''s the schema app';");
  at(sql, "COMMENT ON COLUMN app.users.email IS");
  at(sql, "COMMENT ON COLUMN app.active_users.email IS");
  at(sql, "COMMENT ON COLUMN app.pair.a IS");
  at(sql, "COMMENT ON COLUMN \"Weird Schema\".\"a child\".\"select\" IS");
  at(sql, "COMMENT ON CONSTRAINT users_pkey ON app.users IS");
  at(sql, "COMMENT ON CONSTRAINT positive_check ON DOMAIN app.positive IS");
  at(sql, "COMMENT ON TRIGGER orders_touch ON app.orders IS");
  at(sql, "COMMENT ON POLICY own_rows ON app.users IS");
  at(sql, "COMMENT ON MATERIALIZED VIEW app.status_counts IS");
  at(sql, "COMMENT ON COLUMN app.status_counts.n IS");
  at(sql, "COMMENT ON PROCEDURE app.cleanup(integer) IS");
  at(sql, "COMMENT ON FUNCTION app.tricky(text) IS");
}

TEST_CASE("the script applies to an empty PostgreSQL 15 database", "[schema-sql][postgres]") {
  test::TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available (" << pg.reason() << "): test skipped");
    return;
  }
  std::string db = pg.create_database();
  REQUIRE(pg.psql_command(db, "CREATE ROLE app_writer;").exit_code == 0);
  test::RunResult applied = pg.psql_command(db, schema_to_sql(rich_catalog()));
  INFO(applied.err);
  REQUIRE(applied.exit_code == 0);
  CHECK(applied.err.empty());
  // The database holds what the model holds, generated names included.
  test::RunResult facts = pg.psql_command(db, R"(
    SELECT string_agg(conrelid::regclass || ':' || conname || ':' || convalidated, ' ' ORDER BY 1)
    FROM pg_constraint WHERE connamespace = 'app'::regnamespace AND contype IN ('p', 'f', 'c', 'x');
    SELECT string_agg(indexrelid::regclass || '->' || inhparent::regclass, ' ')
    FROM pg_index JOIN pg_inherits ON inhrelid = indexrelid;
    SELECT 'identity:' || pg_get_serial_sequence('app.orders', 'id');
    SELECT 'populated:' || relispopulated FROM pg_class WHERE oid = 'app.status_counts'::regclass;
    SELECT 'columns:' || string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute
    WHERE attrelid = 'app.status_counts'::regclass AND attnum > 0;)");
  REQUIRE(facts.exit_code == 0);
  for (const char* fact : {"app.users:users_score_check:false", "app.users:users_pkey:true",
                           "app.events_2024:events_2024_pkey:true", "app.events_2024:z_events_user_fkey:true",
                           "app.bookings:bookings_room_during_excl:true", "app.orders:orders_user_id_fkey:true",
                           "app.events_2024_created_at_idx->app.z_events_created_at_idx",
                           "app.events_2024_pkey->app.z_events_pkey", "identity:app.orders_id_seq",
                           "populated:false", "columns:status,n"}) {
    INFO(facts.out);
    CHECK(facts.out.find(fact) != std::string::npos);
  }
}

TEST_CASE("replayed migrations give the DDL of what they built", "[schema-sql][replay]") {
  auto r = test::replay_sql({"CREATE TABLE t (id int PRIMARY KEY)"});
  CHECK(schema_to_sql(r.catalog) == kHeader + R"(SET check_function_bodies = false;

CREATE TABLE public.t (
  id integer NOT NULL,
  CONSTRAINT t_pkey PRIMARY KEY (id)
);
)");
}

namespace {

// Migrations as a team writes them: generated names everywhere, changes after creation.
const std::vector<std::string> kMigrations = {
    R"sql(
CREATE SCHEMA app;
CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA public;
CREATE TYPE app.status AS ENUM ('active', 'disabled');
CREATE DOMAIN app.positive AS integer CHECK (VALUE > 0);
CREATE TABLE app.users (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  status app.status NOT NULL DEFAULT 'active',
  token uuid DEFAULT gen_random_uuid(),
  score app.positive,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$;
)sql",
    R"sql(
CREATE TABLE app.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id integer NOT NULL REFERENCES app.users ON DELETE CASCADE,
  price numeric(12,2) NOT NULL CHECK (price >= 0),
  qty integer NOT NULL DEFAULT 1,
  total numeric GENERATED ALWAYS AS (price * qty) STORED,
  note text COLLATE "C"
);
CREATE INDEX ON app.orders (user_id) WHERE qty > 1;
CREATE INDEX orders_lower_note ON app.orders (lower(note) DESC);
CREATE TRIGGER users_touch BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE VIEW app.active_users AS SELECT id, email FROM app.users WHERE status = 'active';
COMMENT ON TABLE app.users IS 'People';
COMMENT ON COLUMN app.orders.note IS 'Free text';
)sql",
    R"sql(
ALTER TABLE app.users ADD COLUMN nick varchar(20);
ALTER TABLE app.users ADD CONSTRAINT users_nick_check CHECK (nick <> '') NOT VALID;
CREATE TABLE app.events (id bigint NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX ON app.events (at);
CREATE MATERIALIZED VIEW app.order_totals AS SELECT user_id, sum(total) AS total FROM app.orders GROUP BY user_id
  WITH NO DATA;
CREATE VIEW app.summary (active) AS SELECT count(*) FROM app.active_users;
ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON app.orders USING (user_id > 0);
CREATE SEQUENCE app.counter START 10 INCREMENT 5;
)sql"};

void check_same(const nlohmann::json& left, const nlohmann::json& right, const Sides& sides, ExpressionMatch match) {
  for (const auto& d : compare_schemas(left, right, sides, match)) {
    std::string details;
    for (const auto& line : d.details) details += "\n  " + line;
    FAIL_CHECK(d.object << (d.only_in.empty() ? "" : " only in " + d.only_in) << details);
  }
}

}  // namespace

TEST_CASE("the script of replayed migrations rebuilds the database they build", "[schema-sql][postgres][replay]") {
  auto server = test::start_local_server();
  if (!server) return;
  Catalog catalog = test::replay_sql(kMigrations).catalog;
  Databases databases(*server);
  auto snapshot_after = [&](const std::string& purpose, const std::vector<std::string>& scripts) {
    Connection db(with_pinned_session(server->conninfo(databases.create(purpose))));
    for (const auto& sql : scripts) db.exec(sql);
    return snapshot_schema(db);
  };
  nlohmann::json migrated = snapshot_after("migrations", kMigrations);
  nlohmann::json rebuilt = snapshot_after("schema", {schema_to_sql(catalog)});
  // Both are real catalogs printed by the same server: every field compares, text included.
  check_same(migrated, rebuilt, {"migrations", "schema.sql"}, ExpressionMatch::Text);
  // And the JSON says what the script built (a new database's own objects aside).
  nlohmann::json predicted = without_defaults(schema_to_json(catalog));
  check_same(predicted, without_preexisting(rebuilt, snapshot_after("baseline", {}), predicted),
             {"predicted", "schema.sql"}, ExpressionMatch::Presence);
}
