-- Database roles of the Security Desk bot on PostgreSQL (issue 11). Idempotent: apply it again
-- after every release that brings migrations.
--
--   secdesk_owner  owns the schema. It runs the numbered migrations (src/storage/migrations.ts) and
--                  the retention purge (`npm run retention`). Nothing else connects as it.
--   secdesk_app    what every running bot instance connects as (DATABASE_URL). It reads and writes
--                  the working tables; on the audit trail (12(4)②) it may only read and append:
--                    audit_log, audit_payloads, audit_purge_marks  SELECT, INSERT
--                    audit_head (the chain head claimed by each append)  SELECT, UPDATE
--                    schema_migrations  SELECT (the start-up check finds nothing to do)
--                  so UPDATE, DELETE and TRUNCATE of an audit row are refused with
--                  permission denied (SQLSTATE 42501) before the tables' own append-only triggers
--                  are even reached. It owns nothing and may create nothing.
--
-- Why the owner runs retention: a retention run removes audit payloads past their period through a
-- recorded purge (AuditRepo.purgePayloads: a purge row, purge marks, then DELETE of the payloads,
-- which migration 12's trigger allows only for marked rows). The app role has no DELETE on
-- audit_payloads, so with these roles the purge runs as the owner:
--     DATABASE_URL=postgres://secdesk_owner@…/secdesk npm run retention     (daily, e.g. a scheduled job)
-- Set LEDGER_RETENTION_RUN=external on the bot instances so they leave the daily run to the owner
-- (were it left on, the bot's own run would fail with permission denied and roll back whole:
-- nothing blanked or purged half-way).
--
-- Order of a deployment (Azure Database for PostgreSQL: run the psql steps as the server admin,
-- which may create roles; part 2 runs as secdesk_owner through SET ROLE, so the admin must be a
-- member of it: GRANT secdesk_owner TO <admin> once if SET ROLE is refused):
--   1. psql "$ADMIN_URL/postgres" -f infra/postgres/roles.sql        -- creates both roles (no login)
--      ALTER ROLE secdesk_owner LOGIN PASSWORD '…';  ALTER ROLE secdesk_app LOGIN PASSWORD '…';
--      (or Microsoft Entra principals mapped to these roles; keep the passwords in Key Vault)
--      CREATE DATABASE secdesk OWNER secdesk_owner;
--   2. Migrations run at start-up (PgDatabase.open): start the bot once with
--      DATABASE_URL=postgres://secdesk_owner@…/secdesk (`npm run start:bot`, stop it when it
--      listens), or run the release's start-up once as the owner. No separate migration URL exists.
--   3. psql "$ADMIN_URL/secdesk" -f infra/postgres/roles.sql         -- grants on the migrated tables
--   4. Run every instance with DATABASE_URL=postgres://secdesk_app@…/secdesk. On start-up it finds
--      every migration applied and changes nothing. Started before steps 2–3 of a new release, it
--      stops with "migration N … failed on PostgreSQL: permission denied for schema public":
--      it fails closed, never half-migrated.
-- New tables get no rights by default (no ALTER DEFAULT PRIVILEGES): until step 3 is repeated the
-- app is refused on them, rather than being given DELETE on a new audit table.

-- 1. The roles (needs CREATEROLE the first time; a no-op once they exist).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'secdesk_owner') THEN
    CREATE ROLE secdesk_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'secdesk_app') THEN
    CREATE ROLE secdesk_app NOLOGIN NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object THEN
  NULL; -- created meanwhile by a concurrent run
END
$$;

-- 2. The grants, made as the owner of the tables (the admin applying this is a member of it).
SET ROLE secdesk_owner;

DO $$
DECLARE
  t text;
  audit constant text[] := ARRAY['audit_log', 'audit_payloads', 'audit_purge_marks'];
BEGIN
  -- Only where the owner owns the schema (the migrated database); in other databases (step 1 runs
  -- on `postgres`) there is nothing to grant.
  IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'secdesk_owner') THEN
    RETURN;
  END IF;
  EXECUTE 'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM secdesk_app';
  EXECUTE 'REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM secdesk_app';
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'secdesk_owner' LOOP
    IF t = ANY (audit) THEN
      EXECUTE format('GRANT SELECT, INSERT ON %I TO secdesk_app', t);
    ELSIF t = 'audit_head' THEN
      EXECUTE format('GRANT SELECT, UPDATE ON %I TO secdesk_app', t);
    ELSIF t = 'schema_migrations' THEN
      EXECUTE format('GRANT SELECT ON %I TO secdesk_app', t);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO secdesk_app', t);
    END IF;
  END LOOP;
  -- Identity columns draw from sequences.
  EXECUTE 'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO secdesk_app';
  -- The schema: the app may use it, not create in it (PostgreSQL 15 grants PUBLIC no CREATE on
  -- public already; revoked again for a database upgraded from an older server). `public` belongs
  -- to the database owner, secdesk_owner in a database created with OWNER secdesk_owner.
  EXECUTE 'REVOKE CREATE ON SCHEMA public FROM PUBLIC';
  EXECUTE 'GRANT USAGE ON SCHEMA public TO secdesk_app';
END
$$;

RESET ROLE;

