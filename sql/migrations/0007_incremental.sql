-- The steady state: a run evaluates only the persons whose result can have
-- changed since the last run, and carries the others' conditions over
-- (docs/incremental.md). Three things make that possible:
--   1. change capture on the registers: which persons' (or companies') rows changed;
--   2. per evaluated person, the next day a result can change by date alone;
--   3. rejected rows that name their person, so that a run replaces only the rejections
--      of the persons it validated again.

-- 1. Change capture. One row per statement that changed a register, written by the
-- triggers below in the ETL's own transaction: a load that rolls back leaves none, and a
-- run sees a load's rows and its change rows together or not at all (one snapshot). The
-- run that has taken a change into account deletes it, in its own transaction; a change
-- committed after the run's snapshot stays for the next run.
CREATE TABLE supervision.registry_change (
    change_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source     text        NOT NULL,                -- the registry table
    persons    text[],                              -- the person ids of the changed rows, before and after ('' for none)
    companies  text[],                              -- company_status: the company ids
    whole      boolean     NOT NULL DEFAULT false,  -- TRUNCATE, or too many rows to list: every row may have changed
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    changed_by text        NOT NULL DEFAULT session_user
);

-- A statement that changes more rows or persons than these is recorded as `whole`: the
-- next run evaluates everyone anyway (docs/incremental.md, "When a run is full"), and a
-- list of millions of ids would cost the load more than it saves the run. Trade-off:
-- higher limits make bulk loads slower, lower ones make more runs full.
CREATE FUNCTION supervision.change_list_limit() RETURNS integer
    LANGUAGE sql IMMUTABLE AS 'SELECT 1000000';

CREATE FUNCTION supervision.record_change(p_source text, p_ids text[], p_is_company boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN
        RETURN;  -- a statement that changed no row
    ELSIF cardinality(p_ids) > supervision.change_list_limit() THEN
        INSERT INTO supervision.registry_change (source, whole) VALUES (p_source, true);
    ELSIF p_is_company THEN
        INSERT INTO supervision.registry_change (source, companies) VALUES (p_source, p_ids);
    ELSE
        INSERT INTO supervision.registry_change (source, persons) VALUES (p_source, p_ids);
    END IF;
END $$;
REVOKE ALL ON FUNCTION supervision.record_change(text, text[], boolean) FROM PUBLIC;

-- The person registers. Statement triggers with transition tables: one row of
-- registry_change per statement, however many rows it changed. A statement of more rows
-- than ten times the limit is `whole` without collecting its ids.
CREATE FUNCTION supervision.capture_person_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    ids  text[];
    rows bigint;
BEGIN
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

-- The trade register: the companies whose statuses changed.
CREATE FUNCTION supervision.capture_company_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    ids text[];
BEGIN
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

DO $$
DECLARE
    t text;
    fn text;
BEGIN
    FOREACH t IN ARRAY ARRAY['permit', 'income_record', 'population_event', 'company_status', 'study_record',
                             'benefit_payment', 'employment_notice'] LOOP
        fn := CASE WHEN t = 'company_status' THEN 'supervision.capture_company_change'
                   ELSE 'supervision.capture_person_change' END;
        EXECUTE format('CREATE TRIGGER supervision_change_insert AFTER INSERT ON registry.%I '
                       'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %s()', t, fn);
        EXECUTE format('CREATE TRIGGER supervision_change_update AFTER UPDATE ON registry.%I '
                       'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT '
                       'EXECUTE FUNCTION %s()', t, fn);
        EXECUTE format('CREATE TRIGGER supervision_change_delete AFTER DELETE ON registry.%I '
                       'REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %s()', t, fn);
        EXECUTE format('CREATE TRIGGER supervision_change_truncate AFTER TRUNCATE ON registry.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION %s()', t, fn);
        -- ALWAYS: also for a load with session_replication_role = replica, which skips
        -- ordinary triggers (a run finds a trigger not ALWAYS enabled and evaluates everyone).
        EXECUTE format('ALTER TABLE registry.%I ENABLE ALWAYS TRIGGER supervision_change_insert, '
                       'ENABLE ALWAYS TRIGGER supervision_change_update, ENABLE ALWAYS TRIGGER supervision_change_delete, '
                       'ENABLE ALWAYS TRIGGER supervision_change_truncate', t);
    END LOOP;
END $$;

-- 2. The next day on which each evaluated person's result can change with no changed
-- row (sql/run/14_recheck/recheck.sql): a run evaluates the persons whose day has come.
-- One row per person by construction (evaluate/recheck.sql groups by person, and shards
-- are disjoint); no key to maintain when a full run writes it whole.
-- No index: a run reads it whole once (the due persons; the persons of the last run), and
-- a full run writes it whole.
CREATE TABLE supervision.person_recheck (
    person_id  text NOT NULL,
    recheck_on date NOT NULL
);

-- 3. Rejected rows name their person ('' when the row has none; NULL for the trade
-- register's). And the list is no longer rewritten by every run: last_seen_run was the
-- run that last merged the list, for every row in it — every run sees every row still
-- rejected (a full run validates it again, an incremental one knows it unchanged) — so
-- the contract's view derives it: the latest run that succeeded. The rows are kept in
-- rejected_row_current; a cleared row keeps the last run that saw it in the history.
ALTER TABLE supervision.rejected_row RENAME TO rejected_row_current;
ALTER TABLE supervision.rejected_row_current DROP COLUMN last_seen_run;
ALTER TABLE supervision.rejected_row_current ADD COLUMN person_id text;
CREATE INDEX rejected_row_person_idx ON supervision.rejected_row_current (person_id);
CREATE VIEW supervision.rejected_row AS
SELECT r.source, r.source_key, r.reason, r.first_seen_run,
       (SELECT max(run_id) FROM supervision.run WHERE status = 'succeeded') AS last_seen_run,
       r.person_id
FROM supervision.rejected_row_current r;
REVOKE INSERT, UPDATE, DELETE ON supervision.rejected_row FROM supervision_batch;

-- Every run extends the open signals that run to its as_of (about a third of them): room
-- on their pages lets those updates stay on the page without touching the indexes.
ALTER TABLE supervision.signal SET (fillfactor = 80);

-- How each run evaluated (full or incremental, why, how many persons) and the keys the
-- next run compares with its own (sql/run/02_scope/).
ALTER TABLE supervision.run ADD COLUMN evaluation jsonb;

-- Lookup paths of a steady-state run: the permits that start on a day, and the holders of
-- a company's permits. Indexes only: the ETL's tables gain no constraint.
CREATE INDEX IF NOT EXISTS permit_valid_from_idx ON registry.permit (valid_from);
CREATE INDEX IF NOT EXISTS permit_company_idx ON registry.permit (company_id) WHERE company_id IS NOT NULL;

-- The persons a session evaluates: of its shard (supervision.shard_of) and, when the run is
-- incremental, of the persons listed (NULL: every person). A row without a person is
-- listed as ''. Inlined by the planner: with the list bound as a value, the CASE folds to
-- an index condition (person_id = ANY (…)), and without one to the shard's hash alone.
CREATE FUNCTION supervision.in_scope(p_person_id text, p_shard_count integer, p_shard integer, p_persons text[])
    RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_persons IS NULL THEN supervision.shard_of(p_person_id, p_shard_count) = p_shard
                ELSE (p_person_id = ANY (p_persons) OR (p_person_id IS NULL AND '' = ANY (p_persons)))
                     AND supervision.shard_of(p_person_id, p_shard_count) = p_shard END
$$;

-- The permits the last run evaluated: supervised, not ended, present in the register and
-- not rejected (rules.md §3), with the holder, basis and sequence the register gave. Written
-- by every run after its ends and enrolments (enrolment/evaluated*.sql) and read by the
-- stages after, which would otherwise join the whole register for it each time. Empty
-- until the first run after this migration, which is full.
-- Its key tells the planner that a semi-join needs no de-duplication (without it, every
-- EXISTS on it hashed all its rows first).
CREATE TABLE supervision.evaluated_permit (
    permit_id text PRIMARY KEY,
    person_id text NOT NULL,
    line_id   text NOT NULL,
    basis     text NOT NULL,
    sequence  text NOT NULL
);

-- A full evaluation rewrites these tables, the first on fresh data by a lot: the run
-- refreshes their statistics as soon as it has written each, since the stages after it
-- plan on them (a back-fill's next day planned on an empty supervised_permit and took six
-- minutes, migration 0006), as the owner, since the batch role may write them but not
-- ANALYZE them. An incremental run changes too little to matter (autovacuum's own analyze
-- follows).
CREATE FUNCTION supervision.refresh_table_statistics(p_table text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_table NOT IN ('supervised_permit', 'evaluated_permit', 'signal', 'review_backlog', 'rejected_row_current') THEN
        RAISE EXCEPTION 'supervision.% is not a table the run refreshes', p_table;
    END IF;
    EXECUTE format('ANALYZE supervision.%I', p_table);
END
$$;
REVOKE ALL ON FUNCTION supervision.refresh_table_statistics(text) FROM PUBLIC;
DROP FUNCTION supervision.refresh_statistics();
GRANT EXECUTE ON FUNCTION supervision.refresh_table_statistics(text) TO supervision_batch;

-- The batch role consumes the change log and replaces the recheck days of a full run.
GRANT SELECT, DELETE ON supervision.registry_change TO supervision_batch;
REVOKE INSERT, UPDATE ON supervision.registry_change FROM supervision_batch;
GRANT TRUNCATE ON supervision.person_recheck, supervision.evaluated_permit TO supervision_batch;
