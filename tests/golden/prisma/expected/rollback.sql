-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: prisma migrations, fingerprint sha256:447b99be83d1efd065bbc7af9d1106a1bfeb0c33ca91153503d2f801c7c5e9bf
-- migrations: 5 · statements: 10
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on
-- 5 migration(s) have no down part; their changes stay:
--   20240101090000_init
--   20240115103000_add_posts
--   20240201120000_add_published_index
--   20240310080000_rename_display_name
--   20240402141500_add_role_moderator

-- ----------------------------------------------------------------------------
-- migration 20240402141500_add_role_moderator (20240402141500_add_role_moderator/migration.sql)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 20240310080000_rename_display_name (20240310080000_rename_display_name/migration.sql)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 20240201120000_add_published_index (20240201120000_add_published_index/migration.sql)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 20240115103000_add_posts (20240115103000_add_posts/migration.sql)
-- kind: schema
-- no down part: nothing to roll back

-- ----------------------------------------------------------------------------
-- migration 20240101090000_init (20240101090000_init/migration.sql)
-- kind: schema
-- no down part: nothing to roll back
