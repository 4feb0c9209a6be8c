// The model against PostgreSQL 15 itself: each scenario is replayed through the analyzer and
// applied to a throwaway server, and the two must agree on every relation (name and kind),
// column (position, type, NOT NULL, identity, generated, serial default), constraint (name,
// type, columns, validity), index (table, unique, primary) and sequence (type, owner). This is
// where the generated names are checked: serial sequences, keys, CHECKs, foreign keys,
// indexes, collisions, truncation, partition and LIKE copies, renames.
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "analyzer/replay_test_support.h"
#include "tests/test_postgres.h"

using namespace migc;
using migc::test::replay_sql;
using migc::test::TestPostgres;

namespace {

// The same facts as kServerFacts prints, from the model.
std::set<std::string> model_facts(const Catalog& catalog) {
  std::set<std::string> facts;
  for (const auto& [name, rel] : catalog.relations) {
    std::string q = name.schema + "." + name.name;
    facts.insert("relation " + q + " " + std::string(1, static_cast<char>(rel.kind)));
    if (rel.kind == RelKind::Table || rel.kind == RelKind::PartitionedTable || rel.kind == RelKind::ForeignTable) {
      for (size_t i = 0; i < rel.columns.size(); ++i) {
        const Column& c = rel.columns[i];
        std::string line = "column " + q + " " + std::to_string(i + 1) + " " + c.name + " " + c.type;
        if (c.not_null) line += " not null";
        if (c.identity) line += std::string(" identity ") + c.identity;
        if (c.generated) line += " generated";
        if (c.default_expr) line += c.default_expr->starts_with("nextval('") ? " default " + *c.default_expr : " default";
        facts.insert(line);
      }
      for (const Constraint& k : rel.constraints) {
        std::string columns;
        for (const auto& c : k.columns) columns += (columns.empty() ? "" : ",") + c;
        facts.insert("constraint " + q + " " + k.name + " " + std::string(1, k.type) + (k.validated ? "" : " not valid") +
                     " (" + columns + ")");
      }
    }
    if (rel.kind == RelKind::Index || rel.kind == RelKind::PartitionedIndex)
      facts.insert("index " + q + " on " + rel.index.table.name + (rel.index.unique ? " unique" : "") +
                   (rel.index.primary ? " primary" : ""));
    if (rel.kind == RelKind::Sequence) {
      std::string line = "sequence " + q + " " + rel.sequence.type;
      if (rel.sequence.owned_by)
        line += " owned by " + rel.sequence.owned_by->first.name + "." + rel.sequence.owned_by->second;
      if (rel.sequence.identity) line += " identity";
      facts.insert(line);
    }
  }
  return facts;
}

constexpr const char* kServerFacts = R"SQL(
SET search_path = pg_catalog;
\pset format unaligned
\t on
WITH rel AS (
  SELECT c.oid, c.relname, c.relkind::text AS relkind, n.nspname, n.nspname || '.' || c.relname AS q
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    AND c.relkind IN ('r', 'p', 'i', 'I', 'S', 'v', 'm', 'f'))
SELECT line FROM (
  SELECT 'relation ' || q || ' ' || relkind AS line FROM rel
  UNION ALL
  SELECT 'column ' || r.q || ' ' || row_number() OVER (PARTITION BY r.oid ORDER BY a.attnum) || ' ' || a.attname
         || ' ' || format_type(a.atttypid, a.atttypmod)
         || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
         || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
         || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END
         || CASE WHEN d.adbin IS NULL OR a.attgenerated <> '' THEN ''
                 WHEN pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%' THEN ' default ' || pg_get_expr(d.adbin, d.adrelid)
                 ELSE ' default' END
  FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE a.attnum > 0 AND NOT a.attisdropped AND r.relkind IN ('r', 'p', 'f')
  UNION ALL
  SELECT 'constraint ' || r.q || ' ' || k.conname || ' ' || k.contype::text || CASE WHEN k.convalidated THEN '' ELSE ' not valid' END
         || ' (' || coalesce((SELECT string_agg(a.attname, ',' ORDER BY u.ord)
                              FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                              JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum), '') || ')'
  FROM pg_constraint k JOIN rel r ON r.oid = k.conrelid
  UNION ALL
  SELECT 'index ' || ri.q || ' on ' || rt.relname || CASE WHEN ix.indisunique THEN ' unique' ELSE '' END
         || CASE WHEN ix.indisprimary THEN ' primary' ELSE '' END
  FROM pg_index ix JOIN rel ri ON ri.oid = ix.indexrelid JOIN rel rt ON rt.oid = ix.indrelid
  UNION ALL
  SELECT 'sequence ' || r.q || ' ' || format_type(s.seqtypid, NULL)
         || coalesce((SELECT ' owned by ' || t.relname || '.' || a.attname
                      FROM pg_depend dep JOIN pg_class t ON t.oid = dep.refobjid
                      JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
                      WHERE dep.objid = r.oid AND dep.classid = 'pg_class'::regclass
                        AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')), '')
         || CASE WHEN EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = r.oid AND dep.deptype = 'i'
                                AND dep.classid = 'pg_class'::regclass) THEN ' identity' ELSE '' END
  FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid
) facts ORDER BY 1;
)SQL";

std::set<std::string> server_facts(TestPostgres& pg, const std::vector<std::string>& migrations) {
  std::string db = pg.create_database();
  std::string script;
  for (const auto& m : migrations) script += m + "\n";
  auto applied = pg.psql_command(db, script);
  INFO(applied.err);
  REQUIRE(applied.exit_code == 0);
  auto listed = pg.psql_command(db, kServerFacts);
  INFO(listed.err);
  REQUIRE(listed.exit_code == 0);
  std::set<std::string> facts;
  std::istringstream lines(listed.out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) facts.insert(line);
  return facts;
}

std::string listing(const std::set<std::string>& facts) {
  std::string out;
  for (const auto& f : facts) out += "  " + f + "\n";
  return out;
}

struct Scenario {
  std::string title;
  std::vector<std::string> migrations;
};

const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> all = {
      {"column and table constraints of one CREATE TABLE", {R"SQL(
CREATE TABLE users (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE orders (
  id serial PRIMARY KEY,
  user_id int REFERENCES users,
  code text UNIQUE REFERENCES users (code) DEFERRABLE INITIALLY DEFERRED,
  qty int CHECK (qty > 0),
  price numeric(12,2) NOT NULL DEFAULT 0,
  lo int, hi int,
  during tsrange,
  big bigserial,
  small smallserial,
  ident bigint GENERATED BY DEFAULT AS IDENTITY,
  total numeric GENERATED ALWAYS AS (price * qty) STORED,
  CHECK (lo < hi), CHECK (lo > 0), CHECK (true),
  UNIQUE (lo, hi), UNIQUE (hi) INCLUDE (lo),
  FOREIGN KEY (lo) REFERENCES users ON DELETE CASCADE,
  EXCLUDE USING gist (during WITH &&),
  CONSTRAINT named_check CHECK (hi < 100)
);)SQL"}},
      {"the primary key comes first and repeated keys fold into one", {R"SQL(
CREATE TABLE t (a int UNIQUE, b int UNIQUE PRIMARY KEY, c int, UNIQUE (a), UNIQUE (c) , CONSTRAINT t_named UNIQUE (c));
)SQL"}},
      {"CREATE INDEX names, expression names and suffixes", {R"SQL(
CREATE TABLE t (a int, b int, c text, d timestamp);
CREATE INDEX ON t (a);
CREATE INDEX ON t (a);
CREATE INDEX ON t (lower(c));
CREATE INDEX ON t ((a + b));
CREATE INDEX ON t ((a + 1), (b + 1));
CREATE INDEX ON t (a, a);
CREATE INDEX ON t ((a::text));
CREATE INDEX ON t (coalesce(a, b));
CREATE INDEX ON t ((CASE WHEN a > 0 THEN 1 END));
CREATE INDEX ON t ((d::date));
CREATE INDEX ON t (greatest(a, b), upper(c));
CREATE INDEX ON t (a) INCLUDE (b, c);
CREATE INDEX ON t (a DESC NULLS LAST) WHERE b > 0;
CREATE UNIQUE INDEX ON t (b);
CREATE INDEX named_idx ON t USING hash (c);
CREATE INDEX IF NOT EXISTS named_idx ON t (a);
)SQL"}},
      {"generated names avoid every relation and constraint of the schema", {R"SQL(
CREATE TABLE t (a int CHECK (a > 0));
CREATE TABLE t_a (x int, CHECK (x > 0 AND true), CHECK (false));
CREATE TABLE t_pkey (x int);
CREATE SEQUENCE u_id_seq;
CREATE TABLE u (id serial, t int, CONSTRAINT u_t_key CHECK (t > 0), UNIQUE (t));
ALTER TABLE t ADD PRIMARY KEY (a);
CREATE INDEX t_a_idx ON t_a (x);
CREATE INDEX ON t (a);
)SQL"}},
      {"names longer than 63 bytes are truncated the way PostgreSQL does", {R"SQL(
CREATE TABLE a_table_name_that_is_really_quite_long_for_a_postgres_identifier (
  a_column_name_that_is_also_rather_long_for_an_identifier serial PRIMARY KEY,
  another_long_column_name_to_push_the_limits_of_naming int UNIQUE CHECK (another_long_column_name_to_push_the_limits_of_naming > 0),
  "ünïcödé_column_with_multibyte_characters_everywhere_ÿÿÿÿÿÿ" int UNIQUE
);
CREATE INDEX ON a_table_name_that_is_really_quite_long_for_a_postgres_identifier
  (another_long_column_name_to_push_the_limits_of_naming, a_column_name_that_is_also_rather_long_for_an_identifier);
CREATE INDEX ON a_table_name_that_is_really_quite_long_for_a_postgres_identifier
  (another_long_column_name_to_push_the_limits_of_naming, a_column_name_that_is_also_rather_long_for_an_identifier);
)SQL"}},
      {"partitioned tables, partitions, ATTACH and DETACH", {R"SQL(
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE events (id int, region text, at timestamptz, user_id int REFERENCES users,
                     PRIMARY KEY (id, region), UNIQUE (region, id), CHECK (id > 0)) PARTITION BY LIST (region);
CREATE INDEX ON events (at);
CREATE TABLE events_eu PARTITION OF events FOR VALUES IN ('eu');
CREATE TABLE events_us (id int NOT NULL, region text NOT NULL, at timestamptz, user_id int,
                        CONSTRAINT events_id_check CHECK (id > 0));
CREATE INDEX events_us_custom ON events_us (at);
ALTER TABLE events ATTACH PARTITION events_us FOR VALUES IN ('us');
CREATE TABLE events_rest PARTITION OF events DEFAULT PARTITION BY RANGE (id);
CREATE TABLE events_rest_low PARTITION OF events_rest FOR VALUES FROM (MINVALUE) TO (100);
ALTER TABLE events ADD COLUMN kind text CHECK (kind <> ''), ADD UNIQUE (kind, region, id);
ALTER TABLE events DETACH PARTITION events_eu;
)SQL"}},
      {"LIKE and INHERITS", {R"SQL(
CREATE TABLE src (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, email text UNIQUE,
                  n int DEFAULT 5 CHECK (n > 0), s serial, g int GENERATED ALWAYS AS (n * 2) STORED,
                  CONSTRAINT src_pair CHECK (n < id));
CREATE INDEX ON src (lower(email));
CREATE INDEX src_named ON src (n) WHERE n > 3;
CREATE TABLE plain_copy (LIKE src);
CREATE TABLE full_copy (LIKE src INCLUDING ALL);
CREATE TABLE mixed (x int UNIQUE, LIKE src INCLUDING INDEXES INCLUDING CONSTRAINTS, y int);
CREATE TABLE child (z int CHECK (z > n), w int CHECK (w > 0 AND w < 9)) INHERITS (src);
)SQL"}},
      {"ALTER TABLE: columns, passes, identity, keys", {R"SQL(
CREATE TABLE u (id int PRIMARY KEY);
CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, a int, b int, c text);
ALTER TABLE t ALTER COLUMN id TYPE bigint;
ALTER TABLE t ADD COLUMN x int CHECK (x > 0) UNIQUE REFERENCES u, ADD COLUMN y serial;
ALTER TABLE t ADD CHECK (x > 1), DROP CONSTRAINT t_x_check;
CREATE UNIQUE INDEX ui ON t (a);
ALTER TABLE t ADD CONSTRAINT t_a_uq UNIQUE USING INDEX ui;
CREATE UNIQUE INDEX ui2 ON t (b);
ALTER TABLE t ADD PRIMARY KEY USING INDEX ui2;
ALTER TABLE t ALTER COLUMN c SET NOT NULL, ALTER COLUMN c SET DEFAULT 'x';
ALTER TABLE t ALTER COLUMN a SET NOT NULL;
ALTER TABLE t ALTER COLUMN a ADD GENERATED BY DEFAULT AS IDENTITY;
ALTER TABLE t ALTER COLUMN id DROP IDENTITY;
ALTER TABLE t ADD CONSTRAINT fk_later FOREIGN KEY (b) REFERENCES u NOT VALID;
ALTER TABLE t ADD CONSTRAINT check_later CHECK (b > 0) NOT VALID;
ALTER TABLE t ADD CONSTRAINT check_done CHECK (b > -1) NOT VALID;
ALTER TABLE t VALIDATE CONSTRAINT check_done;
ALTER TABLE t ADD COLUMN IF NOT EXISTS x int;
ALTER TABLE t DROP COLUMN IF EXISTS nothing;
ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (b * 2) STORED;
ALTER TABLE t ALTER COLUMN g DROP EXPRESSION;
)SQL"}},
      {"DROP COLUMN takes indexes, constraints and owned sequences along", {R"SQL(
CREATE TABLE q (id int PRIMARY KEY, a int, b int, c int, s serial, UNIQUE (a, b), CHECK (a > b), CHECK (c > 0));
CREATE INDEX ON q (b) WHERE c > 1;
CREATE INDEX ON q (a) INCLUDE (c);
CREATE INDEX ON q ((a + b));
CREATE TABLE r (qid int REFERENCES q, x int);
ALTER TABLE q DROP COLUMN b;
ALTER TABLE q DROP COLUMN s;
ALTER TABLE q DROP COLUMN id CASCADE;
)SQL"}},
      {"renames and SET SCHEMA", {R"SQL(
CREATE SCHEMA s2;
CREATE TABLE t (id serial PRIMARY KEY, e text UNIQUE, n int CHECK (n > 0));
CREATE TABLE ref (tid int REFERENCES t);
ALTER TABLE t RENAME TO t2;
ALTER INDEX t_e_key RENAME TO t2_e_key;
ALTER TABLE t2 RENAME CONSTRAINT t_pkey TO t2_pk;
ALTER TABLE t2 RENAME COLUMN n TO m;
ALTER TABLE t2 RENAME COLUMN e TO email;
CREATE TABLE t (id serial);
ALTER TABLE t2 SET SCHEMA s2;
ALTER SEQUENCE t_id_seq1 RENAME TO t_seq;
CREATE INDEX ON s2.t2 (m);
CREATE TABLE pc (n int CHECK (n > 0));
CREATE TABLE cc (x int) INHERITS (pc);
ALTER TABLE pc RENAME CONSTRAINT pc_n_check TO pc_positive;
ALTER TABLE pc RENAME COLUMN n TO count;
)SQL"}},
      {"DROP TABLE, INDEX and SEQUENCE", {R"SQL(
CREATE TABLE a (id serial PRIMARY KEY);
CREATE TABLE b (aid int REFERENCES a, v int);
CREATE INDEX ON b (v);
CREATE SEQUENCE loose;
CREATE TABLE c (n int DEFAULT nextval('loose'));
DROP TABLE a CASCADE;
DROP INDEX b_v_idx;
DROP TABLE IF EXISTS nothing, c;
DROP SEQUENCE loose CASCADE;
CREATE TABLE a (id serial PRIMARY KEY);
)SQL"}},
      {"CREATE TABLE AS and SELECT INTO", {R"SQL(
CREATE TABLE t (id int, name varchar(20), at timestamptz);
CREATE TABLE a AS SELECT 1 AS x, 'y'::text, id, id::bigint AS z, name, t.at, 2.5 AS ratio, true AS flag FROM t;
CREATE TABLE b (p, q) AS SELECT id, name FROM t WITH NO DATA;
CREATE TABLE c AS SELECT * FROM t;
SELECT name AS label, count(*) INTO d FROM t GROUP BY name;
CREATE TABLE IF NOT EXISTS a AS SELECT 1;
)SQL"}},
      {"sequences", {R"SQL(
CREATE TABLE t (id int);
CREATE SEQUENCE s1;
CREATE SEQUENCE s2 AS smallint START 5 INCREMENT 2 MINVALUE 1 MAXVALUE 100 CACHE 3 CYCLE OWNED BY t.id;
CREATE SEQUENCE IF NOT EXISTS s1;
ALTER SEQUENCE s1 AS integer OWNED BY t.id;
ALTER SEQUENCE s2 OWNED BY NONE;
CREATE TABLE v (a int GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME custom_seq START 10), b smallint GENERATED BY DEFAULT AS IDENTITY);
)SQL"}},
      {"changes that reach every partition", {R"SQL(
CREATE TABLE p (id int, k int, v int, "Mixed" int, PRIMARY KEY (id, k)) PARTITION BY RANGE (k);
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);
CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (10) TO (20);
CREATE INDEX ON ONLY p (v);
CREATE INDEX ON p ("Mixed");
ALTER TABLE p ADD COLUMN w int, ADD COLUMN x int CHECK (x > 0) CHECK (x < 9);
ALTER TABLE p DROP COLUMN "Mixed";
ALTER TABLE p DROP CONSTRAINT p_pkey;
ALTER TABLE p RENAME COLUMN v TO value;
ALTER TABLE p ALTER COLUMN w SET NOT NULL, ALTER COLUMN w TYPE bigint;
CREATE TABLE q (id int) PARTITION BY LIST (id);
CREATE TABLE q1 PARTITION OF q FOR VALUES IN (1);
DROP TABLE q;
)SQL"}},
      {"expressions follow renames and drops", {R"SQL(
CREATE TABLE r (a int, lo int, hi int, UNIQUE NULLS NOT DISTINCT (a), EXCLUDE USING gist (int4range(lo, hi) WITH &&),
                CHECK (lo <= hi));
CREATE INDEX ON r ((lo + hi));
CREATE INDEX ON r (a) WHERE lo > 0;
ALTER TABLE r RENAME COLUMN lo TO low;
ALTER TABLE r DROP COLUMN low CASCADE;
ALTER TABLE r ADD COLUMN lo int;
CREATE INDEX ON r (lo);
)SQL"}},
      {"quoted identifiers", {R"SQL(
CREATE TABLE "Users" ("Id" serial PRIMARY KEY, "Email" text UNIQUE, "select" int CHECK ("select" > 0));
CREATE INDEX ON "Users" (lower("Email"));
ALTER TABLE "Users" RENAME TO "People";
CREATE TABLE "Users" ("Id" serial);
)SQL"}},
      {"foreign tables keep NOT VALID", {R"SQL(
CREATE FOREIGN DATA WRAPPER w;
CREATE SERVER s FOREIGN DATA WRAPPER w;
CREATE FOREIGN TABLE ft (id int NOT NULL, n int, m int CHECK (m > 0), CHECK (n > 0) NOT VALID) SERVER s;
ALTER FOREIGN TABLE ft ADD COLUMN x text, ADD CONSTRAINT ft_x CHECK (x <> '') NOT VALID;
)SQL"}},
      {"a NULL default is stored only when coercing it is more than a constant", {R"SQL(
CREATE DOMAIN d AS text;
CREATE TABLE t (a int DEFAULT NULL, b timestamp DEFAULT NULL::timestamp, c varchar(5) DEFAULT NULL::text,
                e bigint DEFAULT NULL::integer, f d DEFAULT NULL, g text DEFAULT (NULL), h varchar DEFAULT NULL::varchar(3),
                i int DEFAULT NULL::int::int, j numeric(5,2) DEFAULT NULL::numeric, k text[] DEFAULT NULL::text[],
                l int DEFAULT CAST(NULL AS int), m int DEFAULT 1);
ALTER TABLE t ALTER COLUMN m SET DEFAULT NULL, ADD COLUMN n int DEFAULT NULL, ADD COLUMN o d DEFAULT NULL::d;
)SQL"}},
      {"migrations build on each other", {
          "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);",
          "CREATE UNIQUE INDEX CONCURRENTLY ON users (lower(email));",
          "ALTER TABLE users ADD COLUMN org_id int; CREATE TABLE orgs (id serial PRIMARY KEY);",
          "ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs, ADD CHECK (email <> '');",
          "ALTER TABLE users ADD CHECK (email LIKE '%@%'), DROP CONSTRAINT users_email_check;",
      }},
  };
  return all;
}

}  // namespace

TEST_CASE("replay matches PostgreSQL 15: names, columns, constraints, indexes, sequences", "[replay-relations][postgres]") {
  TestPostgres pg;
  if (!pg.available()) {
    WARN("PostgreSQL not available (" << pg.reason() << "): comparison skipped");
    return;
  }
  for (const Scenario& s : scenarios()) {
    DYNAMIC_SECTION(s.title) {
      std::set<std::string> model = model_facts(replay_sql(s.migrations).catalog);
      std::set<std::string> server = server_facts(pg, s.migrations);
      std::set<std::string> only_model, only_server;
      std::set_difference(model.begin(), model.end(), server.begin(), server.end(),
                          std::inserter(only_model, only_model.end()));
      std::set_difference(server.begin(), server.end(), model.begin(), model.end(),
                          std::inserter(only_server, only_server.end()));
      INFO("only in the model:\n" << listing(only_model) << "only in PostgreSQL:\n" << listing(only_server));
      CHECK(server.size() > 3);
      CHECK(only_model.empty());
      CHECK(only_server.empty());
    }
  }
}
