-- depends: 0003.audit
CREATE TABLE users (id bigint PRIMARY KEY);
