-- Orders, then their lookup index built without blocking writes.
-- migrate:up
create table orders (
  id bigserial primary key,
  user_id bigint not null references users (id),
  total_cents integer not null check (total_cents >= 0)
);

-- migrate:down
drop table orders;

-- migrate:up transaction:false
create index concurrently orders_user_id_idx on orders (user_id);

-- migrate:down transaction:false
drop index concurrently orders_user_id_idx;
