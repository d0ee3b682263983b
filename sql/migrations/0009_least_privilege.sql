-- Least privilege end to end (docs/reliability.md, "Least privilege"):
--   1. the trigger functions check that they fire on the table they guard, and no login
--      may attach them elsewhere (EXECUTE is not PUBLIC's: CREATE TRIGGER needs it, a
--      trigger's firing does not);
--   2. the run ledger and the signals: the batch role may write them only as a run does;
--   3. the run records the transaction that wrote it, and each signal the run that linked
--      it to a review, for the audit of what happened when.
-- Every object of the three schemas belongs to the migrator role, and no trigger or
-- SECURITY DEFINER function is PUBLIC's: `supervision migrate` sees to both after every
-- migration (sql/migrate/handover.sql).

-- 1. Trigger functions that refuse to fire anywhere but on their own tables.
CREATE OR REPLACE FUNCTION supervision.audit_review() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    id     bigint;
    before jsonb;
    after  jsonb;
BEGIN
    IF TG_RELID <> 'supervision.revocation_review'::regclass THEN
        RAISE EXCEPTION 'supervision.audit_review() records supervision.revocation_review only, not %',
            TG_RELID::regclass USING ERRCODE = 'insufficient_privilege';
    END IF;
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

-- The change capture's guard: the tables of the registry schema, and only they (no login
-- but the migrator may create a table there; the triggers on it are the migrations').
CREATE FUNCTION supervision.require_captured_register(p_schema name, p_table name) RETURNS void
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_schema <> 'registry' THEN
        RAISE EXCEPTION 'the change capture records the registers of the registry schema only, not %.%',
            p_schema, p_table USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION supervision.capture_person_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    ids  text[];
    rows bigint;
BEGIN
    PERFORM supervision.require_captured_register(TG_TABLE_SCHEMA, TG_TABLE_NAME);
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO supervision.registry_change (source, whole) VALUES (TG_TABLE_NAME, true);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO rows FROM new_rows;
        IF rows <= 10 * supervision.change_list_limit() THEN
            SELECT array_agg(DISTINCT coalesce(person_id, '')) INTO ids FROM new_rows;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT count(*) INTO rows FROM old_rows;
        IF rows <= 10 * supervision.change_list_limit() THEN
            SELECT array_agg(DISTINCT coalesce(person_id, '')) INTO ids FROM old_rows;
        END IF;
    ELSE
        SELECT count(*) INTO rows FROM new_rows;
        IF rows <= 10 * supervision.change_list_limit() THEN
            SELECT array_agg(DISTINCT p) INTO ids
            FROM (SELECT coalesce(person_id, '') AS p FROM new_rows
                  UNION ALL SELECT coalesce(person_id, '') FROM old_rows) u;
        END IF;
    END IF;
    IF rows > 10 * supervision.change_list_limit() THEN
        INSERT INTO supervision.registry_change (source, whole) VALUES (TG_TABLE_NAME, true);
    ELSE
        PERFORM supervision.record_change(TG_TABLE_NAME, ids, false);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION supervision.capture_company_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    ids text[];
BEGIN
    PERFORM supervision.require_captured_register(TG_TABLE_SCHEMA, TG_TABLE_NAME);
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO supervision.registry_change (source, whole) VALUES (TG_TABLE_NAME, true);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT company_id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT company_id) INTO ids FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT c) INTO ids
        FROM (SELECT company_id AS c FROM new_rows UNION ALL SELECT company_id FROM old_rows) u;
    END IF;
    PERFORM supervision.record_change(TG_TABLE_NAME, ids, true);
    RETURN NULL;
END $$;

-- 3. What happened when.
ALTER TABLE supervision.run ADD COLUMN transaction_id xid8;       -- the writing transaction of a succeeded run
ALTER TABLE supervision.signal ADD COLUMN linked_run bigint;      -- the run that linked it to its review

-- 2. Whether the session holds the run lock (sql/run/ledger/try_lock.sql): a run does.
CREATE FUNCTION supervision.holds_run_lock() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_locks
                   WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted AND objsubid = 1
                     AND ((classid::bigint << 32) | objid::bigint) = hashtext('supervision.run')::bigint)
$$;

-- Whether the acting role owns the service's tables (the migrator, or a superuser): the
-- owner may repair the ledger and the signals by hand; the batch role only writes them as
-- a run does.
CREATE FUNCTION supervision.acts_as_owner() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_has_role(current_user, 'supervision_migrator', 'USAGE')
$$;

-- The run ledger (rules.md §7): a record is inserted `running` by the session that holds
-- the run lock, moves once to succeeded or failed with its finish, counts, evaluation
-- state and error, and is never changed or deleted after.
CREATE FUNCTION supervision.run_ledger() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_RELID <> 'supervision.run'::regclass THEN
        RAISE EXCEPTION 'supervision.run_ledger() guards supervision.run only' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF supervision.acts_as_owner() THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'run %: deletion refused: the run ledger keeps every run', OLD.run_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT supervision.holds_run_lock() THEN
        RAISE EXCEPTION 'run %: the run ledger is written by the run that holds the run lock only', NEW.run_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'running' OR NEW.finished_at IS NOT NULL OR NEW.transaction_id IS NOT NULL THEN
            RAISE EXCEPTION 'run %: insert as % refused: a run record starts running', NEW.run_id, NEW.status
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.status <> 'running' OR NEW.status NOT IN ('succeeded', 'failed') THEN
        RAISE EXCEPTION 'run %: status % → % refused: a run record moves once, from running to succeeded or failed',
            OLD.run_id, OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.run_id, NEW.as_of, NEW.mode, NEW.started_at, NEW.config_digest, NEW.service_version, NEW.host)
       IS DISTINCT FROM (OLD.run_id, OLD.as_of, OLD.mode, OLD.started_at, OLD.config_digest, OLD.service_version,
                         OLD.host) THEN
        RAISE EXCEPTION 'run %: change of what the run started with refused', OLD.run_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION supervision.run_ledger() FROM PUBLIC;
CREATE TRIGGER run_ledger BEFORE INSERT OR UPDATE OR DELETE ON supervision.run
    FOR EACH ROW EXECUTE FUNCTION supervision.run_ledger();

-- The signals (rules.md §5): a run inserts them open, extends an open one's period and
-- evidence, resolves it once, and links it once to a review; what it was raised with,
-- a resolved signal and a link are never changed, and no signal is deleted. The WHEN
-- clause keeps the nightly extension of every open signal free of a function call: the
-- guard runs only for a change that a run never makes.
CREATE FUNCTION supervision.signal_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_RELID <> 'supervision.signal'::regclass THEN
        RAISE EXCEPTION 'supervision.signal_guard() guards supervision.signal only' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF supervision.acts_as_owner() THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'signal %: deletion refused: signals are resolved, never deleted', OLD.signal_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RAISE EXCEPTION 'signal %: change refused: a resolved signal, what a signal was raised with and its link to a '
                    'review are never changed', OLD.signal_id USING ERRCODE = 'insufficient_privilege';
END $$;
REVOKE ALL ON FUNCTION supervision.signal_guard() FROM PUBLIC;
CREATE TRIGGER signal_guard_update BEFORE UPDATE ON supervision.signal FOR EACH ROW
    WHEN (OLD.status = 'resolved'
          OR (OLD.signal_id, OLD.permit_id, OLD.person_id, OLD.signal_type, OLD.signal_key, OLD.period_start,
              OLD.raised_on, OLD.raised_run, OLD.weight)
             IS DISTINCT FROM (NEW.signal_id, NEW.permit_id, NEW.person_id, NEW.signal_type, NEW.signal_key,
                               NEW.period_start, NEW.raised_on, NEW.raised_run, NEW.weight)
          OR (OLD.review_id IS NOT NULL AND NEW.review_id IS DISTINCT FROM OLD.review_id)
          OR (OLD.linked_run IS NOT NULL AND NEW.linked_run IS DISTINCT FROM OLD.linked_run)
          OR NEW.period_end < OLD.period_end)
    EXECUTE FUNCTION supervision.signal_guard();
CREATE TRIGGER signal_guard_delete BEFORE DELETE ON supervision.signal FOR EACH ROW
    EXECUTE FUNCTION supervision.signal_guard();
