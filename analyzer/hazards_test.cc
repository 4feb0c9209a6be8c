// assess_hazards against a catalog built by hand. Lock levels, scans and rewrites expected here
// were measured on PostgreSQL 15 (pg_locks, pg_stat_xact_user_tables, relfilenode).
#include <catch2/catch.hpp>

#include "analyzer/hazard_test_support.h"
#include "analyzer/replay_test_support.h"

using migc::Constraint;
using migc::Hazard;
using migc::HazardKind;
using migc::kExternal;
using migc::LockMode;
using migc::QualifiedName;
using migc::Relation;
using migc::RelationAge;
using migc::RelKind;
using migc::TypeDef;
using migc::TypeKind;
using migc::test::HazardBench;
using Texts = std::vector<std::string>;

namespace {

Constraint constraint(std::string name, char type, std::vector<std::string> columns) {
  Constraint c;
  c.name = std::move(name);
  c.type = type;
  c.columns = std::move(columns);
  return c;
}

Constraint check(std::string name, std::string expression, bool validated = true) {
  Constraint c = constraint(std::move(name), 'c', {});
  c.expression = std::move(expression);
  c.validated = validated;
  return c;
}

void add_index(HazardBench& b, const std::string& schema, const std::string& name, const std::string& table,
               std::vector<std::string> keys) {
  Relation& idx = b.table(schema, name, {}, kExternal, RelKind::Index);
  idx.index.table = {schema, table};
  idx.index.keys = std::move(keys);
}

// A shop database that has been live for a while: users, orders pointing at users, billing
// plans, a partitioned table with a default partition, a materialized view, an enum and a domain.
HazardBench shop() {
  HazardBench b;
  Relation& users = b.table("public", "users",
                            {"id bigint NOT NULL", "email character varying(50)", "nick text",
                             "created timestamp without time zone", "legacy_password_md5 text"});
  users.constraints.push_back(constraint("users_pkey", 'p', {"id"}));
  users.constraints.back().index = "users_pkey";
  add_index(b, "public", "users_pkey", "users", {"id"});
  add_index(b, "public", "users_nick_idx", "users", {"nick"});

  Relation& orders = b.table("public", "orders", {"id bigint NOT NULL", "user_id bigint", "amount integer"});
  Constraint fk = constraint("orders_user_id_fkey", 'f', {"user_id"});
  fk.ref_table = {"public", "users"};
  fk.on_delete = fk.on_update = "a";
  orders.constraints.push_back(fk);
  orders.constraints.push_back(check("orders_amount_check", "amount > 0"));
  orders.constraints.push_back(check("orders_amount_small", "amount < 1000", false));

  b.table("billing", "plans",
          {"id bigint NOT NULL", "price_cents integer", "name character varying(100)", "price numeric(12,4)",
           "code text", "legacy bigint", "starts timestamp without time zone"});

  Relation& parted =
      b.table("public", "parted", {"id integer", "k integer NOT NULL"}, kExternal, RelKind::PartitionedTable);
  parted.partition_key = "RANGE (k)";
  parted.had_children = true;  // what replaying CREATE TABLE … PARTITION OF would set
  for (const char* name : {"parted_1", "parted_def"}) {
    Relation& p = b.table("public", name, {"id integer", "k integer NOT NULL"});
    p.partition_of = QualifiedName{"public", "parted"};
    p.partition_bound = name == std::string("parted_1") ? "FOR VALUES FROM (0) TO (10)" : "DEFAULT";
  }
  b.table("public", "loose", {"id integer", "k integer NOT NULL"})
      .constraints.push_back(check("loose_k", "k >= 10 AND k < 20"));
  b.table("public", "stray", {"id integer", "k integer"});

  Relation& totals =
      b.table("public", "order_totals", {"user_id bigint", "total bigint"}, kExternal, RelKind::MaterializedView);
  totals.query = "SELECT user_id, sum(amount) AS total FROM public.orders GROUP BY user_id";
  b.table("public", "active_users", {"id bigint"}, kExternal, RelKind::View);

  TypeDef status;
  status.name = {"app", "status"};
  status.kind = TypeKind::Enum;
  status.labels = {"active", "closed"};
  b.catalog.types[status.name] = status;
  TypeDef positive;
  positive.name = {"public", "positive"};
  positive.kind = TypeKind::Domain;
  positive.base_type = "integer";
  positive.constraints.push_back(check("positive_check", "VALUE > 0"));
  b.catalog.types[positive.name] = positive;
  TypeDef plain;
  plain.name = {"public", "plain_int"};
  plain.kind = TypeKind::Domain;
  plain.base_type = "integer";
  b.catalog.types[plain.name] = plain;
  b.table("app", "accounts", {"id bigint", "state app.status", "history app.status[]"});
  b.table("app", "ledger", {"id bigint", "amount numeric"});
  return b;
}

Texts of_kind(HazardBench& b, const std::string& sql, bool locks) {
  Texts out;
  for (const Hazard& h : b.assess(sql))
    if ((h.kind == HazardKind::Lock) == locks) out.push_back(hazard_text(h));
  return out;
}
Texts locks(HazardBench& b, const std::string& sql) { return of_kind(b, sql, true); }
Texts others(HazardBench& b, const std::string& sql) { return of_kind(b, sql, false); }

const std::string kAE = " (blocks reads and writes)";
const std::string kSUE = " (blocks schema changes and VACUUM)";
const std::string kSRE = " (blocks writes)";

}  // namespace

TEST_CASE("hazard names and texts", "[hazards]") {
  CHECK(migc::lock_mode_name(LockMode::AccessExclusive) == "ACCESS EXCLUSIVE");
  CHECK(migc::lock_mode_name(LockMode::ShareUpdateExclusive) == "SHARE UPDATE EXCLUSIVE");
  CHECK(migc::lock_blocks(LockMode::Exclusive) == "blocks writes and locking reads");
  CHECK(migc::lock_blocks(LockMode::RowExclusive) == "blocks CREATE INDEX and schema changes");
  CHECK(migc::lock_blocks(LockMode::AccessShare) == "blocks ACCESS EXCLUSIVE locks");
  CHECK(migc::hazard_kind_name(HazardKind::DataLoss) == "data loss");
  CHECK(migc::relation_age_name(RelationAge::SameMigration) == "new");
  CHECK(migc::relation_age_name(RelationAge::Build) == "build");

  Hazard lock{HazardKind::Lock, QualifiedName{"public", "users"}, LockMode::AccessExclusive, "", RelationAge::Live};
  CHECK(migc::hazard_text(lock) == "!! lock: ACCESS EXCLUSIVE on public.users (blocks reads and writes)");
  Hazard loss{HazardKind::DataLoss, QualifiedName{"public", "users"}, std::nullopt, "drops column public.users.email",
              RelationAge::Live};
  CHECK(migc::hazard_text(loss) == "!! data loss: drops column public.users.email");
}

TEST_CASE("locks: one per relation, at the strongest mode, including referenced tables", "[hazards]") {
  HazardBench b = shop();
  CHECK(locks(b, "CREATE INDEX ON users (email)") == Texts{"!! lock: SHARE on public.users (blocks writes)"});
  CHECK(locks(b, "CREATE INDEX CONCURRENTLY ON users (email)") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.users" + kSUE});
  // Subcommands each at their level; the statement holds the strongest.
  CHECK(locks(b, "ALTER TABLE users ALTER COLUMN email SET STATISTICS 100") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.users" + kSUE});
  CHECK(locks(b, "ALTER TABLE users ALTER COLUMN email SET STATISTICS 100, ADD COLUMN bio text") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.users" + kAE});
  CHECK(locks(b, "ALTER TABLE users SET (fillfactor = 70, autovacuum_enabled = false)") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.users" + kSUE});
  CHECK(locks(b, "ALTER VIEW active_users SET (security_barrier = true)") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.active_users" + kAE});
  CHECK(locks(b, "ALTER TABLE users DISABLE TRIGGER ALL") ==
        Texts{"!! lock: SHARE ROW EXCLUSIVE on public.users" + kSRE});
  // Foreign keys lock the parent: SHARE ROW EXCLUSIVE to add, ACCESS EXCLUSIVE to drop.
  CHECK(locks(b, "ALTER TABLE orders ADD CONSTRAINT o_fk FOREIGN KEY (user_id) REFERENCES users NOT VALID") ==
        Texts{"!! lock: SHARE ROW EXCLUSIVE on public.orders" + kSRE,
              "!! lock: SHARE ROW EXCLUSIVE on public.users" + kSRE});
  CHECK(locks(b, "ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.orders" + kAE, "!! lock: ACCESS EXCLUSIVE on public.users" + kAE});
  CHECK(locks(b, "ALTER TABLE users DROP CONSTRAINT users_pkey CASCADE") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.users" + kAE, "!! lock: ACCESS EXCLUSIVE on public.orders" + kAE});
  CHECK(locks(b, "DROP TABLE orders") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.orders" + kAE, "!! lock: ACCESS EXCLUSIVE on public.users" + kAE});
  CHECK(
      locks(b, "CREATE TABLE reviews (id bigint, user_id bigint REFERENCES users, parent bigint REFERENCES reviews)") ==
      Texts{"!! lock: SHARE ROW EXCLUSIVE on public.users" + kSRE});
  CHECK(locks(b, "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.orders" + kSUE});  // valid already: nothing to check
  b.catalog.relation({"public", "orders"})->constraints[0].validated = false;
  CHECK(locks(b, "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.orders" + kSUE,
              "!! lock: ROW SHARE on public.users (blocks EXCLUSIVE and ACCESS EXCLUSIVE locks)"});
  CHECK(locks(b, "CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION f()") ==
        Texts{"!! lock: SHARE ROW EXCLUSIVE on public.users" + kSRE});
  CHECK(locks(b, "COMMENT ON COLUMN users.email IS 'x'") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.users" + kSUE});
  CHECK(locks(b, "COMMENT ON CONSTRAINT orders_amount_check ON orders IS 'x'") ==
        Texts{"!! lock: ACCESS SHARE on public.orders (blocks ACCESS EXCLUSIVE locks)"});
  CHECK(locks(b, "DROP INDEX users_nick_idx") == Texts{"!! lock: ACCESS EXCLUSIVE on public.users" + kAE,
                                                       "!! lock: ACCESS EXCLUSIVE on public.users_nick_idx" + kAE});
  CHECK(locks(b, "DROP INDEX CONCURRENTLY users_nick_idx") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.users" + kSUE,
              "!! lock: SHARE UPDATE EXCLUSIVE on public.users_nick_idx" + kSUE});
  CHECK(locks(b, "REINDEX TABLE users") == Texts{"!! lock: SHARE on public.users (blocks writes)",
                                                 "!! lock: ACCESS EXCLUSIVE on public.users_nick_idx" + kAE,
                                                 "!! lock: ACCESS EXCLUSIVE on public.users_pkey" + kAE});
  CHECK(locks(b, "REINDEX (CONCURRENTLY) INDEX users_nick_idx") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.users" + kSUE,
              "!! lock: SHARE UPDATE EXCLUSIVE on public.users_nick_idx" + kSUE});
  CHECK(locks(b, "LOCK TABLE users IN SHARE MODE") == Texts{"!! lock: SHARE on public.users (blocks writes)"});
  CHECK(locks(b, "LOCK users") == Texts{"!! lock: ACCESS EXCLUSIVE on public.users" + kAE});
  CHECK(locks(b, "VACUUM (FULL) users") == Texts{"!! lock: ACCESS EXCLUSIVE on public.users" + kAE});
  CHECK(locks(b, "VACUUM (ANALYZE) users") == Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.users" + kSUE});
  CHECK(locks(b, "VACUUM (FULL off) users") == Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.users" + kSUE});
  CHECK(locks(b, "CLUSTER users USING users_pkey") == Texts{"!! lock: ACCESS EXCLUSIVE on public.users" + kAE});
  CHECK(locks(b, "REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals") ==
        Texts{"!! lock: EXCLUSIVE on public.order_totals (blocks writes and locking reads)",
              "!! lock: ACCESS SHARE on public.orders (blocks ACCESS EXCLUSIVE locks)"});
  CHECK(locks(b, "ALTER INDEX users_nick_idx RENAME TO users_nick_key") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.users_nick_idx" + kSUE});
  CHECK(locks(b, "ALTER TABLE users RENAME COLUMN nick TO handle") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.users" + kAE});
}

TEST_CASE("locks of queries and DML, with the foreign-key checks they set off", "[hazards]") {
  HazardBench b = shop();
  const std::string rs = " (blocks EXCLUSIVE and ACCESS EXCLUSIVE locks)";
  const std::string rx = " (blocks CREATE INDEX and schema changes)";
  CHECK(locks(b, "SELECT u.email FROM users u JOIN orders o ON o.user_id = u.id") ==
        Texts{"!! lock: ACCESS SHARE on public.users (blocks ACCESS EXCLUSIVE locks)",
              "!! lock: ACCESS SHARE on public.orders (blocks ACCESS EXCLUSIVE locks)"});
  CHECK(locks(b, "SELECT * FROM users FOR UPDATE") == Texts{"!! lock: ROW SHARE on public.users" + rs});
  CHECK(locks(b, "WITH recent AS (SELECT * FROM orders) SELECT * FROM recent") ==
        Texts{"!! lock: ACCESS SHARE on public.orders (blocks ACCESS EXCLUSIVE locks)"});
  // New rows of orders are checked against users (FOR KEY SHARE: ROW SHARE).
  CHECK(locks(b, "INSERT INTO orders (id, user_id) SELECT id, id FROM users") ==
        Texts{"!! lock: ROW EXCLUSIVE on public.orders" + rx, "!! lock: ROW SHARE on public.users" + rs});
  CHECK(locks(b, "UPDATE orders SET amount = 2 WHERE id = 1") == Texts{"!! lock: ROW EXCLUSIVE on public.orders" + rx});
  CHECK(locks(b, "UPDATE orders SET user_id = 2 WHERE id = 1") ==
        Texts{"!! lock: ROW EXCLUSIVE on public.orders" + rx, "!! lock: ROW SHARE on public.users" + rs});
  // Deleted users are looked for in orders; with ON DELETE CASCADE orders rows are deleted too.
  CHECK(locks(b, "DELETE FROM users WHERE id = 1") ==
        Texts{"!! lock: ROW EXCLUSIVE on public.users" + rx, "!! lock: ROW SHARE on public.orders" + rs});
  b.catalog.relation({"public", "orders"})->constraints[0].on_delete = "c";
  CHECK(locks(b, "DELETE FROM users WHERE id = 1") ==
        Texts{"!! lock: ROW EXCLUSIVE on public.users" + rx, "!! lock: ROW EXCLUSIVE on public.orders" + rx});
  // MERGE locks as its actions write: an UPDATE of user_id checks users, a DELETE checks nothing here.
  CHECK(locks(b, "MERGE INTO orders o USING users u ON o.id = u.id WHEN MATCHED THEN UPDATE SET amount = 1") ==
        Texts{"!! lock: ROW EXCLUSIVE on public.orders" + rx,
              "!! lock: ACCESS SHARE on public.users (blocks ACCESS EXCLUSIVE locks)"});
  CHECK(locks(b,
              "MERGE INTO orders o USING users u ON o.id = u.id WHEN NOT MATCHED THEN INSERT (id, user_id) VALUES "
              "(u.id, u.id)") ==
        Texts{"!! lock: ROW EXCLUSIVE on public.orders" + rx, "!! lock: ROW SHARE on public.users" + rs});
  CHECK(locks(b, "COPY orders FROM STDIN") ==
        Texts{"!! lock: ROW EXCLUSIVE on public.orders" + rx, "!! lock: ROW SHARE on public.users" + rs});
  CHECK(locks(b, "CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100") ==
        Texts{"!! lock: ACCESS SHARE on public.orders (blocks ACCESS EXCLUSIVE locks)"});
}

TEST_CASE("locks on partitions, inheritance children and default partitions", "[hazards]") {
  HazardBench b = shop();
  CHECK(locks(b, "ALTER TABLE parted ADD COLUMN note text") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.parted" + kAE, "!! lock: ACCESS EXCLUSIVE on public.parted_1" + kAE,
              "!! lock: ACCESS EXCLUSIVE on public.parted_def" + kAE});
  CHECK(locks(b, "ALTER TABLE ONLY parted ADD COLUMN note text") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.parted" + kAE});
  CHECK(locks(b, "ALTER TABLE parted ATTACH PARTITION loose FOR VALUES FROM (10) TO (20)") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.parted" + kSUE,
              "!! lock: ACCESS EXCLUSIVE on public.loose" + kAE,
              "!! lock: ACCESS EXCLUSIVE on public.parted_def" + kAE});
  CHECK(locks(b, "ALTER TABLE parted DETACH PARTITION parted_1") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.parted" + kAE, "!! lock: ACCESS EXCLUSIVE on public.parted_1" + kAE,
              "!! lock: ACCESS EXCLUSIVE on public.parted_def" + kAE});
  CHECK(locks(b, "ALTER TABLE parted DETACH PARTITION parted_1 CONCURRENTLY") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.parted" + kSUE,
              "!! lock: SHARE UPDATE EXCLUSIVE on public.parted_1" + kSUE});
  CHECK(locks(b, "CREATE TABLE parted_2 PARTITION OF parted FOR VALUES FROM (10) TO (20)") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.parted" + kAE,
              "!! lock: ACCESS EXCLUSIVE on public.parted_def" + kAE});
  CHECK(others(b, "CREATE TABLE parted_2 PARTITION OF parted FOR VALUES FROM (10) TO (20)") ==
        Texts{"!! scan: CREATE TABLE … PARTITION OF scans the default partition public.parted_def for rows of "
              "public.parted_2"});
  CHECK(locks(b, "CREATE TABLE stray_child () INHERITS (stray)") ==
        Texts{"!! lock: SHARE UPDATE EXCLUSIVE on public.stray" + kSUE});
}

TEST_CASE("rewrites: type changes judged against the old type", "[hazards]") {
  HazardBench b = shop();
  CHECK(
      others(b, "ALTER TABLE billing.plans ALTER COLUMN price_cents TYPE bigint") ==
      Texts{
          "!! rewrite: changes billing.plans.price_cents from integer to bigint: rewrites the table and its indexes"});
  CHECK(
      others(b, "ALTER TABLE billing.plans ALTER COLUMN price_cents TYPE bigint USING price_cents::bigint") ==
      Texts{
          "!! rewrite: changes billing.plans.price_cents from integer to bigint: rewrites the table and its indexes"});
  // Binary-coercible: only the lock remains.
  CHECK(b.texts("ALTER TABLE billing.plans ALTER COLUMN name TYPE varchar(200)") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on billing.plans" + kAE});
  CHECK(others(b, "ALTER TABLE billing.plans ALTER COLUMN name TYPE text, ALTER COLUMN price TYPE numeric(14,4)")
            .empty());
  CHECK(others(b, "ALTER TABLE billing.plans ALTER COLUMN price_cents TYPE plain_int").empty());
  CHECK(others(b, "ALTER TABLE billing.plans ALTER COLUMN price_cents TYPE positive") ==
        Texts{"!! rewrite: changes billing.plans.price_cents from integer to public.positive: rewrites the table and "
              "its indexes"});
  // timestamp -> timestamptz is in place only under a zero-offset TimeZone.
  const std::string to_tz = "ALTER TABLE billing.plans ALTER COLUMN starts TYPE timestamptz";
  CHECK(others(b, to_tz) == Texts{"!! rewrite: changes billing.plans.starts from timestamp without time zone to "
                                  "timestamp with time zone: rewrites the table and its indexes"});
  b.session.settings["timezone"] = "UTC";
  CHECK(others(b, to_tz).empty());
  b.session.local_settings["timezone"] = "Europe/Oslo";  // SET LOCAL wins while it lasts
  CHECK(others(b, to_tz).size() == 1);
  b.session.local_settings.clear();
  b.pg_version_num = 110000;
  CHECK(others(b, to_tz).size() == 1);
  // Foreign keys on the column are re-created: ACCESS EXCLUSIVE on the other table, checked
  // again when the rows were rewritten.
  CHECK(locks(b, "ALTER TABLE orders ALTER COLUMN user_id TYPE numeric(20,0)") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.orders" + kAE, "!! lock: ACCESS EXCLUSIVE on public.users" + kAE});
  CHECK(
      others(b, "ALTER TABLE orders ALTER COLUMN user_id TYPE numeric(20,0)") ==
      Texts{
          "!! rewrite: changes public.orders.user_id from bigint to numeric(20,0): rewrites the table and its indexes",
          "!! scan: changing public.orders.user_id re-checks foreign key orders_user_id_fkey: scans public.users"});
  CHECK(locks(b, "ALTER TABLE users ALTER COLUMN id TYPE bigint") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.users" + kAE, "!! lock: ACCESS EXCLUSIVE on public.orders" + kAE});
  CHECK(others(b, "ALTER TABLE users ALTER COLUMN id TYPE bigint").empty());
  // Unknown column: the old type cannot be judged.
  CHECK(others(b, "ALTER TABLE elsewhere ALTER COLUMN c TYPE text") ==
        Texts{"!! rewrite: changes public.elsewhere.c to text: rewrites the table and its indexes unless the old type "
              "converts in place"});
}

TEST_CASE("rewrites: new columns with volatile defaults and other table rewrites", "[hazards]") {
  HazardBench b = shop();
  b.table("analytics", "events", {"id bigint"});
  migc::Function next_code;
  next_code.name = {"app", "next_code"};
  next_code.volatility = 'v';
  b.catalog.functions[{next_code.name, ""}] = next_code;
  auto rewrite = [&](const std::string& column_sql) {
    return others(b, "ALTER TABLE analytics.events ADD COLUMN " + column_sql);
  };
  CHECK(rewrite("uid uuid DEFAULT gen_random_uuid()") ==
        Texts{"!! rewrite: volatile default gen_random_uuid() rewrites analytics.events"});
  CHECK(rewrite("code text NOT NULL DEFAULT app.next_code()") ==
        Texts{"!! rewrite: volatile default app.next_code() rewrites analytics.events"});
  CHECK(rewrite("seq bigserial") ==
        Texts{"!! rewrite: bigserial column analytics.events.seq rewrites analytics.events"});
  CHECK(rewrite("n bigint GENERATED ALWAYS AS IDENTITY") ==
        Texts{"!! rewrite: identity column analytics.events.n rewrites analytics.events"});
  CHECK(rewrite("double_id bigint GENERATED ALWAYS AS (id * 2) STORED") ==
        Texts{"!! rewrite: stored generated column analytics.events.double_id rewrites analytics.events"});
  CHECK(
      rewrite("qty positive") ==
      Texts{
          "!! rewrite: column analytics.events.qty of domain public.positive with a CHECK rewrites analytics.events"});
  CHECK(rewrite("seen timestamptz NOT NULL DEFAULT now()").empty());
  CHECK(rewrite("flag boolean DEFAULT false").empty());
  CHECK(rewrite("qty plain_int DEFAULT 1").empty());
  b.pg_version_num = 100000;
  CHECK(
      rewrite("flag boolean DEFAULT false") ==
      Texts{"!! rewrite: default on new column analytics.events.flag rewrites analytics.events before PostgreSQL 11"});

  b.pg_version_num = 150000;
  b.catalog.relation({"public", "stray"})->unlogged = true;
  CHECK(others(b, "ALTER TABLE stray SET LOGGED") == Texts{"!! rewrite: SET LOGGED rewrites public.stray"});
  CHECK(others(b, "ALTER TABLE stray SET UNLOGGED").empty());  // already unlogged
  CHECK(others(b, "CLUSTER users") == Texts{"!! rewrite: CLUSTER rewrites public.users and its indexes"});
  CHECK(others(b, "VACUUM FULL users") == Texts{"!! rewrite: VACUUM FULL rewrites public.users and its indexes"});
  CHECK(others(b, "REFRESH MATERIALIZED VIEW order_totals") ==
        Texts{"!! rewrite: REFRESH MATERIALIZED VIEW rewrites public.order_totals"});
  CHECK(others(b, "REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals").empty());
}

TEST_CASE("scans: validation, index builds and NOT NULL checks", "[hazards]") {
  HazardBench b = shop();
  CHECK(others(b, "ALTER TABLE users ALTER COLUMN email SET NOT NULL") ==
        Texts{"!! scan: SET NOT NULL scans public.users to check every row"});
  CHECK(others(b, "ALTER TABLE users ALTER COLUMN id SET NOT NULL").empty());  // already NOT NULL
  Relation& users = *b.catalog.relation({"public", "users"});
  users.constraints.push_back(check("users_email_not_null", "email IS NOT NULL", false));
  CHECK(others(b, "ALTER TABLE users ALTER COLUMN email SET NOT NULL").size() == 1);  // NOT VALID proves nothing
  users.constraints.back().validated = true;
  CHECK(others(b, "ALTER TABLE users ALTER COLUMN email SET NOT NULL").empty());
  b.pg_version_num = 110000;  // the CHECK shortcut came with PostgreSQL 12
  CHECK(others(b, "ALTER TABLE users ALTER COLUMN email SET NOT NULL").size() == 1);
  b.pg_version_num = 150000;

  CHECK(others(b, "ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0)") ==
        Texts{"!! scan: ADD CHECK scans public.orders to check every row"});
  CHECK(others(b, "ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID").empty());
  CHECK(others(b, "ALTER TABLE orders ADD CONSTRAINT o_fk FOREIGN KEY (user_id) REFERENCES users (id)") ==
        Texts{"!! scan: ADD FOREIGN KEY scans public.orders to check every row",
              "!! scan: ADD FOREIGN KEY scans public.users to match the rows of public.orders"});
  CHECK(others(b, "ALTER TABLE orders VALIDATE CONSTRAINT orders_amount_small") ==
        Texts{"!! scan: VALIDATE CONSTRAINT scans public.orders to check every row"});
  CHECK(others(b, "ALTER TABLE orders VALIDATE CONSTRAINT orders_amount_check").empty());  // valid already
  b.catalog.relation({"public", "orders"})->constraints[0].validated = false;
  CHECK(others(b, "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey") ==
        Texts{"!! scan: VALIDATE CONSTRAINT scans public.orders to check every row",
              "!! scan: VALIDATE CONSTRAINT scans public.users to match the rows of public.orders"});

  CHECK(others(b, "ALTER TABLE billing.plans ADD PRIMARY KEY (id)") ==
        Texts{"!! scan: ADD PRIMARY KEY scans billing.plans to build its index"});
  CHECK(others(b, "ALTER TABLE users ADD CONSTRAINT users_nick_key UNIQUE USING INDEX users_nick_idx").empty());
  CHECK(others(b, "ALTER TABLE users ADD CONSTRAINT users_nick_pk PRIMARY KEY USING INDEX users_nick_idx") ==
        Texts{"!! scan: ADD PRIMARY KEY USING INDEX scans public.users to check its columns for NULLs"});
  CHECK(others(b, "ALTER TABLE orders ADD CONSTRAINT no_overlap EXCLUDE (id WITH =)") ==
        Texts{"!! scan: ADD EXCLUDE scans public.orders to build its index"});
  CHECK(others(b, "ALTER TABLE orders ADD COLUMN ref text UNIQUE") ==
        Texts{"!! scan: UNIQUE on new column public.orders.ref scans public.orders to build its index"});
  CHECK(others(b, "CREATE INDEX CONCURRENTLY users_email_idx ON users (email)") ==
        Texts{"!! scan: CREATE INDEX CONCURRENTLY scans public.users twice to build its index"});
  CHECK(others(b, "CREATE INDEX IF NOT EXISTS users_nick_idx ON users (nick)").empty());

  // loose has a validated CHECK (k >= 10 AND k < 20) and k NOT NULL: only the default partition is scanned.
  CHECK(others(b, "ALTER TABLE parted ATTACH PARTITION loose FOR VALUES FROM (10) TO (20)") ==
        Texts{"!! scan: ATTACH PARTITION scans the default partition public.parted_def for rows of public.loose"});
  CHECK(others(b, "ALTER TABLE parted ATTACH PARTITION loose FOR VALUES FROM (12) TO (20)") ==
        Texts{"!! scan: ATTACH PARTITION scans the default partition public.parted_def for rows of public.loose",
              "!! scan: ATTACH PARTITION scans public.loose to check the partition bound"});
}

TEST_CASE("data loss: drops, truncates, unfiltered DML and narrowing type changes", "[hazards]") {
  HazardBench b = shop();
  CHECK(others(b, "ALTER TABLE users DROP COLUMN legacy_password_md5") ==
        Texts{"!! data loss: drops column public.users.legacy_password_md5",
              "!! irreversible: drops column public.users.legacy_password_md5: a rollback brings it back empty"});
  CHECK(others(b, "ALTER TABLE users DROP COLUMN IF EXISTS never_there").empty());
  // Its foreign keys go with it; CASCADE also drops the keys pointing at it.
  CHECK(locks(b, "ALTER TABLE orders DROP COLUMN user_id") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.orders" + kAE, "!! lock: ACCESS EXCLUSIVE on public.users" + kAE});
  CHECK(locks(b, "ALTER TABLE users DROP COLUMN id CASCADE") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.users" + kAE, "!! lock: ACCESS EXCLUSIVE on public.orders" + kAE});
  CHECK(others(b, "ALTER TABLE users ALTER COLUMN email DROP DEFAULT").empty());
  CHECK(others(b, "DROP TABLE billing.plans") ==
        Texts{"!! data loss: drops table billing.plans",
              "!! irreversible: drops table billing.plans: a rollback brings it back empty"});
  CHECK(others(b, "DROP VIEW active_users; DROP MATERIALIZED VIEW order_totals").empty());
  CHECK(b.texts("DROP TABLE IF EXISTS scratch; ALTER TABLE IF EXISTS scratch DROP COLUMN c").empty());
  CHECK(others(b, "DROP TABLE scratch") ==
        Texts{"!! data loss: drops table public.scratch",
              "!! irreversible: drops table public.scratch: a rollback brings it back empty"});
  CHECK(others(b, "DROP SCHEMA app").empty());
  CHECK(others(b, "DROP SCHEMA app CASCADE") ==
        Texts{"!! data loss: drops table app.accounts",
              "!! irreversible: drops table app.accounts: a rollback brings it back empty",
              "!! data loss: drops table app.ledger",
              "!! irreversible: drops table app.ledger: a rollback brings it back empty"});
  CHECK(others(b, "DROP TYPE app.status").empty());  // refused while in use
  CHECK(others(b, "DROP TYPE app.status CASCADE") ==
        Texts{"!! data loss: drops column app.accounts.state of type app.status",
              "!! irreversible: drops column app.accounts.state: a rollback brings it back empty",
              "!! data loss: drops column app.accounts.history of type app.status",
              "!! irreversible: drops column app.accounts.history: a rollback brings it back empty"});
  CHECK(others(b, "TRUNCATE orders") ==
        Texts{"!! rewrite: TRUNCATE replaces public.orders with new empty storage",
              "!! data loss: TRUNCATE deletes every row of public.orders",
              "!! irreversible: TRUNCATE deletes every row of public.orders: a rollback cannot bring them back"});
  CHECK(locks(b, "TRUNCATE users CASCADE") ==
        Texts{"!! lock: ACCESS EXCLUSIVE on public.users" + kAE, "!! lock: ACCESS EXCLUSIVE on public.orders" + kAE});
  CHECK(others(b, "UPDATE users SET nick = lower(nick)") ==
        Texts{"!! data loss: UPDATE without WHERE changes every row of public.users",
              "!! irreversible: UPDATE changes rows of public.users: a rollback cannot restore the old values"});
  CHECK(others(b, "DELETE FROM orders") ==
        Texts{"!! data loss: DELETE without WHERE deletes every row of public.orders",
              "!! irreversible: DELETE removes rows of public.orders: a rollback cannot bring them back"});

  auto alter = [&](const std::string& change) { return others(b, "ALTER TABLE billing.plans ALTER COLUMN " + change); };
  CHECK(alter("name TYPE varchar(20)") ==
        Texts{"!! rewrite: changes billing.plans.name from character varying(100) to character varying(20): rewrites "
              "the table and its indexes",
              "!! data loss: narrows billing.plans.name from character varying(100) to character varying(20)",
              "!! irreversible: narrows billing.plans.name from character varying(100) to character varying(20): a "
              "rollback cannot restore the cut values"});
  CHECK(alter("price TYPE numeric(12,2)").size() == 3);
  CHECK(alter("code TYPE varchar(8)").size() == 3);
  CHECK(alter("legacy TYPE integer").size() == 3);
  CHECK(alter("code TYPE text USING lower(code)") ==
        Texts{"!! rewrite: changes billing.plans.code from text to text USING lower(code): rewrites the table and its "
              "indexes",
              "!! data loss: replaces every value of billing.plans.code USING lower(code)",
              "!! irreversible: converts billing.plans.code to text USING lower(code): a rollback cannot restore the "
              "old values"});
}

TEST_CASE("irreversible changes: enum values and row changes", "[hazards]") {
  HazardBench b = shop();
  CHECK(others(b, "ALTER TYPE app.status ADD VALUE 'frozen'") ==
        Texts{"!! irreversible: adds value 'frozen' to enum app.status: enum values cannot be removed"});
  CHECK(others(b, "ALTER TYPE app.status ADD VALUE IF NOT EXISTS 'closed'").empty());
  CHECK(others(b, "ALTER TYPE app.status RENAME VALUE 'closed' TO 'done'").empty());
  CHECK(others(b, "UPDATE users SET nick = 'x' WHERE id = 1") ==
        Texts{"!! irreversible: UPDATE changes rows of public.users: a rollback cannot restore the old values"});
  CHECK(others(b, "MERGE INTO users u USING orders o ON o.user_id = u.id WHEN MATCHED THEN DELETE") ==
        Texts{"!! irreversible: MERGE changes rows of public.users: a rollback cannot restore the old values"});
  CHECK(others(b, "INSERT INTO users (id) VALUES (1)").empty());
}

TEST_CASE("each hazard carries the age of its relation", "[hazards]") {
  HazardBench b = shop();
  b.table("public", "fresh", {"id bigint"}, 2);    // this migration
  b.table("public", "built", {"id bigint"}, 1);    // an earlier migration of the build
  b.table("public", "history", {"id bigint"}, 0);  // applied: live
  auto ages = [&](const std::string& sql) {
    std::vector<RelationAge> out;
    for (const Hazard& h : b.assess(sql)) out.push_back(h.age);
    return out;
  };
  using A = RelationAge;
  CHECK(ages("ALTER TABLE fresh DROP COLUMN id") ==
        std::vector<A>{A::SameMigration, A::SameMigration, A::SameMigration});
  CHECK(ages("TRUNCATE built") == std::vector<A>{A::Build, A::Build, A::Build, A::Build});
  CHECK(ages("DELETE FROM history WHERE id = 1") == std::vector<A>{A::Live, A::Live});
  CHECK(ages("LOCK TABLE nowhere") == std::vector<A>{A::Live});
  b.catalog.types[{"app", "status"}].provenance.created_by = 1;
  CHECK(ages("ALTER TYPE app.status ADD VALUE 'x'") == std::vector<A>{A::Build});
  std::vector<Hazard> hazards = b.assess("ALTER TABLE built ADD COLUMN u uuid DEFAULT gen_random_uuid()");
  REQUIRE(hazards.size() == 2);
  CHECK(hazards[0].lock == LockMode::AccessExclusive);
  CHECK(hazards[1].relation == QualifiedName{"public", "built"});
  CHECK(hazards[1].kind == HazardKind::Rewrite);
}

TEST_CASE("hazards through the replay dispatcher: judged before each change", "[hazards]") {
  auto r = migc::test::replay_sql(
      {
          "CREATE TABLE auth.users (id bigint PRIMARY KEY, legacy_password_md5 text);",
          "CREATE TABLE auth.sessions (id bigint, user_id bigint REFERENCES auth.users);"
          "ALTER TABLE auth.users DROP COLUMN legacy_password_md5;"
          "DO $$ BEGIN ALTER TABLE auth.sessions ADD COLUMN token uuid DEFAULT gen_random_uuid(); "
          "CREATE INDEX ON auth.sessions (token); END $$;"
          "CREATE FUNCTION auth.purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM auth.sessions $$;",
      },
      {true, false});
  CHECK(r.statement(1, 3).hazards.empty());  // a function body is not run when it is created
  const auto& create = r.statement(1, 0).hazards;
  REQUIRE(create.size() == 1);
  CHECK(hazard_text(create[0]) == "!! lock: SHARE ROW EXCLUSIVE on auth.users (blocks writes)");
  CHECK(create[0].age == RelationAge::Live);
  Texts drop;
  for (const Hazard& h : r.statement(1, 1).hazards) drop.push_back(hazard_text(h));
  CHECK(drop == Texts{"!! lock: ACCESS EXCLUSIVE on auth.users (blocks reads and writes)",
                      "!! data loss: drops column auth.users.legacy_password_md5",
                      "!! irreversible: drops column auth.users.legacy_password_md5: a rollback brings it back empty"});
  // DDL inside DO reaches the hazards too; the table is new in this migration.
  Texts in_do;
  for (const Hazard& h : r.statement(1, 2).hazards) {
    in_do.push_back(hazard_text(h));
    CHECK(h.age == RelationAge::SameMigration);
  }
  // One Lock per relation for the whole block, at the strongest mode.
  CHECK(in_do == Texts{"!! lock: ACCESS EXCLUSIVE on auth.sessions (blocks reads and writes)",
                       "!! rewrite: volatile default gen_random_uuid() rewrites auth.sessions",
                       "!! scan: CREATE INDEX scans auth.sessions to build its index"});
}

TEST_CASE("column changes say which change and which column, apart from the message", "[hazards]") {
  using migc::Hazard, migc::HazardCause;
  HazardBench b = shop();
  auto causes = [&](const std::string& sql) {
    std::vector<std::pair<HazardCause, std::string>> out;
    for (const Hazard& h : b.assess(sql))
      if (h.cause != HazardCause::Other) out.emplace_back(h.cause, h.column);
    return out;
  };
  using Causes = std::vector<std::pair<HazardCause, std::string>>;
  CHECK(causes("ALTER TABLE users DROP COLUMN nick") ==
        Causes{{HazardCause::DropColumn, "nick"}, {HazardCause::DropColumn, "nick"}});  // data loss, irreversible
  CHECK(causes("ALTER TABLE users ALTER COLUMN nick SET NOT NULL") == Causes{{HazardCause::SetNotNull, "nick"}});
  CHECK(causes("ALTER TABLE users ALTER COLUMN id TYPE numeric") == Causes{{HazardCause::ColumnType, "id"}});
  CHECK(causes("ALTER TABLE users ALTER COLUMN nick TYPE text") == Causes{});  // converts in place
  CHECK(causes("ALTER TABLE users SET UNLOGGED") == Causes{{HazardCause::SetUnlogged, ""}});
}
