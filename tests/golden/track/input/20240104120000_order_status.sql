-- migrate:up
create type order_status as enum ('pending', 'paid', 'shipped');
alter table orders add column status order_status not null default 'pending';

create function order_count(p_user bigint) returns bigint
language sql stable as $$
  select count(*) from orders where user_id = p_user;
$$;

-- migrate:down
drop function order_count(bigint);
alter table orders drop column status;
drop type order_status;
