CREATE TABLE plans (
    code  text PRIMARY KEY,
    seats integer NOT NULL CHECK (seats > 0)
);

INSERT INTO plans (code, seats) VALUES ('free', 1), ('team', 10), ('business', 100);

ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free' REFERENCES plans (code);
