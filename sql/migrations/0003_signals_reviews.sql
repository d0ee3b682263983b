-- Signals, revocation reviews, the backlog and the work queue (rules.md §5–6).
-- Ids are allocated by the run under its lock (max + row_number in a fixed order), not
-- by sequences: a run repeated after a crash then produces exactly the same rows.

-- rules.md §4: month boundaries used by the evaluation months. The arithmetic is on
-- timestamp without time zone, whose functions are immutable: that lets PostgreSQL
-- inline these into the statements that call them (14× faster than a call per row;
-- a date would be cast to timestamptz, whose date_trunc depends on the time zone).
CREATE FUNCTION supervision.month_end(d date) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (date_trunc('month', d::timestamp) + interval '1 month' - interval '1 day')::date;

-- The first day of the first calendar month that starts on or after d.
CREATE FUNCTION supervision.first_month_start_on_or_after(d date) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN extract(day FROM d) = 1 THEN d
                ELSE (date_trunc('month', d::timestamp) + interval '1 month')::date END;

-- The last day of the last calendar month that ends on or before d.
CREATE FUNCTION supervision.last_month_end_on_or_before(d date) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN d = supervision.month_end(d) THEN d
                ELSE (date_trunc('month', d::timestamp) - interval '1 day')::date END;

CREATE TABLE supervision.signal (
    signal_id     bigint PRIMARY KEY,
    permit_id     text    NOT NULL,
    person_id     text    NOT NULL,
    signal_type   text    NOT NULL,
    signal_key    text    NOT NULL DEFAULT '',   -- the campaign id for thematic signals
    status        text    NOT NULL CHECK (status IN ('open', 'resolved')),
    period_start  date    NOT NULL,
    period_end    date    NOT NULL,
    raised_on     date    NOT NULL,
    raised_run    bigint  NOT NULL,
    resolved_on   date,
    resolved_run  bigint,
    resolution    text,                           -- condition_ended | supervision_ended
    weight        numeric NOT NULL,
    evidence      jsonb   NOT NULL,
    review_id     bigint,
    CHECK ((status = 'open') = (resolved_on IS NULL))
);
-- One open signal per (permit, type, key).
CREATE UNIQUE INDEX signal_one_open_idx ON supervision.signal (permit_id, signal_type, signal_key)
    WHERE status = 'open';
CREATE INDEX signal_permit_idx ON supervision.signal (permit_id);
CREATE INDEX signal_review_idx ON supervision.signal (review_id) WHERE review_id IS NOT NULL;

CREATE TABLE supervision.revocation_review (
    review_id   bigint PRIMARY KEY,
    permit_id   text    NOT NULL,
    person_id   text    NOT NULL,
    queue       text    NOT NULL,
    priority    numeric NOT NULL,
    status      text    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'hearing', 'closed')),
    outcome     text CHECK (outcome IN ('revoked', 'no_action')),
    opened_on   date    NOT NULL,
    opened_run  bigint  NOT NULL,
    due_on      date    NOT NULL,
    closed_on   date,
    -- The linked signals' evidence as it stood when the review was opened: what the
    -- official was shown, whatever the signals become later.
    evidence    jsonb   NOT NULL,
    CHECK ((status = 'closed') = (outcome IS NOT NULL)),
    CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX revocation_review_permit_idx ON supervision.revocation_review (permit_id);
CREATE INDEX revocation_review_queue_day_idx ON supervision.revocation_review (queue, opened_on);
CREATE UNIQUE INDEX revocation_review_one_active_idx ON supervision.revocation_review (permit_id)
    WHERE status IN ('open', 'hearing');

-- rules.md §6.5: candidates beyond capacity, competing again each run.
CREATE TABLE supervision.review_backlog (
    permit_id     text PRIMARY KEY,
    person_id     text    NOT NULL,
    queue         text    NOT NULL,
    score         numeric NOT NULL,
    since         date    NOT NULL,   -- first day of its current stay in the backlog
    first_raised  date    NOT NULL    -- earliest raised_on of its unreviewed open signals
);

-- For the supervisors' case system: active reviews, most urgent first.
CREATE VIEW supervision.work_queue AS
SELECT review_id, permit_id, queue, priority, status, opened_on, due_on
FROM supervision.revocation_review
WHERE status IN ('open', 'hearing')
ORDER BY queue, priority DESC, due_on, review_id;
