-- Least privilege and the review audit trail (docs/reliability.md).
--
-- Four group roles, NOLOGIN (so no password lives here); people and services log in as
-- their own users made members of them (CREATE ROLE … LOGIN IN ROLE …):
--   supervision_migrator     owns the schemas and everything in them; `supervision migrate`
--                            runs as a member of it (or as a superuser)
--   supervision_batch        the nightly run: reads registry, writes supervision and stats,
--                            inserts reviews but cannot change a review's status, outcome
--                            or closing (nor delete one)
--   supervision_supervisor   the case system: reads the work queue, reviews, signals and the
--                            audit trail; updates only status, outcome and closed_on
--   supervision_stats_reader the statistics product: reads the stats views that carry no
--                            person or permit id, and nothing else
-- Roles belong to the cluster, grants to this database. A DBA may create the roles
-- beforehand; then the migrating user needs no CREATEROLE.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['supervision_migrator', 'supervision_batch', 'supervision_supervisor',
                             'supervision_stats_reader'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;  -- created meanwhile by the migration of another database of the cluster
            END;
        END IF;
    END LOOP;
    -- A migrating user that is not a superuser becomes a member, so that it may hand its
    -- objects over (and manage them in later migrations).
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
       AND NOT pg_has_role(current_user, 'supervision_migrator', 'MEMBER') THEN
        EXECUTE format('GRANT supervision_migrator TO %I', current_user);
    END IF;
END $$;

-- The audit trail of revocation reviews: every insert, change or deletion, by the run or
-- by a supervisor, with who (the login, session_user, and the role acting: SET ROLE's, or
-- the login), when, from which application, and the values before and after (only the
-- changed columns of an update; the whole row of an insert or delete). Written by a
-- trigger in the same transaction: a run that rolls back (killed, failed) leaves no audit
-- rows either. Nobody but the owner can write, change or delete audit rows.
CREATE TABLE supervision.review_audit (
    audit_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    review_id      bigint      NOT NULL,
    operation      text        NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
    changed_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    changed_by     text        NOT NULL DEFAULT session_user,
    acting_role    text        NOT NULL,
    application    text,
    transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
    old_values     jsonb,
    new_values     jsonb
);
CREATE INDEX review_audit_review_idx ON supervision.review_audit (review_id, audit_id);

-- SECURITY DEFINER: the trigger writes as the owner, so neither the run nor a supervisor
-- needs (or has) any privilege on the audit table. current_user inside is the owner, so
-- the acting role is SET ROLE's setting, or the login when none was set.
CREATE FUNCTION supervision.audit_review() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    id     bigint;
    before jsonb;
    after  jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        id := NEW.review_id;
        after := to_jsonb(NEW);
    ELSIF TG_OP = 'DELETE' THEN
        id := OLD.review_id;
        before := to_jsonb(OLD);
    ELSE
        id := NEW.review_id;
        SELECT jsonb_object_agg(n.key, o.value), jsonb_object_agg(n.key, n.value) INTO before, after
        FROM jsonb_each(to_jsonb(NEW)) n
        JOIN jsonb_each(to_jsonb(OLD)) o ON o.key = n.key
        WHERE n.value IS DISTINCT FROM o.value;
        IF after IS NULL THEN
            RETURN NULL;  -- an update that changed nothing
        END IF;
    END IF;
    INSERT INTO supervision.review_audit (review_id, operation, acting_role, application, old_values, new_values)
    VALUES (id, TG_OP,
            CASE WHEN current_setting('role') = 'none' THEN session_user::text ELSE current_setting('role') END,
            nullif(current_setting('application_name'), ''), before, after);
    RETURN NULL;
END $$;

CREATE TRIGGER review_audit AFTER INSERT OR UPDATE OR DELETE ON supervision.revocation_review
    FOR EACH ROW EXECUTE FUNCTION supervision.audit_review();

-- What the migrating user created in the three schemas is handed to the migrator role.
-- Objects of another owner (registry tables the ETL created) stay its own.
DO $$
DECLARE
    o record;
BEGIN
    FOR o IN SELECT nspname FROM pg_namespace
             WHERE nspname IN ('registry', 'supervision', 'stats') AND pg_get_userbyid(nspowner) = current_user LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO supervision_migrator', o.nspname);
    END LOOP;
    FOR o IN SELECT c.relkind, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname IN ('registry', 'supervision', 'stats') AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
               AND pg_get_userbyid(c.relowner) = current_user LOOP
        EXECUTE format('ALTER %s %I.%I OWNER TO supervision_migrator',
                       CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                      WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, o.nspname, o.relname);
    END LOOP;
    FOR o IN SELECT p.oid::regprocedure AS routine FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname IN ('registry', 'supervision', 'stats') AND pg_get_userbyid(p.proowner) = current_user LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO supervision_migrator', o.routine);
    END LOOP;
END $$;

-- The nightly run.
GRANT USAGE ON SCHEMA registry, supervision, stats TO supervision_batch;
GRANT SELECT ON ALL TABLES IN SCHEMA registry, supervision, stats TO supervision_batch;
-- Writes on tables only: a view updates its table with the view owner's rights, so a
-- write grant on supervision.work_queue would pass by the column grants below.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname IN ('supervision', 'stats') AND c.relkind IN ('r', 'p') LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I.%I TO supervision_batch', t.nspname, t.relname);
    END LOOP;
END $$;
-- It only inserts reviews (sql/run/25_reviews/open.sql); status, outcome and closing are the
-- supervisors'. The migration ledger and the audit trail are not its to write.
REVOKE UPDATE, DELETE, TRUNCATE ON supervision.revocation_review FROM supervision_batch;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON supervision.schema_version FROM supervision_batch;
REVOKE ALL ON supervision.review_audit FROM supervision_batch;

-- The supervisors' case system.
GRANT USAGE ON SCHEMA supervision TO supervision_supervisor;
GRANT SELECT ON supervision.work_queue, supervision.revocation_review, supervision.signal,
                supervision.review_backlog, supervision.review_audit TO supervision_supervisor;
GRANT UPDATE (status, outcome, closed_on) ON supervision.revocation_review TO supervision_supervisor;

-- The statistics product: the stats views without a person or permit id (the views run
-- with their owner's rights, so the reader needs nothing underneath).
GRANT USAGE ON SCHEMA stats TO supervision_stats_reader;
DO $$
DECLARE
    v record;
BEGIN
    FOR v IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'stats' AND c.relkind IN ('r', 'p', 'v', 'm')
               AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                               WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                 AND a.attname IN ('person_id', 'permit_id')) LOOP
        EXECUTE format('GRANT SELECT ON stats.%I TO supervision_stats_reader', v.relname);
    END LOOP;
END $$;

-- Later migrations: what the migrating user (or the migrator role) creates gets the same
-- grants. "TABLES" includes views here: a later view must REVOKE the batch role's writes,
-- and a stats relation with a person or permit id the reader's SELECT
-- (tests/db/roles_test.cpp fails otherwise).
ALTER DEFAULT PRIVILEGES IN SCHEMA registry GRANT SELECT ON TABLES TO supervision_batch;
ALTER DEFAULT PRIVILEGES IN SCHEMA supervision GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO supervision_batch;
ALTER DEFAULT PRIVILEGES IN SCHEMA stats GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO supervision_batch;
ALTER DEFAULT PRIVILEGES IN SCHEMA stats GRANT SELECT ON TABLES TO supervision_stats_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE supervision_migrator IN SCHEMA registry GRANT SELECT ON TABLES TO supervision_batch;
ALTER DEFAULT PRIVILEGES FOR ROLE supervision_migrator IN SCHEMA supervision
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO supervision_batch;
ALTER DEFAULT PRIVILEGES FOR ROLE supervision_migrator IN SCHEMA stats
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO supervision_batch;
ALTER DEFAULT PRIVILEGES FOR ROLE supervision_migrator IN SCHEMA stats GRANT SELECT ON TABLES TO supervision_stats_reader;
