-- A single statement: golang-migrate sends it alone, so CONCURRENTLY is allowed.
CREATE INDEX CONCURRENTLY projects_name_idx ON projects (lower(name));
