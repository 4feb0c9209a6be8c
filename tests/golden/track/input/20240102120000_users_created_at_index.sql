-- migrate:up transaction:false
create index concurrently users_created_at_idx on users (created_at);

-- migrate:down transaction:false
drop index concurrently users_created_at_idx;
