-- Rollback script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: migchain migrations, fingerprint sha256:e5c65f6b3fc74bc718ebe53dcbbff14b83ed5b9c66dcdde39eac8f2351cbb887
-- migrations: 7 · statements: 8
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 20250102_02_zxcvb-billing-subscriptions-create-subscriptions (billing/subscriptions/20250102_02_zxcvb-billing-subscriptions-create-subscriptions.py)
-- kind: schema · domain: billing · depends on: 20250102_01_aplkd-billing-plans-create-plans, 20250101_01_mtpxr-auth-users-create-users
BEGIN;
DROP INDEX billing.subscriptions_plan_idx;
DROP TABLE billing.subscriptions;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20250102_03_qwert-billing-plans-seed-plans (billing/plans/inserters/20250102_03_qwert-billing-plans-seed-plans.py)
-- kind: seed · domain: billing · depends on: 20250102_01_aplkd-billing-plans-create-plans
BEGIN;

        delete from billing.plans where name in ('free', 'pro');
        
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20250102_01_aplkd-billing-plans-create-plans (billing/plans/20250102_01_aplkd-billing-plans-create-plans.py)
-- kind: schema · domain: billing · depends on: 20250102_00_hgtre-billing-create-schema
BEGIN;
DROP TABLE billing.plans;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20250102_00_hgtre-billing-create-schema (billing/20250102_00_hgtre-billing-create-schema.py)
-- kind: schema · domain: billing
BEGIN;
DROP SCHEMA billing;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20250101_02_vbnwe-auth-users-email-index (auth/users/20250101_02_vbnwe-auth-users-email-index.sql, auth/users/20250101_02_vbnwe-auth-users-email-index.rollback.sql)
-- kind: schema · domain: auth · depends on: 20250101_01_mtpxr-auth-users-create-users
DROP INDEX CONCURRENTLY auth.users_email_key;

-- ----------------------------------------------------------------------------
-- migration 20250101_01_mtpxr-auth-users-create-users (auth/users/20250101_01_mtpxr-auth-users-create-users.py)
-- kind: schema · domain: auth · depends on: 20250101_00_kqzfa-auth-create-schema
BEGIN;

        DROP TABLE auth.users;
        
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20250101_00_kqzfa-auth-create-schema (auth/20250101_00_kqzfa-auth-create-schema.py)
-- kind: schema · domain: auth
BEGIN;
DROP SCHEMA auth;
COMMIT;
