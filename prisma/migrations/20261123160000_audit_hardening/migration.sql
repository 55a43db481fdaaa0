-- Hand-written, no schema change (the snapshot stays as it is): the audit log is
-- append-only for the application in PostgreSQL itself, see
-- docs/decisions/016-audit-log-enforced-in-postgresql.md.
-- The runner splits at every semicolon, so function and DO bodies spell theirs
-- as the escape \073 inside E strings, and comments here hold no quotes.

-- The init migration refuses UPDATE, DELETE (row triggers) and TRUNCATE
-- (statement trigger). Ordinary triggers are skipped in replica mode
-- (session_replication_role), so these fire ALWAYS.
ALTER TABLE "AuditEvent" ENABLE ALWAYS TRIGGER "AuditEvent_no_update_or_delete";

ALTER TABLE "AuditEvent" ENABLE ALWAYS TRIGGER "AuditEvent_no_truncate";

REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM PUBLIC;

-- A role for the application, holding no more than it needs: everything on the
-- ordinary tables, but on AuditEvent only SELECT and INSERT. Without the right
-- to create roles the migration carries on, and the triggers still hold.
DO E'BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''jobbro_app'') THEN
    CREATE ROLE jobbro_app NOLOGIN\073
  END IF\073
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE ''role jobbro_app not created: the migrating role may not create roles''\073
END';

DO E'BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''jobbro_app'') THEN
    EXECUTE format(''GRANT USAGE ON SCHEMA %I TO jobbro_app'', current_schema())\073
    EXECUTE format(''GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO jobbro_app'', current_schema())\073
    EXECUTE format(''GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO jobbro_app'', current_schema())\073
    EXECUTE format(''ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO jobbro_app'', current_schema())\073
    EXECUTE format(''ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO jobbro_app'', current_schema())\073
    REVOKE ALL ON "AuditEvent" FROM jobbro_app\073
    GRANT SELECT, INSERT ON "AuditEvent" TO jobbro_app\073
    IF to_regclass(''_prisma_migrations'') IS NOT NULL THEN
      REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM jobbro_app\073
    END IF\073
  END IF\073
END';
