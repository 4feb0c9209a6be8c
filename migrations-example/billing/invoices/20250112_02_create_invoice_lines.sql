-- Invoice lines; the amount is computed by the database.
-- depends: 20250112_01_create_invoices

CREATE TABLE billing.invoice_lines (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id   bigint NOT NULL REFERENCES billing.invoices (id) ON DELETE CASCADE,
    description  text NOT NULL,
    quantity     integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
    unit_cents   bigint NOT NULL,
    amount_cents bigint GENERATED ALWAYS AS (quantity * unit_cents) STORED
);

CREATE INDEX invoice_lines_invoice_id_idx ON billing.invoice_lines (invoice_id);
