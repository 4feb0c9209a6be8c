-- +goose Up
-- Append-only; there is no way back once rows are written, so no Down part.
-- +goose StatementBegin
CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    user_id    bigint REFERENCES users (id),
    action     text        NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
)
-- +goose StatementEnd
