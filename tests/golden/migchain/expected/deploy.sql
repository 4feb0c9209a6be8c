-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: migchain migrations, fingerprint sha256:e5c65f6b3fc74bc718ebe53dcbbff14b83ed5b9c66dcdde39eac8f2351cbb887
-- migrations: 7 · statements: 8
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 20250101_00_kqzfa-auth-create-schema (auth/20250101_00_kqzfa-auth-create-schema.py)
-- kind: schema · domain: auth
BEGIN;
CREATE SCHEMA auth;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20250101_01_mtpxr-auth-users-create-users (auth/users/20250101_01_mtpxr-auth-users-create-users.py)
-- kind: schema · domain: auth · depends on: 20250101_00_kqzfa-auth-create-schema
BEGIN;

        CREATE TABLE auth.users (
            id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            email text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20250101_02_vbnwe-auth-users-email-index (auth/users/20250101_02_vbnwe-auth-users-email-index.sql, auth/users/20250101_02_vbnwe-auth-users-email-index.rollback.sql)
-- kind: schema · domain: auth · depends on: 20250101_01_mtpxr-auth-users-create-users
-- Unique emails, built without locking out sign-ups.
-- depends: 20250101_01_mtpxr-auth-users-create-users
-- transactional: false

CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON auth.users (lower(email));

-- ----------------------------------------------------------------------------
-- migration 20250102_00_hgtre-billing-create-schema (billing/20250102_00_hgtre-billing-create-schema.py)
-- kind: schema · domain: billing
BEGIN;
CREATE SCHEMA billing;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20250102_01_aplkd-billing-plans-create-plans (billing/plans/20250102_01_aplkd-billing-plans-create-plans.py)
-- kind: schema · domain: billing · depends on: 20250102_00_hgtre-billing-create-schema
BEGIN;

        CREATE TABLE billing.plans (
            name text PRIMARY KEY,
            price_cents integer NOT NULL CHECK (price_cents >= 0),
            interval text NOT NULL
        );
        
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20250102_03_qwert-billing-plans-seed-plans (billing/plans/inserters/20250102_03_qwert-billing-plans-seed-plans.py)
-- kind: seed · domain: billing · depends on: 20250102_01_aplkd-billing-plans-create-plans
BEGIN;

        insert into billing.plans (name, price_cents, interval)
        values ('free', 0, 'monthly'), ('pro', 1900, 'monthly')
        on conflict (name) do nothing;
        
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20250102_02_zxcvb-billing-subscriptions-create-subscriptions (billing/subscriptions/20250102_02_zxcvb-billing-subscriptions-create-subscriptions.py)
-- kind: schema · domain: billing · depends on: 20250102_01_aplkd-billing-plans-create-plans, 20250101_01_mtpxr-auth-users-create-users
BEGIN;

            CREATE TABLE billing.subscriptions (
                user_id uuid NOT NULL REFERENCES auth.users (id),
                plan text NOT NULL REFERENCES billing.plans (name),
                started_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (user_id, plan)
            );
            
CREATE INDEX subscriptions_plan_idx ON billing.subscriptions (plan);
COMMIT;
