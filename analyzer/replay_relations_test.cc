// Tables, columns, constraints, indexes and sequences replayed through the real dispatcher:
// what the catalog holds afterwards and what each statement references. The generated names
// used here are the ones replay_relations_pg_test.cc checks against PostgreSQL itself.
#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"

using namespace migc;
using migc::test::Replayed;
using migc::test::replay_sql;

namespace {

using Strings = std::vector<std::string>;
const QualifiedName kUsers{"public", "users"};

const Relation& rel(const Replayed& r, const std::string& name, const std::string& schema = "public") {
  const Relation* found = r.catalog.relation({schema, name});
  INFO("relation " << schema << "." << name);
  REQUIRE(found);
  return *found;
}

Strings names_of_relations(const Catalog& catalog) {
  Strings out;
  for (const auto& [name, rel] : catalog.relations) out.push_back(name.schema + "." + name.name);
  return out;
}

Strings constraint_names(const Relation& r) {
  Strings out;
  for (const auto& c : r.constraints) out.push_back(c.name);
  return out;
}

bool has_note(const StatementAnalysis& a, const std::string& part) {
  for (const auto& n : a.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

// Replays one statement as a function body does (ctx.execute false) on `catalog`.
StatementAnalysis replay_in_body(Catalog& catalog, const std::string& sql) {
  auto parsed = replay_sql({sql});  // only for its parse tree
  Session session;
  StatementAnalysis analysis;
  ReplayContext ctx{catalog, session, analysis, 1, 150000, false, nullptr};
  replay_statement(parsed.trees[0]->stmts[0]->stmt, ctx);
  return analysis;
}

}  // namespace

TEST_CASE("CREATE TABLE: columns, serial and identity sequences, generated columns, defaults", "[replay-relations]") {
  auto r = replay_sql({R"SQL(
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  code int GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5),
  email varchar(200) NOT NULL COLLATE "C",
  created_at timestamptz DEFAULT now(),
  price numeric(10,2), qty int,
  total numeric GENERATED ALWAYS AS (price * qty) STORED,
  note text NULL
);)SQL"});
  const Relation& users = rel(r, "users");
  CHECK(users.kind == RelKind::Table);
  REQUIRE(users.columns.size() == 8);
  const Column& id = users.columns[0];
  CHECK(id.type == "bigint");
  CHECK(id.not_null);
  CHECK(id.default_expr == "nextval('public.users_id_seq'::regclass)");
  const Relation& id_seq = rel(r, "users_id_seq");
  CHECK(id_seq.sequence.type == "bigint");
  CHECK(id_seq.sequence.owned_by == std::make_pair(kUsers, std::string("id")));
  CHECK_FALSE(id_seq.sequence.identity);

  const Column& code = users.columns[1];
  CHECK(code.identity == 'a');
  CHECK(code.not_null);
  CHECK_FALSE(code.default_expr);
  const Relation& code_seq = rel(r, "users_code_seq");
  CHECK(code_seq.sequence.identity);
  CHECK(code_seq.sequence.type == "integer");
  CHECK(code_seq.sequence.start == 10);
  CHECK(code_seq.sequence.increment == 5);

  CHECK(users.column("email")->type == "character varying(200)");
  CHECK(users.column("email")->not_null);
  CHECK(users.column("email")->collation == "C");
  CHECK(users.column("created_at")->default_expr == "now()");
  CHECK(users.column("total")->generated == "(price * qty)");
  CHECK_FALSE(users.column("note")->not_null);
  CHECK(users.provenance.created_by == 0);
  CHECK(users.column("email")->provenance.created_by == 0);

  CHECK(r.has_reference(0, 0, relation_ref(kUsers), Access::Create));
  CHECK(r.has_reference(0, 0, column_ref(kUsers, "total"), Access::Create));
  CHECK(r.has_reference(0, 0, relation_ref({"public", "users_id_seq"}), Access::Create));
  CHECK(r.has_reference(0, 0, relation_ref({"public", "users_pkey"}), Access::Create));
  CHECK(r.has_reference(0, 0, constraint_ref(kUsers, "users_pkey"), Access::Create));
  CHECK(r.has_reference(0, 0, schema_ref("public"), Access::Read));
}

TEST_CASE("CREATE TABLE: constraints get PostgreSQL's names, in PostgreSQL's order", "[replay-relations]") {
  auto r = replay_sql({R"SQL(
CREATE TABLE orgs (id int PRIMARY KEY, slug text UNIQUE);
CREATE TABLE users (
  id int,
  org_id int REFERENCES orgs ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  slug text REFERENCES orgs (slug) ON UPDATE SET NULL,
  lo int CHECK (lo > 0), hi int,
  CONSTRAINT users_lo_key CHECK (lo < 100),
  UNIQUE (lo),
  CHECK (lo < hi), CHECK (hi > 0 AND hi < 1000),
  PRIMARY KEY (id),
  UNIQUE (lo, hi) INCLUDE (slug)
);)SQL"});
  const Relation& users = rel(r, "users");
  // CHECKs come with the table, then the primary key, then the other keys, then foreign keys:
  // the named CHECK users_lo_key pushes UNIQUE (lo) to users_lo_key1.
  CHECK(constraint_names(users) == Strings{"users_lo_check", "users_lo_key", "users_check", "users_hi_check",
                                           "users_pkey", "users_lo_key1", "users_lo_hi_slug_key", "users_org_id_fkey",
                                           "users_slug_fkey"});
  const Constraint& fk = *users.constraint("users_org_id_fkey");
  CHECK(fk.type == 'f');
  CHECK(fk.columns == Strings{"org_id"});
  CHECK(fk.ref_table == QualifiedName{"public", "orgs"});
  CHECK(fk.ref_columns.empty());
  CHECK(fk.on_delete == "c");
  CHECK(fk.deferrable);
  CHECK(fk.initially_deferred);
  CHECK(users.constraint("users_slug_fkey")->on_update == "n");
  CHECK(users.constraint("users_slug_fkey")->ref_columns == Strings{"slug"});
  CHECK(users.constraint("users_check")->columns == Strings{"lo", "hi"});
  CHECK(users.constraint("users_check")->expression == "(lo < hi)");
  CHECK(users.column("id")->not_null);  // PRIMARY KEY

  const Relation& key = rel(r, "users_lo_hi_slug_key");  // INCLUDE columns name it too
  CHECK(key.kind == RelKind::Index);
  CHECK(key.index.table == kUsers);
  CHECK(key.index.unique);
  CHECK(key.index.keys == Strings{"lo", "hi"});
  CHECK(key.index.include == Strings{"slug"});
  CHECK(key.index.constraint == "users_lo_hi_slug_key");
  CHECK(users.constraint("users_lo_hi_slug_key")->index == "users_lo_hi_slug_key");
  CHECK(rel(r, "users_pkey").index.primary);

  // Reads of what the foreign keys point at.
  CHECK(r.has_reference(0, 1, relation_ref({"public", "orgs"}), Access::Read));
  CHECK(r.has_reference(0, 1, column_ref({"public", "orgs"}, "id"), Access::Read));
  CHECK(r.has_reference(0, 1, column_ref({"public", "orgs"}, "slug"), Access::Read));
}

TEST_CASE("CREATE TABLE: IF NOT EXISTS, a second CREATE, UNLOGGED, WITH, TEMPORARY", "[replay-relations]") {
  auto r = replay_sql({"CREATE UNLOGGED TABLE t (a int) WITH (fillfactor = 70, autovacuum_enabled = false);",
                       "CREATE TABLE IF NOT EXISTS t (b int); CREATE TABLE t (c int); CREATE TEMP TABLE tmp (x int);"});
  const Relation& t = rel(r, "t");
  CHECK(t.unlogged);
  CHECK(t.options == std::map<std::string, std::string>{{"autovacuum_enabled", "false"}, {"fillfactor", "70"}});
  REQUIRE(t.columns.size() == 1);
  CHECK(t.columns[0].name == "a");
  CHECK(t.provenance.changed_by.empty());
  CHECK(r.has_reference(1, 0, relation_ref({"public", "t"}), Access::Read));
  CHECK(has_note(r.statement(1, 0), "no-op"));
  CHECK(r.has_reference(1, 1, relation_ref({"public", "t"}), Access::Create));
  CHECK(has_note(r.statement(1, 1), "refuses"));
  CHECK_FALSE(r.catalog.relation({"public", "tmp"}));
  CHECK(r.catalog.relation({"pg_temp", "tmp"}));  // until the session ends
}

TEST_CASE("CREATE FOREIGN TABLE: a foreign table whose CHECKs may stay NOT VALID", "[replay-relations]") {
  auto r = replay_sql({"CREATE FOREIGN TABLE ft (id int NOT NULL, n int, CHECK (n > 0) NOT VALID) SERVER s;"});
  const Relation& ft = rel(r, "ft");
  CHECK(ft.kind == RelKind::ForeignTable);
  CHECK(ft.column("id")->not_null);
  CHECK_FALSE(ft.constraint("ft_n_check")->validated);
  CHECK(r.has_reference(0, 0, relation_ref({"public", "ft"}), Access::Create));
}

TEST_CASE("CREATE TABLE: partitions, INHERITS and LIKE", "[replay-relations]") {
  auto r = replay_sql({R"SQL(
CREATE TABLE events (id int, at timestamptz NOT NULL, kind text DEFAULT 'x', PRIMARY KEY (id, at), CHECK (id > 0))
  PARTITION BY RANGE (at);
CREATE INDEX ON events (kind);
CREATE TABLE events_2024 PARTITION OF events (kind DEFAULT 'y') FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_other PARTITION OF events DEFAULT;
CREATE TABLE base (id int, note text CHECK (note <> ''));
CREATE TABLE child (extra int, id int NOT NULL) INHERITS (base);
CREATE TABLE copy (LIKE events INCLUDING DEFAULTS INCLUDING INDEXES, more int);
)SQL"});
  const Relation& events = rel(r, "events");
  CHECK(events.kind == RelKind::PartitionedTable);
  CHECK(events.partition_key == "RANGE (at)");
  CHECK(rel(r, "events_pkey").kind == RelKind::PartitionedIndex);

  const Relation& p = rel(r, "events_2024");
  CHECK(p.kind == RelKind::Table);
  CHECK(p.partition_of == QualifiedName{"public", "events"});
  CHECK(p.partition_bound == "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
  REQUIRE(p.columns.size() == 3);
  CHECK(p.column("kind")->default_expr == "'y'");
  CHECK(p.constraint("events_id_check"));
  CHECK(p.constraint("events_2024_pkey"));
  CHECK(rel(r, "events_2024_kind_idx").index.table == QualifiedName{"public", "events_2024"});
  CHECK(rel(r, "events_other").partition_bound == "DEFAULT");
  CHECK(r.has_reference(0, 2, relation_ref({"public", "events"}), Access::Alter));

  const Relation& child = rel(r, "child");
  CHECK(child.inherits == std::vector<QualifiedName>{{"public", "base"}});
  REQUIRE(child.columns.size() == 3);
  CHECK(child.columns[0].name == "id");  // inherited columns first, merged with the local one
  CHECK(child.columns[0].not_null);
  CHECK(child.columns[2].name == "extra");
  CHECK(child.constraint("base_note_check"));

  const Relation& copy = rel(r, "copy");
  REQUIRE(copy.columns.size() == 4);
  CHECK(copy.columns[3].name == "more");
  CHECK(copy.column("kind")->default_expr == "'x'");
  CHECK(copy.constraint("copy_pkey"));
  CHECK_FALSE(copy.constraint("events_id_check"));  // INCLUDING CONSTRAINTS was not asked for
  CHECK(rel(r, "copy_kind_idx").index.table == QualifiedName{"public", "copy"});
  CHECK(r.has_reference(0, 6, relation_ref({"public", "events"}), Access::Read));
}

TEST_CASE("ALTER TABLE: columns, defaults, NOT NULL, types, identity", "[replay-relations]") {
  auto r = replay_sql({"CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY, a int, b text, g int GENERATED ALWAYS AS (a * 2) STORED);",
                       R"SQL(
ALTER TABLE t ADD COLUMN c serial, ADD COLUMN IF NOT EXISTS a int, ALTER COLUMN b SET DEFAULT 'none',
  ALTER COLUMN b SET NOT NULL, ALTER COLUMN id TYPE bigint, ALTER COLUMN a TYPE bigint USING a::bigint,
  ALTER COLUMN g DROP EXPRESSION, ALTER COLUMN id SET GENERATED ALWAYS, ALTER COLUMN id SET INCREMENT BY 3;
ALTER TABLE t ALTER COLUMN b DROP DEFAULT, ALTER COLUMN b DROP NOT NULL, ALTER COLUMN a SET STATISTICS 100;
ALTER TABLE t ALTER COLUMN id DROP IDENTITY;
ALTER TABLE t OWNER TO someone;
)SQL"});
  const Relation& t = rel(r, "t");
  CHECK(t.column("c")->default_expr == "nextval('public.t_c_seq'::regclass)");
  CHECK(rel(r, "t_c_seq").sequence.type == "integer");
  CHECK(has_note(r.statement(1, 0), "already exists"));
  CHECK(t.column("a")->type == "bigint");
  CHECK_FALSE(t.column("g")->generated);
  CHECK(t.column("id")->type == "bigint");
  CHECK(t.column("id")->identity == 0);
  CHECK_FALSE(r.catalog.relation({"public", "t_id_seq"}));  // dropped with the identity
  CHECK_FALSE(t.column("b")->default_expr);
  CHECK_FALSE(t.column("b")->not_null);
  CHECK(t.provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(t.column("b")->provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(r.has_reference(1, 0, column_ref({"public", "t"}, "c"), Access::Create));
  CHECK(r.has_reference(1, 0, column_ref({"public", "t"}, "b"), Access::Alter));
  CHECK(r.has_reference(1, 2, relation_ref({"public", "t_id_seq"}), Access::Drop));
  CHECK(r.has_reference(1, 3, relation_ref({"public", "t"}), Access::Alter));
}

TEST_CASE("ALTER TABLE: identity sequences follow the column's type and options", "[replay-relations]") {
  auto r = replay_sql({"CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY, n int NOT NULL);",
                       "ALTER TABLE t ALTER COLUMN id TYPE bigint, ALTER COLUMN id SET GENERATED ALWAYS, "
                       "ALTER COLUMN id SET INCREMENT BY 3; ALTER TABLE t ALTER COLUMN n ADD GENERATED ALWAYS AS IDENTITY (START 7);"});
  const Relation& t = rel(r, "t");
  CHECK(t.column("id")->identity == 'a');
  CHECK(rel(r, "t_id_seq").sequence.type == "bigint");
  CHECK(rel(r, "t_id_seq").sequence.increment == 3);
  CHECK(t.column("n")->identity == 'a');
  CHECK(rel(r, "t_n_seq").sequence.start == 7);
  CHECK(rel(r, "t_n_seq").sequence.identity);
}

TEST_CASE("ALTER TABLE: constraints, NOT VALID, VALIDATE, ALTER CONSTRAINT, passes", "[replay-relations]") {
  auto r = replay_sql({"CREATE TABLE u (id int PRIMARY KEY); CREATE TABLE t (a int CHECK (a > 0), b int, c int);",
                       R"SQL(
ALTER TABLE t ADD CHECK (a > 1), DROP CONSTRAINT t_a_check;
ALTER TABLE t ADD FOREIGN KEY (b) REFERENCES u NOT VALID, ADD CONSTRAINT c_positive CHECK (c > 0) NOT VALID;
ALTER TABLE t VALIDATE CONSTRAINT c_positive;
ALTER TABLE t ALTER CONSTRAINT t_b_fkey DEFERRABLE INITIALLY DEFERRED;
CREATE UNIQUE INDEX t_c_idx ON t (c);
ALTER TABLE t ADD CONSTRAINT t_c_unique UNIQUE USING INDEX t_c_idx;
ALTER TABLE t DROP CONSTRAINT IF EXISTS nothing;
)SQL"});
  const Relation& t = rel(r, "t");
  // The DROP runs first, so the new CHECK takes the freed name.
  CHECK(t.constraint("t_a_check")->expression == "(a > 1)");
  CHECK(t.constraint("t_a_check")->provenance.created_by == 1);
  CHECK(r.has_reference(1, 0, constraint_ref({"public", "t"}, "t_a_check"), Access::Drop));
  CHECK(r.has_reference(1, 0, constraint_ref({"public", "t"}, "t_a_check"), Access::Create));
  CHECK_FALSE(t.constraint("t_b_fkey")->validated);
  CHECK(t.constraint("c_positive")->validated);
  CHECK(r.has_reference(1, 2, constraint_ref({"public", "t"}, "c_positive"), Access::Alter));
  CHECK(t.constraint("t_b_fkey")->deferrable);
  CHECK(t.constraint("t_b_fkey")->initially_deferred);
  // USING INDEX renames the index to the constraint's name.
  CHECK_FALSE(r.catalog.relation({"public", "t_c_idx"}));
  CHECK(rel(r, "t_c_unique").index.constraint == "t_c_unique");
  CHECK(t.constraint("t_c_unique")->columns == Strings{"c"});
  CHECK(has_note(r.statement(1, 6), "IF EXISTS"));
}

TEST_CASE("ALTER TABLE: DROP COLUMN takes what uses it", "[replay-relations]") {
  CHECK(replay_sql({"CREATE TABLE q (b int); COMMENT ON COLUMN q.b IS 'x';"}).catalog.comments.count("table column public.q.b"));
  auto r = replay_sql({R"SQL(
CREATE TABLE q (id int PRIMARY KEY, a int, b int, s serial, UNIQUE (a, b), CHECK (a > b), CHECK (a > 0));
CREATE INDEX ON q ((a + b));
CREATE INDEX ON q (a) INCLUDE (b);
CREATE INDEX ON q (id) WHERE b > 0;
CREATE TABLE r (qid int REFERENCES q);
COMMENT ON COLUMN q.b IS 'gone soon';
)SQL",
                       "ALTER TABLE q DROP COLUMN b; ALTER TABLE q DROP COLUMN s; ALTER TABLE q DROP COLUMN id CASCADE;"});
  const Relation& q = rel(r, "q");
  CHECK(constraint_names(q) == Strings{"q_a_check"});
  CHECK_FALSE(r.catalog.comments.count("table column public.q.b"));  // the comment goes with the column
  CHECK(names_of_relations(r.catalog) == Strings{"public.q", "public.r"});
  CHECK(rel(r, "r").constraints.empty());
  CHECK(r.has_reference(1, 0, column_ref({"public", "q"}, "b"), Access::Drop));
  CHECK(r.has_reference(1, 0, relation_ref({"public", "q_a_b_key"}), Access::Drop));
  CHECK(r.has_reference(1, 0, constraint_ref({"public", "q"}, "q_check"), Access::Drop));
  CHECK(r.has_reference(1, 1, relation_ref({"public", "q_s_seq"}), Access::Drop));
  CHECK(r.has_reference(1, 2, constraint_ref({"public", "r"}, "r_qid_fkey"), Access::Drop));
}

TEST_CASE("ALTER TABLE: partitions, RLS, options, logging, inheritance", "[replay-relations]") {
  auto r = replay_sql({R"SQL(
CREATE TABLE p (id int, region text, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE p_eu (id int NOT NULL, region text NOT NULL);
CREATE UNIQUE INDEX p_eu_own ON p_eu (id, region);
CREATE TABLE base (x int);
)SQL",
                       R"SQL(
ALTER TABLE p ATTACH PARTITION p_eu FOR VALUES IN ('eu');
ALTER TABLE p DETACH PARTITION p_eu;
ALTER TABLE p ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE base SET UNLOGGED, SET (fillfactor = 50, autovacuum_enabled = off);
ALTER TABLE base RESET (fillfactor);
ALTER TABLE p_eu INHERIT base;
)SQL"});
  const Relation& eu = rel(r, "p_eu");
  CHECK_FALSE(eu.partition_of);
  CHECK(eu.partition_bound.empty());
  // The equivalent index it had was attached and now backs the partition's key.
  CHECK(rel(r, "p_eu_own").index.constraint == "p_eu_own");
  CHECK(eu.constraint("p_eu_own"));
  CHECK_FALSE(r.catalog.relation({"public", "p_eu_pkey"}));
  CHECK(r.has_reference(1, 0, relation_ref({"public", "p_eu"}), Access::Alter));
  CHECK(rel(r, "p").rls_enabled);
  CHECK(rel(r, "p").rls_forced);
  CHECK(rel(r, "base").unlogged);
  CHECK(rel(r, "base").options == std::map<std::string, std::string>{{"autovacuum_enabled", "off"}});
  CHECK(eu.inherits == std::vector<QualifiedName>{{"public", "base"}});
  // Parents remember they had children, which is what lets child lookups skip the others.
  CHECK(rel(r, "p").had_children);
  CHECK(rel(r, "base").had_children);
  CHECK_FALSE(eu.had_children);
  auto widened = replay_sql(r.catalog, {"ALTER TABLE base ADD COLUMN y int;"});
  CHECK(rel(widened, "p_eu").column("y"));
}

TEST_CASE("children created with their parent's name are found", "[replay-relations]") {
  auto r = replay_sql({"CREATE TABLE base (x int);\nCREATE TABLE kid () INHERITS (base);\n"
                       "CREATE TABLE p (k int) PARTITION BY RANGE (k);\n"
                       "CREATE TABLE p_1 PARTITION OF p FOR VALUES FROM (0) TO (10);\n",
                       "ALTER TABLE base ADD COLUMN y int;\nALTER TABLE p ADD COLUMN z int;\n"});
  CHECK(rel(r, "kid").column("y"));
  CHECK(rel(r, "p_1").column("z"));
}

TEST_CASE("ALTER TABLE: ENABLE and DISABLE TRIGGER", "[replay-relations]") {
  // Triggers come from another module; set one up by hand.
  Catalog start = replay_sql({"CREATE TABLE base (x int);"}).catalog;
  start.relations.at({"public", "base"}).triggers.push_back(Trigger{.name = "touch", .for_each_row = true});
  auto disabled = replay_sql(start, {"ALTER TABLE base DISABLE TRIGGER touch;"});
  CHECK_FALSE(rel(disabled, "base").triggers.at(0).enabled);
  CHECK(disabled.statement(0, 0).references ==
        std::vector<Reference>{{relation_ref({"public", "base"}), Access::Alter},
                               {trigger_ref({"public", "base"}, "touch"), Access::Alter}});
  auto enabled = replay_sql(disabled.catalog, {"ALTER TABLE base ENABLE TRIGGER ALL;"});
  CHECK(rel(enabled, "base").triggers.at(0).enabled);
}

TEST_CASE("CREATE INDEX: keys as written, names, partitions, IF NOT EXISTS", "[replay-relations]") {
  auto r = replay_sql({R"SQL(
CREATE TABLE t (a int, b text, c timestamptz);
CREATE INDEX CONCURRENTLY ON t USING btree (lower(b) text_pattern_ops, c DESC NULLS LAST, (a + 1)) INCLUDE (a) WHERE a > 0;
CREATE UNIQUE INDEX named ON t USING hash (b);
CREATE INDEX IF NOT EXISTS named ON t (a);
CREATE TABLE p (id int, k int) PARTITION BY RANGE (k);
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);
CREATE INDEX ON p (id);
CREATE INDEX ON ONLY p (k);
CREATE INDEX ON missing (x);
)SQL"});
  const Relation& idx = rel(r, "t_lower_c_expr_a_idx");
  CHECK(idx.index.keys == Strings{"lower(b) text_pattern_ops", "c DESC NULLS LAST", "(a + 1)"});
  CHECK(idx.index.include == Strings{"a"});
  CHECK(idx.index.predicate == "(a > 0)");
  CHECK(idx.index.concurrently);
  CHECK_FALSE(idx.index.unique);
  CHECK(rel(r, "named").index.method == "hash");
  CHECK(rel(r, "named").index.unique);
  CHECK(rel(r, "named").index.keys == Strings{"b"});
  CHECK(has_note(r.statement(0, 3), "no-op"));
  CHECK(rel(r, "p_id_idx").kind == RelKind::PartitionedIndex);
  CHECK(rel(r, "p1_id_idx").kind == RelKind::Index);
  CHECK(rel(r, "p_k_idx").kind == RelKind::PartitionedIndex);
  CHECK_FALSE(r.catalog.relation({"public", "p1_k_idx"}));  // ONLY
  CHECK(has_note(r.statement(0, 8), "not modelled"));
  CHECK(r.has_reference(0, 1, relation_ref({"public", "t"}), Access::Read));
  CHECK(r.has_reference(0, 1, column_ref({"public", "t"}, "c"), Access::Read));
  CHECK(r.has_reference(0, 1, relation_ref({"public", "t_lower_c_expr_a_idx"}), Access::Create));
}

TEST_CASE("CREATE SEQUENCE and ALTER SEQUENCE", "[replay-relations]") {
  auto r = replay_sql({"CREATE TABLE t (id bigint); CREATE SEQUENCE s AS smallint START 5 INCREMENT -1 "
                       "MINVALUE -100 MAXVALUE 9999999999 CACHE 10 CYCLE OWNED BY t.id;",
                       "ALTER SEQUENCE s NO CYCLE NO MINVALUE OWNED BY NONE RESTART; ALTER SEQUENCE IF EXISTS nothing START 1;"});
  const Relation& s = rel(r, "s");
  CHECK(s.kind == RelKind::Sequence);
  CHECK(s.sequence.type == "smallint");
  CHECK(s.sequence.start == 5);
  CHECK(s.sequence.increment == -1);
  CHECK_FALSE(s.sequence.min_value);
  CHECK(s.sequence.max_value == 9999999999);
  CHECK(s.sequence.cache == 10);
  CHECK_FALSE(s.sequence.cycle);
  CHECK_FALSE(s.sequence.owned_by);
  CHECK(s.provenance.changed_by == std::vector<uint32_t>{1});
  CHECK(r.has_reference(0, 1, column_ref({"public", "t"}, "id"), Access::Read));
  CHECK(r.has_reference(1, 0, relation_ref({"public", "s"}), Access::Alter));
  CHECK(has_note(r.statement(1, 1), "IF EXISTS"));
}

TEST_CASE("CREATE TABLE AS and SELECT INTO: column names and the types that are known", "[replay-relations]") {
  auto r = replay_sql({R"SQL(
CREATE TABLE t (id int, name varchar(20));
CREATE TABLE a AS SELECT 1, 'y'::text, id AS ident, t.name, upper(name), count(*) FROM t GROUP BY 3, 4;
CREATE TABLE b (x, y) AS SELECT * FROM t;
SELECT id + 1 AS next INTO c FROM t;
CREATE TABLE d AS VALUES (1, 2);
)SQL"});
  const Relation& a = rel(r, "a");
  REQUIRE(a.columns.size() == 6);
  CHECK(a.columns[0].name == "?column?");
  CHECK(a.columns[0].type == "integer");
  CHECK(a.columns[1].name == "text");
  CHECK(a.columns[1].type == "text");
  CHECK(a.columns[2].name == "ident");
  CHECK(a.columns[2].type == "integer");
  CHECK(a.columns[3].name == "name");
  CHECK(a.columns[3].type == "character varying(20)");
  CHECK(a.columns[4].name == "upper");
  CHECK(a.columns[4].type.empty());
  CHECK(a.columns[5].type == "bigint");
  CHECK(has_note(r.statement(0, 1), "type of public.a.upper is not known"));
  const Relation& b = rel(r, "b");
  REQUIRE(b.columns.size() == 2);
  CHECK(b.columns[0].name == "x");
  CHECK(b.columns[1].type == "character varying(20)");
  CHECK(rel(r, "c").columns.at(0).name == "next");
  CHECK(r.has_reference(0, 3, relation_ref({"public", "c"}), Access::Create));
  CHECK(rel(r, "d").columns.size() == 2);
}

TEST_CASE("RENAME: tables, indexes with their constraints, constraints with their indexes, columns, sequences", "[replay-relations]") {
  auto r = replay_sql({R"SQL(
CREATE TABLE t (id serial PRIMARY KEY, e text UNIQUE, n int CHECK (n > 0));
CREATE INDEX ON t (lower(e)) WHERE n > 1;
CREATE TABLE ref (tid int REFERENCES t);
COMMENT ON TABLE t IS 'the table';
)SQL",
                       R"SQL(
ALTER TABLE t RENAME TO t2;
ALTER INDEX t_e_key RENAME TO t2_e_key;
ALTER TABLE t2 RENAME CONSTRAINT t_pkey TO t2_pk;
ALTER TABLE t2 RENAME COLUMN e TO email;
ALTER SEQUENCE t_id_seq RENAME TO t2_id_seq;
)SQL"});
  CHECK_FALSE(r.catalog.relation({"public", "t"}));
  const Relation& t2 = rel(r, "t2");
  CHECK(r.has_reference(1, 0, relation_ref({"public", "t"}), Access::Drop));
  CHECK(r.has_reference(1, 0, relation_ref({"public", "t2"}), Access::Create));
  CHECK(rel(r, "ref").constraints[0].ref_table == QualifiedName{"public", "t2"});
  CHECK(r.catalog.comments.count("table public.t2"));
  // Renaming the index renames its constraint, and the other way round.
  CHECK(t2.constraint("t2_e_key")->index == "t2_e_key");
  CHECK(rel(r, "t2_e_key").index.constraint == "t2_e_key");
  CHECK(t2.constraint("t2_pk")->index == "t2_pk");
  CHECK(rel(r, "t2_pk").index.table == QualifiedName{"public", "t2"});
  CHECK_FALSE(r.catalog.relation({"public", "t_pkey"}));
  CHECK(t2.constraint("t_n_check"));  // generated names do not follow renames
  // Columns are renamed wherever they are named.
  CHECK(t2.constraint("t2_e_key")->columns == Strings{"email"});
  CHECK(rel(r, "t_lower_idx").index.keys == Strings{"lower(email)"});
  CHECK(r.has_reference(1, 3, column_ref({"public", "t2"}, "e"), Access::Drop));
  CHECK(r.has_reference(1, 3, column_ref({"public", "t2"}, "email"), Access::Create));
  // A default follows its sequence's new name.
  CHECK(t2.column("id")->default_expr == "nextval('public.t2_id_seq'::regclass)");
  CHECK(rel(r, "t2_id_seq").sequence.owned_by->first == QualifiedName{"public", "t2"});
}

TEST_CASE("DROP: tables with what goes with them, IF EXISTS, wrong kinds, constraint indexes", "[replay-relations]") {
  auto r = replay_sql({R"SQL(
CREATE TABLE a (id serial PRIMARY KEY);
CREATE TABLE b (aid int REFERENCES a, v int);
CREATE INDEX ON b (v);
CREATE SEQUENCE loose;
CREATE TABLE c (n int DEFAULT nextval('loose'));
CREATE TABLE d (id int PRIMARY KEY);
)SQL",
                       R"SQL(
DROP TABLE a;
DROP INDEX IF EXISTS nothing, b_v_idx;
DROP SEQUENCE b;
DROP INDEX d_pkey;
DROP SEQUENCE loose CASCADE;
)SQL"});
  CHECK(names_of_relations(r.catalog) == Strings{"public.b", "public.c", "public.d", "public.d_pkey"});
  CHECK(rel(r, "b").constraints.empty());
  CHECK(r.has_reference(1, 0, relation_ref({"public", "a"}), Access::Drop));
  CHECK(r.has_reference(1, 0, relation_ref({"public", "a_id_seq"}), Access::Drop));
  CHECK(r.has_reference(1, 0, relation_ref({"public", "a_pkey"}), Access::Drop));
  CHECK(r.has_reference(1, 0, constraint_ref({"public", "b"}, "b_aid_fkey"), Access::Drop));
  CHECK(has_note(r.statement(1, 0), "without CASCADE"));
  CHECK(has_note(r.statement(1, 1), "IF EXISTS"));
  CHECK(has_note(r.statement(1, 2), "is a table"));
  CHECK(has_note(r.statement(1, 3), "constraint d_pkey requires it"));
  CHECK_FALSE(rel(r, "c").columns[0].default_expr);  // CASCADE took the default
}

TEST_CASE("DROP … CASCADE takes the views that read the table", "[replay-relations]") {
  // Views come from another module; set them up by hand.
  Catalog start = replay_sql({"CREATE TABLE t (id int); CREATE TABLE keep (id int);"}).catalog;
  for (auto [name, query] : {std::pair{"v", "SELECT id FROM t"}, std::pair{"w", "SELECT id FROM keep"}}) {
    Relation& view = start.relations[{"public", name}];
    view.name = {"public", name};
    view.kind = RelKind::View;
    view.query = query;
  }
  auto r = replay_sql(start, {"DROP TABLE t CASCADE;"});
  CHECK(names_of_relations(r.catalog) == Strings{"public.keep", "public.w"});
  CHECK(r.has_reference(0, 0, relation_ref({"public", "v"}), Access::Drop));
  CHECK(r.statement(0, 0).notes.empty());
}

TEST_CASE("SET SCHEMA moves the table with its indexes and owned sequences", "[replay-relations]") {
  auto r = replay_sql({"CREATE SCHEMA app; CREATE TABLE t (id serial PRIMARY KEY, n int); CREATE INDEX ON t (n);",
                       "ALTER TABLE t SET SCHEMA app;"});
  CHECK(names_of_relations(r.catalog) == Strings{"app.t", "app.t_id_seq", "app.t_n_idx", "app.t_pkey"});
  const Relation& t = rel(r, "t", "app");
  CHECK(t.column("id")->default_expr == "nextval('app.t_id_seq'::regclass)");
  CHECK(rel(r, "t_n_idx", "app").index.table == QualifiedName{"app", "t"});
  CHECK(r.has_reference(1, 0, relation_ref({"public", "t"}), Access::Drop));
  CHECK(r.has_reference(1, 0, relation_ref({"app", "t"}), Access::Create));
  CHECK(r.has_reference(1, 0, relation_ref({"app", "t_pkey"}), Access::Create));
  CHECK(r.has_reference(1, 0, schema_ref("app"), Access::Read));
}

TEST_CASE("statements in function bodies record references and change nothing", "[replay-relations]") {
  Catalog catalog = replay_sql({"CREATE TABLE t (id int);"}).catalog;
  auto create = replay_in_body(catalog, "CREATE TABLE u (id serial REFERENCES t)");
  auto drop = replay_in_body(catalog, "DROP TABLE t");
  CHECK(names_of_relations(catalog) == Strings{"public.t"});
  // Each is needed when the function runs: deferred.
  auto has = [](const StatementAnalysis& a, const Reference& ref) {
    return std::count(a.references.begin(), a.references.end(), ref) == 1;
  };
  CHECK(has(create, {relation_ref({"public", "u"}), Access::Create, true}));
  CHECK(has(create, {relation_ref({"public", "t"}), Access::Read, true}));
  CHECK(has(drop, {relation_ref({"public", "t"}), Access::Drop, true}));
  for (const auto& ref : create.references) CHECK(ref.deferred);
}

TEST_CASE("statements of other kinds are left to the other modules", "[replay-relations]") {
  auto r = replay_sql({"CREATE TABLE t (id int);"});
  for (const char* sql : {"DROP FUNCTION f()", "ALTER TYPE ty ADD ATTRIBUTE x int", "SELECT 1", "CREATE VIEW v AS SELECT 1",
                          "ALTER TRIGGER tr ON t RENAME TO tr2", "CREATE MATERIALIZED VIEW m AS SELECT 1"}) {
    auto parsed = replay_sql({sql});
    StatementAnalysis analysis;
    ReplayContext ctx{r.catalog, r.session, analysis, 1, 150000, true, nullptr};
    INFO(sql);
    CHECK_FALSE(replay_relation_statement(parsed.trees[0]->stmts[0]->stmt, ctx));
    CHECK(analysis.references.empty());
  }
}
