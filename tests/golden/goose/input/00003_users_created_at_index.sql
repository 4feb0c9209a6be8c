-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY users_created_at_idx ON users (created_at);

-- +goose Down
DROP INDEX CONCURRENTLY users_created_at_idx;
