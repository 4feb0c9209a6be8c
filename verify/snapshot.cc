#include "verify/snapshot.h"

#include "verify/schema_diff.h"

namespace migc {

namespace {

// One statement, so one consistent view of the catalog. Ordering is by name with COLLATE "C"
// (byte order), never by oid; columns by position among live columns; enum labels by sort
// order. User objects only: no system schemas, no extension members (CREATE EXTENSION brings
// them), no implicitly created routines; initdb's own objects have oids below 16384.
constexpr const char* kSnapshotQuery = R"sql(
WITH
ext AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e'),
nsp AS (
  SELECT n.oid, n.nspname FROM pg_namespace n
  WHERE n.nspname !~ '^(pg_catalog|information_schema|pg_toast|pg_temp_[0-9]+|pg_toast_temp_[0-9]+)$'
    AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_namespace'::regclass AND objid = n.oid)
),
rel AS (
  SELECT c.oid, c.relkind, n.nspname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS qname
  FROM pg_class c JOIN nsp n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'c')
    AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_class'::regclass AND objid = c.oid)
),
col AS (
  SELECT a.attrelid, a.attnum, json_build_object(
    'name', quote_ident(a.attname),
    'type', format_type(a.atttypid, a.atttypmod),
    'not_null', a.attnotnull,
    'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
    'generated', CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
    'identity', CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,
    'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
      (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text
                   ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
       FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END
  ) AS j
  FROM pg_attribute a
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid IN (SELECT oid FROM rel WHERE relkind IN ('r', 'p', 'f', 'c'))
)
SELECT json_build_object(
'schemas', (SELECT json_agg(json_build_object('name', quote_ident(nspname)) ORDER BY quote_ident(nspname) COLLATE "C") FROM nsp),
'extensions', (SELECT json_agg(json_build_object('name', quote_ident(x.extname), 'schema', quote_ident(n.nspname))
                               ORDER BY quote_ident(x.extname) COLLATE "C")
               FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql'),
'tables', (SELECT json_agg(json_build_object(
    'name', r.qname,
    'kind', CASE r.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' ELSE 'foreign table' END,
    'unlogged', c.relpersistence = 'u',
    'partition_key', CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END,
    'partition_of', (SELECT i.inhparent::regclass::text FROM pg_inherits i
                     WHERE i.inhrelid = r.oid AND c.relispartition),
    'partition_bound', CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, r.oid) END,
    'inherits', (SELECT json_agg(i.inhparent::regclass::text ORDER BY i.inhseqno) FROM pg_inherits i
                 WHERE i.inhrelid = r.oid AND NOT c.relispartition),
    'rls_enabled', c.relrowsecurity,
    'rls_forced', c.relforcerowsecurity,
    'columns', (SELECT json_agg(col.j ORDER BY col.attnum) FROM col WHERE col.attrelid = r.oid),
    'constraints', (SELECT json_agg(json_build_object(
        'name', quote_ident(k.conname),
        'type', CASE k.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique' WHEN 'f' THEN 'foreign key'
                               WHEN 'c' THEN 'check' ELSE 'exclusion' END,
        'columns', (SELECT json_agg(quote_ident(cn.attname) ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_attribute cn ON cn.attrelid = k.conrelid AND cn.attnum = u.attnum
                    WHERE k.contype <> 'c'),
        'references', CASE WHEN k.contype = 'f' THEN json_build_object(
            'table', k.confrelid::regclass::text,
            'columns', (SELECT json_agg(quote_ident(cn.attname) ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                        JOIN pg_attribute cn ON cn.attrelid = k.confrelid AND cn.attnum = u.attnum)) END,
        'on_delete', CASE WHEN k.contype = 'f' THEN CASE k.confdeltype WHEN 'r' THEN 'restrict' WHEN 'c' THEN 'cascade'
                          WHEN 'n' THEN 'set null' WHEN 'd' THEN 'set default' END END,
        'on_update', CASE WHEN k.contype = 'f' THEN CASE k.confupdtype WHEN 'r' THEN 'restrict' WHEN 'c' THEN 'cascade'
                          WHEN 'n' THEN 'set null' WHEN 'd' THEN 'set default' END END,
        'expression', CASE k.contype WHEN 'c' THEN pg_get_expr(k.conbin, k.conrelid)
                                     WHEN 'x' THEN pg_get_constraintdef(k.oid) END,
        'not_valid', NOT k.convalidated,
        'deferrable', k.condeferrable,
        'initially_deferred', k.condeferred)
      ORDER BY quote_ident(k.conname) COLLATE "C")
      FROM pg_constraint k WHERE k.conrelid = r.oid AND k.contype IN ('p', 'u', 'f', 'c', 'x')),
    'triggers', (SELECT json_agg(json_build_object(
        'name', quote_ident(t.tgname),
        'timing', CASE WHEN t.tgtype & 2 <> 0 THEN 'BEFORE' WHEN t.tgtype & 64 <> 0 THEN 'INSTEAD OF' ELSE 'AFTER' END,
        'events', (SELECT json_agg(e ORDER BY e COLLATE "C") FROM (VALUES
            (CASE WHEN t.tgtype & 4 <> 0 THEN 'INSERT' END),
            (CASE WHEN t.tgtype & 16 <> 0 THEN 'UPDATE' || coalesce(' OF ' ||
               (SELECT string_agg(quote_ident(cn.attname), ', ' ORDER BY u.ord) FROM unnest(t.tgattr::int2[]) WITH ORDINALITY u(attnum, ord)
                JOIN pg_attribute cn ON cn.attrelid = t.tgrelid AND cn.attnum = u.attnum), '') END),
            (CASE WHEN t.tgtype & 8 <> 0 THEN 'DELETE' END),
            (CASE WHEN t.tgtype & 32 <> 0 THEN 'TRUNCATE' END)) v(e) WHERE e IS NOT NULL),
        'for_each_row', t.tgtype & 1 <> 0,
        'function', quote_ident(pn.nspname) || '.' || quote_ident(p.proname),
        'disabled', t.tgenabled = 'D')
      ORDER BY quote_ident(t.tgname) COLLATE "C")
      FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace pn ON pn.oid = p.pronamespace
      WHERE t.tgrelid = r.oid AND NOT t.tgisinternal),
    'policies', (SELECT json_agg(json_build_object(
        'name', quote_ident(p.polname),
        'command', CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                                 WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
        'restrictive', NOT p.polpermissive,
        'roles', (SELECT json_agg(quote_ident(pg_get_userbyid(ro)) ORDER BY quote_ident(pg_get_userbyid(ro)) COLLATE "C")
                  FROM unnest(p.polroles) ro WHERE ro <> 0),
        'using', pg_get_expr(p.polqual, p.polrelid),
        'check', pg_get_expr(p.polwithcheck, p.polrelid))
      ORDER BY quote_ident(p.polname) COLLATE "C")
      FROM pg_policy p WHERE p.polrelid = r.oid))
  ORDER BY r.qname COLLATE "C")
  FROM rel r JOIN pg_class c ON c.oid = r.oid WHERE r.relkind IN ('r', 'p', 'f')),
'indexes', (SELECT json_agg(json_build_object(
    'name', quote_ident(r.nspname) || '.' || quote_ident(ic.relname),
    'table', r.qname,
    'unique', ix.indisunique,
    'primary', ix.indisprimary,
    'method', am.amname,
    'keys', (SELECT json_agg(
        CASE WHEN ix.indkey[k - 1] <> 0 THEN (SELECT quote_ident(cn.attname) FROM pg_attribute cn WHERE cn.attrelid = ix.indrelid AND cn.attnum = ix.indkey[k - 1])
             ELSE pg_get_indexdef(ix.indexrelid, k, false) END
        || coalesce((SELECT ' COLLATE ' || quote_ident(co.collname) FROM pg_collation co
                     WHERE co.oid = ix.indcollation[k - 1] AND ix.indcollation[k - 1] <>
                       coalesce((SELECT a.attcollation FROM pg_attribute a WHERE a.attrelid = ix.indexrelid AND a.attnum = k), 0)), '')
        || coalesce((SELECT ' ' || opc.opcname FROM pg_opclass opc WHERE opc.oid = ix.indclass[k - 1] AND NOT opc.opcdefault), '')
        || CASE WHEN ix.indoption[k - 1] & 1 <> 0 THEN ' DESC' ELSE '' END
        || CASE WHEN ix.indoption[k - 1] & 1 <> 0 AND ix.indoption[k - 1] & 2 = 0 THEN ' NULLS LAST'
                WHEN ix.indoption[k - 1] & 1 = 0 AND ix.indoption[k - 1] & 2 <> 0 THEN ' NULLS FIRST' ELSE '' END
        ORDER BY k) FROM generate_series(1, ix.indnkeyatts) k),
    'include', (SELECT json_agg(quote_ident(cn.attname) ORDER BY k) FROM generate_series(ix.indnkeyatts + 1, ix.indnatts) k
                JOIN pg_attribute cn ON cn.attrelid = ix.indrelid AND cn.attnum = ix.indkey[k - 1]),
    'predicate', pg_get_expr(ix.indpred, ix.indrelid),
    'constraint', (SELECT quote_ident(k.conname) FROM pg_constraint k
                   WHERE k.conindid = ix.indexrelid AND k.conrelid = ix.indrelid AND k.contype IN ('p', 'u', 'x')))
  ORDER BY quote_ident(r.nspname) || '.' || quote_ident(ic.relname) COLLATE "C")
  FROM pg_index ix JOIN rel r ON r.oid = ix.indrelid JOIN pg_class ic ON ic.oid = ix.indexrelid
  JOIN pg_am am ON am.oid = ic.relam),
'sequences', (SELECT json_agg(json_build_object(
    'name', r.qname,
    'type', format_type(s.seqtypid, NULL),
    'owned_by', (SELECT d.refobjid::regclass::text || '.' || quote_ident(cn.attname) FROM pg_depend d
                 JOIN pg_attribute cn ON cn.attrelid = d.refobjid AND cn.attnum = d.refobjsubid
                 WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
                   AND d.deptype = 'a' AND d.refobjsubid > 0))
  ORDER BY r.qname COLLATE "C")
  FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid
  WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid
                      AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'i')),
'views', (SELECT json_agg(json_build_object(
    'name', r.qname,
    'materialized', r.relkind = 'm',
    'query', pg_get_viewdef(r.oid),
    'not_populated', r.relkind = 'm' AND NOT c.relispopulated)
  ORDER BY r.qname COLLATE "C")
  FROM rel r JOIN pg_class c ON c.oid = r.oid WHERE r.relkind IN ('v', 'm')),
'functions', (SELECT json_agg(json_build_object(
    'name', quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')',
    'kind', CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
    'returns', CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END,
    'language', l.lanname)
  ORDER BY quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')' COLLATE "C")
  FROM pg_proc p JOIN nsp n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
  WHERE p.prokind IN ('f', 'p', 'w')
    AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_proc'::regclass AND objid = p.oid)
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')),
'types', (SELECT json_agg(json_build_object(
    'name', quote_ident(n.nspname) || '.' || quote_ident(t.typname),
    'kind', CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'c' THEN 'composite'
                           WHEN 'r' THEN 'range' ELSE 'base' END,
    'labels', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
    'base_type', CASE t.typtype WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod)
                                WHEN 'r' THEN (SELECT format_type(rg.rngsubtype, NULL) FROM pg_range rg WHERE rg.rngtypid = t.oid) END,
    'not_null', t.typnotnull,
    'default', pg_get_expr(t.typdefaultbin, 0),
    'constraints', (SELECT json_agg(json_build_object(
        'name', quote_ident(k.conname), 'type', 'check', 'expression', pg_get_expr(k.conbin, 0),
        'not_valid', NOT k.convalidated) ORDER BY quote_ident(k.conname) COLLATE "C")
      FROM pg_constraint k WHERE k.contypid = t.oid),
    'attributes', (SELECT json_agg(json_build_object('name', quote_ident(a.attname), 'type', format_type(a.atttypid, a.atttypmod))
                   ORDER BY a.attnum)
                   FROM pg_attribute a WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))
  ORDER BY quote_ident(n.nspname) || '.' || quote_ident(t.typname) COLLATE "C")
  FROM pg_type t JOIN nsp n ON n.oid = t.typnamespace
  WHERE (t.typtype IN ('e', 'd', 'r')
         OR (t.typtype = 'c' AND t.typrelid IN (SELECT oid FROM rel WHERE relkind = 'c'))
         OR (t.typtype = 'b' AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.typarray = t.oid)))
    AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_type'::regclass AND objid = t.oid)),
'comments', (SELECT json_agg(json_build_object('name', io.type || ' ' || io.identity, 'text', d.description)
                             ORDER BY io.type || ' ' || io.identity COLLATE "C")
  FROM (SELECT * FROM pg_description d
        WHERE CASE WHEN d.classoid = 'pg_namespace'::regclass THEN d.objoid IN (SELECT oid FROM nsp)
                   ELSE d.objoid >= 16384 AND d.classoid <> 'pg_extension'::regclass END
          AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = d.classoid AND objid = d.objoid)
        OFFSET 0) d  -- filter first: pg_identify_object() is slow and initdb's objects have thousands of comments
  CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) io
  WHERE io.schema IS NULL OR io.schema IN (SELECT nspname FROM nsp))
)
)sql";

}  // namespace

nlohmann::json snapshot_schema(Connection& db) {
  // Pinned so deparsed text is the same everywhere: with search_path = pg_catalog every user
  // object prints schema-qualified; JIT would only slow this one-off query down.
  db.exec(
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = pg_catalog; "
      "SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = postgres; SET LOCAL TimeZone = 'UTC'; "
      "SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = hex; SET LOCAL quote_all_identifiers = off; "
      "SET LOCAL jit = off");
  std::string text = db.value(kSnapshotQuery);
  db.exec("COMMIT");
  return without_defaults(nlohmann::json::parse(text));
}

}  // namespace migc
