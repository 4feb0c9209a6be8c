#include "analyzer/references.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;

namespace {

const QualifiedName kUsers{"public", "users"};
const QualifiedName kOrgs{"public", "orgs"};
const QualifiedName kOrders{"app", "orders"};

Relation relation(QualifiedName name, std::vector<std::string> columns, RelKind kind = RelKind::Table) {
  Relation r;
  r.name = std::move(name);
  r.kind = kind;
  for (auto& c : columns) {
    Column column;
    column.name = std::move(c);
    column.type = "integer";
    r.columns.push_back(std::move(column));
  }
  return r;
}

Function function(QualifiedName name, std::string arguments, bool procedure = false) {
  Function f;
  f.name = std::move(name);
  f.arguments = std::move(arguments);
  f.procedure = procedure;
  return f;
}

// What the migrations before these statements created, built by hand.
Catalog sample_catalog() {
  Catalog c;
  c.schemas.emplace("app", Schema{"app", {}});
  for (Relation r : {relation(kUsers, {"id", "email", "name", "org_id"}), relation(kOrgs, {"id", "name"}),
                     relation(kOrders, {"id", "user_id", "total"}),
                     relation({"public", "users_id_seq"}, {}, RelKind::Sequence),
                     relation({"public", "active_users"}, {}, RelKind::View)})
    c.relations.emplace(r.name, r);
  TypeDef status;
  status.name = {"public", "status"};
  status.labels = {"on", "off"};
  c.types.emplace(status.name, status);
  for (Function f : {function({"public", "slugify"}, "text"), function({"app", "refresh"}, "integer", true)})
    c.functions.emplace(std::pair{f.name, f.arguments}, f);
  return c;
}

Reference read(ObjectRef o) { return {std::move(o), Access::Read}; }
Reference write(ObjectRef o) { return {std::move(o), Access::Write}; }
Reference read_table(const QualifiedName& q) { return read(relation_ref(q)); }
Reference read_column(const QualifiedName& q, std::string column) { return read(column_ref(q, std::move(column))); }

std::vector<Reference> sorted(std::vector<Reference> refs) {
  std::sort(refs.begin(), refs.end());
  return refs;
}

// The references of the last statement of `sql`, replayed over the sample catalog.
std::vector<Reference> refs_of(const std::string& sql) {
  auto r = test::replay_sql(sample_catalog(), {sql});
  const StatementAnalysis& last = r.migrations.at(0).back();
  CHECK(last.modelled);
  return last.references;
}

// The first expression of "SELECT expr", parsed and kept alive with its tree.
struct ParsedExpression {
  test::Replayed replayed;
  const PgQuery__Node* expr;
};
ParsedExpression expression(const std::string& text) {
  auto r = test::replay_sql({"SELECT " + text});
  const PgQuery__Node* e = r.trees[0]->stmts[0]->stmt->select_stmt->target_list[0]->res_target->val;
  return {std::move(r), e};
}

}  // namespace

TEST_CASE("references: FROM relations and their columns, by alias, table or schema-qualified name",
          "[references]") {
  CHECK(refs_of("SELECT u.email, name FROM users u WHERE id = 1") ==
        sorted({read_table(kUsers), read_column(kUsers, "email"), read_column(kUsers, "name"),
                read_column(kUsers, "id")}));
  CHECK(refs_of("SELECT users.email, app.orders.total FROM users, app.orders") ==
        sorted({read_table(kUsers), read_table(kOrders), read_column(kUsers, "email"), read_column(kOrders, "total")}));
  // An alias hides the table's name: users.email no longer names anything.
  CHECK(refs_of("SELECT users.email FROM users AS u") == sorted({read_table(kUsers)}));
  // Column aliases rename the first columns.
  CHECK(refs_of("SELECT u.ident, email FROM users AS u(ident)") ==
        sorted({read_table(kUsers), read_column(kUsers, "id"), read_column(kUsers, "email")}));
}

TEST_CASE("references: unqualified relations resolve through the search_path", "[references]") {
  CHECK(refs_of("SET search_path = app, public; SELECT total, email FROM orders, users") ==
        sorted({read_table(kOrders), read_table(kUsers), read_column(kOrders, "total"), read_column(kUsers, "email")}));
  // Not in the catalog: the creation schema, and its columns are unknown.
  CHECK(refs_of("SELECT anything FROM missing") == sorted({read_table({"public", "missing"})}));
}

TEST_CASE("references: * and unresolvable columns read nothing more", "[references]") {
  CHECK(refs_of("SELECT *, u.* FROM users u") == sorted({read_table(kUsers)}));
  CHECK(refs_of("SELECT nope, u.nope, ctid FROM users u") == sorted({read_table(kUsers)}));
  // A view whose columns the model does not know stops the search for its level.
  CHECK(refs_of("SELECT email FROM active_users") == sorted({read_table({"public", "active_users"})}));
}

TEST_CASE("references: JOIN … ON, USING on both sides, and an aliased join", "[references]") {
  CHECK(refs_of("SELECT o.total FROM users JOIN app.orders o ON o.user_id = users.id") ==
        sorted({read_table(kUsers), read_table(kOrders), read_column(kOrders, "total"), read_column(kOrders, "user_id"),
                read_column(kUsers, "id")}));
  CHECK(refs_of("SELECT name FROM users JOIN orgs USING (id) WHERE email IS NULL") ==
        sorted({read_table(kUsers), read_table(kOrgs), read_column(kUsers, "id"), read_column(kOrgs, "id"),
                read_column(kUsers, "name"), read_column(kUsers, "email")}));
  CHECK(refs_of("SELECT j.email, users.name FROM (users JOIN orgs o ON o.id = org_id) AS j") ==
        sorted({read_table(kUsers), read_table(kOrgs), read_column(kOrgs, "id"), read_column(kUsers, "org_id"),
                read_column(kUsers, "email")}));
}

TEST_CASE("references: CTE names are not relations; non-recursive CTEs see only earlier ones", "[references]") {
  CHECK(refs_of("WITH users AS (SELECT 1 AS id) SELECT id FROM users").empty());
  // Inside its own body the name is still the table.
  CHECK(refs_of("WITH users AS (SELECT id, email FROM users) SELECT email FROM users") ==
        sorted({read_table(kUsers), read_column(kUsers, "id"), read_column(kUsers, "email")}));
  CHECK(refs_of("WITH RECURSIVE orgs(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM orgs WHERE id < 5) "
                "SELECT id FROM orgs")
            .empty());
  // A CTE's column list names its columns.
  CHECK(refs_of("WITH c(n) AS (SELECT id FROM orgs) SELECT n, name FROM c, users") ==
        sorted({read_table(kOrgs), read_column(kOrgs, "id"), read_table(kUsers), read_column(kUsers, "name")}));
}

TEST_CASE("references: sub-links resolve inner scopes first, then outer ones", "[references]") {
  // `id` is the inner orders.id, `email` the outer users.email.
  CHECK(refs_of("SELECT 1 FROM users WHERE EXISTS (SELECT 1 FROM app.orders WHERE id > 0 AND email IS NULL)") ==
        sorted({read_table(kUsers), read_table(kOrders), read_column(kOrders, "id"), read_column(kUsers, "email")}));
  CHECK(refs_of("SELECT (SELECT count(*) FROM app.orders o WHERE o.user_id = u.id) FROM users u") ==
        sorted({read_table(kUsers), read_table(kOrders), read_column(kOrders, "user_id"), read_column(kUsers, "id")}));
  CHECK(refs_of("SELECT name FROM orgs WHERE id IN (SELECT org_id FROM users)") ==
        sorted({read_table(kOrgs), read_table(kUsers), read_column(kOrgs, "name"), read_column(kOrgs, "id"),
                read_column(kUsers, "org_id")}));
}

TEST_CASE("references: sub-selects in FROM have their own columns; LATERAL sees the items before it",
          "[references]") {
  // s.n and label are the sub-select's columns, not the catalog's.
  CHECK(refs_of("SELECT s.n, label, email FROM (SELECT id AS n, 'x' AS label FROM orgs) s, users") ==
        sorted({read_table(kOrgs), read_column(kOrgs, "id"), read_table(kUsers), read_column(kUsers, "email")}));
  // `SELECT *` from a modelled table lists its columns: email is not among them, so it is the outer one.
  CHECK(refs_of("SELECT 1 FROM users WHERE EXISTS (SELECT 1 FROM (SELECT * FROM orgs) o WHERE email IS NULL)") ==
        sorted({read_table(kUsers), read_table(kOrgs), read_column(kUsers, "email")}));
  // The inner `name` is the sub-select's: the search stops before the outer orgs.name.
  CHECK(refs_of("SELECT id FROM orgs WHERE EXISTS (SELECT name FROM (SELECT 'x' AS name) s)") ==
        sorted({read_table(kOrgs), read_column(kOrgs, "id")}));
  CHECK(refs_of("SELECT * FROM users u, LATERAL (SELECT total FROM app.orders WHERE user_id = u.id) o") ==
        sorted({read_table(kUsers), read_table(kOrders), read_column(kOrders, "total"),
                read_column(kOrders, "user_id"), read_column(kUsers, "id")}));
  // Without LATERAL the items of the same FROM are out of sight, enclosing queries are not.
  CHECK(refs_of("SELECT * FROM users u, (SELECT org_id FROM orgs) o") == sorted({read_table(kUsers), read_table(kOrgs)}));
  CHECK(refs_of("SELECT (SELECT x.n FROM (SELECT email AS n) x) FROM users") ==
        sorted({read_table(kUsers), read_column(kUsers, "email")}));
}

TEST_CASE("references: set operations, VALUES and ORDER BY result names", "[references]") {
  CHECK(refs_of("SELECT id FROM users UNION SELECT id FROM orgs ORDER BY id") ==
        sorted({read_table(kUsers), read_table(kOrgs), read_column(kUsers, "id"), read_column(kOrgs, "id")}));
  CHECK(refs_of("SELECT v.column1 FROM (VALUES (1), (2)) v").empty());
  CHECK(refs_of("SELECT name FROM (VALUES (1)) AS v(id) JOIN users USING (id)") ==
        sorted({read_table(kUsers), read_column(kUsers, "id"), read_column(kUsers, "name")}));
  // ORDER BY email is the result column named email, not users.email; GROUP BY prefers input columns.
  CHECK(refs_of("SELECT id AS email FROM users ORDER BY email") == sorted({read_table(kUsers), read_column(kUsers, "id")}));
  // FOR UPDATE OF names a FROM item, not a relation.
  CHECK(refs_of("SELECT 1 FROM users u, orgs FOR UPDATE OF u, orgs") == sorted({read_table(kUsers), read_table(kOrgs)}));
  CHECK(refs_of("SELECT count(*) AS name FROM users GROUP BY name") ==
        sorted({read_table(kUsers), read_column(kUsers, "name")}));
}

TEST_CASE("references: every node kind is walked (CASE, FILTER, OVER, arrays, rows)", "[references]") {
  CHECK(refs_of("SELECT CASE WHEN email IS NULL THEN slugify(name) END, count(*) FILTER (WHERE org_id > 0) "
                "OVER (PARTITION BY id), (ARRAY[org_id])[1], ROW(email) FROM users") ==
        sorted({read_table(kUsers), read_column(kUsers, "email"), read_column(kUsers, "name"),
                read_column(kUsers, "org_id"), read_column(kUsers, "id"), read(function_ref({"public", "slugify"}))}));
}

TEST_CASE("references: functions in the catalog or schema-qualified; built-ins are not references",
          "[references]") {
  CHECK(refs_of("SELECT slugify('a'), lower('B'), pg_catalog.upper('c'), now()") ==
        sorted({read(function_ref({"public", "slugify"}))}));
  CHECK(refs_of("SELECT app.unknown_fn(), ext.f(1)") ==
        sorted({read(function_ref({"app", "unknown_fn"})), read(function_ref({"ext", "f"}))}));
  // A function in FROM: its columns are not catalog columns.
  CHECK(refs_of("SELECT g, x FROM generate_series(1, 3) g, app.lookup(1) x") ==
        sorted({read(function_ref({"app", "lookup"}))}));
  CHECK(refs_of("SELECT * FROM users, unnest(ARRAY[1]) AS x WHERE x = id") ==
        sorted({read_table(kUsers), read_column(kUsers, "id")}));
}

TEST_CASE("references: types of casts and type names", "[references]") {
  CHECK(refs_of("SELECT 'on'::status, CAST(1 AS integer), '{}'::public.status[], 1::app.money") ==
        sorted({read(type_ref({"public", "status"})), read(type_ref({"app", "money"}))}));
}

TEST_CASE("references: relations named in strings", "[references]") {
  CHECK(refs_of("SELECT nextval('users_id_seq'), currval('app.orders_id_seq'), setval('\"Weird\"', 1)") ==
        sorted({read_table({"public", "users_id_seq"}), read_table({"app", "orders_id_seq"}),
                read_table({"public", "Weird"})}));
  CHECK(refs_of("SELECT 'Orgs'::regclass, 'app.orders'::pg_catalog.regclass, to_regclass('users')") ==
        sorted({read_table(kOrgs), read_table(kOrders), read_table(kUsers)}));
  CHECK(refs_of("SELECT setval(pg_get_serial_sequence('users', 'id'), 1)") ==
        sorted({read_table(kUsers), read_column(kUsers, "id")}));
  CHECK(refs_of("SELECT nextval('app.orders_id_seq'::text), nextval('users_id_seq'::regclass)") ==
        sorted({read_table({"app", "orders_id_seq"}), read_table({"public", "users_id_seq"})}));
  // Computed names cannot be followed.
  CHECK(refs_of("SELECT nextval('users' || '_id_seq')").empty());
}

TEST_CASE("references: a data-modifying CTE writes, and its RETURNING names its columns", "[references]") {
  CHECK(refs_of("WITH gone AS (DELETE FROM app.orders WHERE total = 0 RETURNING user_id) "
                "SELECT email FROM users WHERE id IN (SELECT user_id FROM gone)") ==
        sorted({write(relation_ref(kOrders)), read_column(kOrders, "total"), read_column(kOrders, "user_id"),
                read_table(kUsers), read_column(kUsers, "email"), read_column(kUsers, "id")}));
}

TEST_CASE("references: INSERT writes the table and reads its listed columns, VALUES, SELECT, ON CONFLICT, "
          "RETURNING",
          "[references]") {
  CHECK(refs_of("INSERT INTO users (id, email) VALUES (1, slugify('A')) "
                "ON CONFLICT (email) DO UPDATE SET name = excluded.name WHERE users.org_id IS NULL RETURNING id") ==
        sorted({write(relation_ref(kUsers)), read_column(kUsers, "id"), read_column(kUsers, "email"),
                read_column(kUsers, "name"), read_column(kUsers, "org_id"), read(function_ref({"public", "slugify"}))}));
  CHECK(refs_of("INSERT INTO users (id) SELECT id FROM orgs") ==
        sorted({write(relation_ref(kUsers)), read_column(kUsers, "id"), read_table(kOrgs), read_column(kOrgs, "id")}));
  CHECK(refs_of("INSERT INTO app.orders VALUES (1) ON CONFLICT ON CONSTRAINT orders_pkey DO NOTHING") ==
        sorted({write(relation_ref(kOrders)), read(constraint_ref(kOrders, "orders_pkey"))}));
}

TEST_CASE("references: UPDATE writes the table, reads SET columns, FROM and WHERE", "[references]") {
  CHECK(refs_of("UPDATE users u SET name = o.name, email = lower(email) FROM orgs o WHERE o.id = u.org_id") ==
        sorted({write(relation_ref(kUsers)), read_column(kUsers, "name"), read_column(kUsers, "email"),
                read_table(kOrgs), read_column(kOrgs, "name"), read_column(kOrgs, "id"), read_column(kUsers, "org_id")}));
  CHECK(refs_of("UPDATE users SET (name, email) = (SELECT name, 'x' FROM orgs WHERE orgs.id = users.org_id)") ==
        sorted({write(relation_ref(kUsers)), read_column(kUsers, "name"), read_column(kUsers, "email"),
                read_table(kOrgs), read_column(kOrgs, "name"), read_column(kOrgs, "id"), read_column(kUsers, "org_id")}));
}

TEST_CASE("references: DELETE writes the table, reads USING and WHERE", "[references]") {
  CHECK(refs_of("DELETE FROM users USING orgs WHERE orgs.id = users.org_id RETURNING email") ==
        sorted({write(relation_ref(kUsers)), read_table(kOrgs), read_column(kOrgs, "id"), read_column(kUsers, "org_id"),
                read_column(kUsers, "email")}));
}

TEST_CASE("references: MERGE writes the target and reads the source, the condition and each action",
          "[references]") {
  CHECK(refs_of("MERGE INTO users u USING orgs o ON u.org_id = o.id "
                "WHEN MATCHED AND o.name IS NULL THEN DELETE "
                "WHEN MATCHED THEN UPDATE SET name = o.name "
                "WHEN NOT MATCHED THEN INSERT (id, email) VALUES (o.id, 'x')") ==
        sorted({write(relation_ref(kUsers)), read_table(kOrgs), read_column(kUsers, "org_id"), read_column(kOrgs, "id"),
                read_column(kOrgs, "name"), read_column(kUsers, "name"), read_column(kUsers, "id"),
                read_column(kUsers, "email")}));
}

TEST_CASE("references: TRUNCATE writes each table", "[references]") {
  CHECK(refs_of("TRUNCATE users, app.orders RESTART IDENTITY") ==
        sorted({write(relation_ref(kUsers)), write(relation_ref(kOrders))}));
}

TEST_CASE("references: COPY FROM writes, COPY TO reads", "[references]") {
  CHECK(refs_of("COPY users (id, email) FROM stdin WHERE org_id > 0") ==
        sorted({write(relation_ref(kUsers)), read_column(kUsers, "id"), read_column(kUsers, "email"),
                read_column(kUsers, "org_id")}));
  CHECK(refs_of("COPY app.orders TO stdout") == sorted({read_table(kOrders)}));
  CHECK(refs_of("COPY (SELECT email FROM users) TO stdout") == sorted({read_table(kUsers), read_column(kUsers, "email")}));
}

TEST_CASE("references: CALL reads the procedure and its arguments", "[references]") {
  CHECK(refs_of("CALL app.refresh((SELECT max(id) FROM orgs))") ==
        sorted({read(function_ref({"app", "refresh"})), read_table(kOrgs), read_column(kOrgs, "id")}));
  CHECK(refs_of("CALL do_it()") == sorted({read(function_ref({"public", "do_it"}))}));
}

TEST_CASE("references: EXPLAIN plans (reads), EXPLAIN ANALYZE runs (writes)", "[references]") {
  CHECK(refs_of("EXPLAIN DELETE FROM users WHERE id = 1") == sorted({read_table(kUsers), read_column(kUsers, "id")}));
  CHECK(refs_of("EXPLAIN (ANALYZE false) DELETE FROM users") == sorted({read_table(kUsers)}));
  CHECK(refs_of("EXPLAIN ANALYZE DELETE FROM users") == sorted({write(relation_ref(kUsers))}));
  CHECK(refs_of("EXPLAIN SELECT name FROM orgs") == sorted({read_table(kOrgs), read_column(kOrgs, "name")}));
}

TEST_CASE("references: LOCK, VACUUM, ANALYZE, CLUSTER and REINDEX read their relations", "[references]") {
  CHECK(refs_of("LOCK TABLE users, app.orders IN ACCESS EXCLUSIVE MODE") ==
        sorted({read_table(kUsers), read_table(kOrders)}));
  CHECK(refs_of("VACUUM (ANALYZE) users (email), orgs") ==
        sorted({read_table(kUsers), read_column(kUsers, "email"), read_table(kOrgs)}));
  CHECK(refs_of("ANALYZE app.orders") == sorted({read_table(kOrders)}));
  CHECK(refs_of("CLUSTER app.orders USING orders_pkey") ==
        sorted({read_table(kOrders), read_table({"app", "orders_pkey"})}));
  CHECK(refs_of("REINDEX TABLE users") == sorted({read_table(kUsers)}));
  CHECK(refs_of("REINDEX INDEX app.orders_pkey") == sorted({read_table({"app", "orders_pkey"})}));
  CHECK(refs_of("REINDEX SCHEMA app") == sorted({read(schema_ref("app"))}));
  CHECK(refs_of("VACUUM").empty());
}

TEST_CASE("references: session and protocol statements are modelled and store nothing", "[references]") {
  for (const char* sql : {"NOTIFY jobs, 'x'", "LISTEN jobs", "UNLISTEN *", "CHECKPOINT", "DISCARD PLANS",
                          "DEALLOCATE ALL", "SHOW search_path", "EXECUTE q(1)", "SET CONSTRAINTS ALL DEFERRED",
                          "BEGIN", "SAVEPOINT s", "SET lock_timeout = '1s'"})
    CHECK(refs_of(sql).empty());
  // A prepared query is parsed against the schema when prepared.
  CHECK(refs_of("PREPARE q(int) AS SELECT email FROM users WHERE id = $1") ==
        sorted({read_table(kUsers), read_column(kUsers, "email"), read_column(kUsers, "id")}));
  CHECK(refs_of("DECLARE c CURSOR FOR SELECT name FROM orgs") == sorted({read_table(kOrgs), read_column(kOrgs, "name")}));
}

TEST_CASE("references: schema changes and SELECT INTO are left to the other modules", "[references]") {
  auto r = test::replay_sql({"CREATE TABLE t (a int)", "SELECT 1 AS a INTO t2", "CREATE VIEW v AS SELECT 1"});
  Catalog catalog;
  Session session;
  for (const auto& tree : r.trees) {
    StatementAnalysis out;
    ReplayContext ctx{catalog, session, out};
    CHECK_FALSE(replay_data_statement(tree->stmts[0]->stmt, ctx));
    CHECK(out.references.empty());
  }
}

TEST_CASE("references: collect_reads on an expression; collect_reads_on resolves against one relation",
          "[references]") {
  Catalog catalog = sample_catalog();
  Session session;
  StatementAnalysis out;
  ReplayContext ctx{catalog, session, out};
  auto check = expression("email <> '' AND slugify(users.name) IS NOT NULL AND nextval('users_id_seq') > 0");
  collect_reads(check.expr, ctx);
  CHECK(sorted(out.references) ==
        sorted({read(function_ref({"public", "slugify"})), read_table({"public", "users_id_seq"})}));
  out.references.clear();
  collect_reads_on(check.expr, kUsers, ctx);
  CHECK(sorted(out.references) ==
        sorted({read_column(kUsers, "email"), read_column(kUsers, "name"), read(function_ref({"public", "slugify"})),
                read_table({"public", "users_id_seq"})}));
}

TEST_CASE("references: table.column%TYPE reads the column", "[references]") {
  Catalog catalog = sample_catalog();
  Session session;
  StatementAnalysis out;
  ReplayContext ctx{catalog, session, out};
  auto r = test::replay_sql({"CREATE FUNCTION f(e users.email%TYPE, s status) RETURNS int LANGUAGE sql AS 'SELECT 1'"});
  const PgQuery__CreateFunctionStmt* fn = r.trees[0]->stmts[0]->stmt->create_function_stmt;
  for (size_t i = 0; i < fn->n_parameters; ++i) collect_reads(fn->parameters[i], ctx);
  CHECK(sorted(out.references) ==
        sorted({read_table(kUsers), read_column(kUsers, "email"), read(type_ref({"public", "status"}))}));
}
