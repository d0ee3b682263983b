-- The supervisors' side (rules.md §6, docs/rules.md "Reviews"): signals a supervisor has
-- explained, and the events the case system reads instead of polling.

-- The signal types, as the service knows them (config::known_signal_types(), the one
-- list): `supervision migrate` writes them here after every migration
-- (sql/migrate/signal_types.sql), so that the database refuses an explanation of a type
-- that does not exist.
CREATE TABLE supervision.signal_type (
    signal_type text PRIMARY KEY
);

-- A supervisor records that a signal type on a permit is explained until a day, and why
-- (parental leave explains no_income). The latest record of a (permit, type) holds: while
-- as_of ≤ explained_until, that type's open signals of the permit weigh 0 in the score;
-- from the next day they weigh again. Rows are only added: who recorded it and when are
-- the database's, not the client's.
CREATE TABLE supervision.signal_explanation (
    explanation_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    permit_id       text        NOT NULL CHECK (permit_id <> ''),
    signal_type     text        NOT NULL REFERENCES supervision.signal_type,
    explained_until date        NOT NULL CHECK (isfinite(explained_until)),
    reason          text        NOT NULL CHECK (btrim(reason) <> ''),
    recorded_by     text        NOT NULL DEFAULT current_user,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signal_explanation_permit_idx ON supervision.signal_explanation (permit_id, signal_type, recorded_at);

CREATE FUNCTION supervision.explanation_kept() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_RELID <> 'supervision.signal_explanation'::regclass THEN
        RAISE EXCEPTION 'supervision.explanation_kept() guards supervision.signal_explanation only'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RAISE EXCEPTION 'explanation %: % refused: explanations are only added; record a new one to change it',
        OLD.explanation_id, lower(TG_OP) USING ERRCODE = 'check_violation';
END $$;
REVOKE ALL ON FUNCTION supervision.explanation_kept() FROM PUBLIC;
CREATE TRIGGER explanation_kept BEFORE UPDATE OR DELETE ON supervision.signal_explanation
    FOR EACH ROW EXECUTE FUNCTION supervision.explanation_kept();

-- The outbox of the case system: what a run did that a supervisor should hear of. Written
-- in the run's writing transaction (a failed run leaves none); after its commit the run
-- sends NOTIFY supervision_event with the last event_id. Ids are allocated by the run
-- under its lock, in commit order: a consumer that remembers the last id it read and asks
-- for the ones after it never misses one and never reads one twice.
CREATE TABLE supervision.event (
    event_id   bigint PRIMARY KEY,
    run_id     bigint      NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('review_opened', 'signals_linked', 'priority_raised',
                                                    'supervision_ended_with_open_review')),
    permit_id  text        NOT NULL,
    review_id  bigint,
    detail     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_run_idx ON supervision.event (run_id);

-- The batch role reads the explanations and the types, writes events; the supervisor role
-- reads them all and adds explanations (its columns only: recorded_by and recorded_at are
-- the database's).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON supervision.signal_type, supervision.signal_explanation
    FROM supervision_batch;
REVOKE UPDATE, DELETE, TRUNCATE ON supervision.event FROM supervision_batch;
GRANT SELECT ON supervision.signal_type, supervision.signal_explanation, supervision.event TO supervision_supervisor;
GRANT INSERT (permit_id, signal_type, explained_until, reason) ON supervision.signal_explanation
    TO supervision_supervisor;
