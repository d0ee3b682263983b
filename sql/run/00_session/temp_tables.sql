-- The run's working tables, private to its session: the effective configuration (so
-- that every rule is one set-based statement that joins it) and what the evaluation
-- finds, which the writing transaction reads after the evaluation's has committed.
-- A session starts each run from none: a run that failed in the same session leaves its
-- tables behind.
DISCARD TEMP;

CREATE TEMP TABLE coverage_line (
    ord             integer NOT NULL,
    line_id         text    NOT NULL,
    effective_from  date    NOT NULL,
    basis           text    NOT NULL,
    sequence        text    NOT NULL,
    validity        text    NOT NULL,   -- at_least | more_than
    validity_months integer NOT NULL,
    scope_field     text    NOT NULL,   -- valid_from | decision_date
    scope_from      date    NOT NULL
);

CREATE TEMP TABLE parameter (
    name       text    NOT NULL,
    basis      text    NOT NULL,   -- '*' for every basis
    sequence   text    NOT NULL,   -- '*' for every sequence
    valid_from date    NOT NULL,
    value      numeric NOT NULL
);

CREATE TEMP TABLE rejected_now (
    source     text NOT NULL,
    source_key text NOT NULL,
    reason     text NOT NULL,
    person_id  text,            -- the row's person ('' for none); NULL for the trade register
    PRIMARY KEY (source, source_key, reason)
);

-- rules.md §8, keying errors (sql/run/10_validate/, 13_prepare/income_read.sql): an id empty
-- or padded with white space is supervision.padded() (migration 0011), a date out of the
-- range below pg_temp.day(). SQL functions of one expression: the planner inlines them
-- into the statements that call them.
--
-- A register date the run can count with, else NULL: a calendar day from 1800-01-01 to
-- 9999-12-31. 'infinity' and '-infinity' are no calendar days; a day outside the range
-- cannot be true of these registers and some make the date arithmetic fail (a year after
-- 294276 in add_months, 5874897-12-31 + 1). Both are keying errors with their own
-- reasons, and the comparisons of the other checks, and every statement that may meet a
-- row before its rejection is left out, pass over such a date as over a missing one.
CREATE OR REPLACE FUNCTION pg_temp.day(p_date date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_date BETWEEN date '1800-01-01' AND date '9999-12-31' THEN p_date END
$$;

-- The same date for the statements that compute with a register's dates before or without
-- leaving the rejected rows out (the enrolment's line conditions, the reports): a date
-- out of pg_temp.day's range as '-infinity' or 'infinity', on which the date arithmetic
-- cannot fail and which orders as the date did. The range's own dates stay.
CREATE OR REPLACE FUNCTION pg_temp.bounded(p_date date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_date < date '1800-01-01' THEN date '-infinity'
                WHEN p_date > date '9999-12-31' THEN date 'infinity'
                ELSE p_date END
$$;

-- The source_key of a row of a register keyed by several columns: the parts joined with
-- '/' (contract.md), each part with '%' written '%25' and then '/' written '%2F', so that
-- two different rows never get the same key ('H-s/1' + 'I-1' against 'H-s' + '1/I-1').
-- Validation and every statement that looks a rejection up build the key here.
CREATE OR REPLACE FUNCTION pg_temp.key_part(p_part text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT replace(replace(p_part, '%', '%25'), '/', '%2F')
$$;
CREATE OR REPLACE FUNCTION pg_temp.source_key(p_1 text, p_2 text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT pg_temp.key_part(p_1) || '/' || pg_temp.key_part(p_2)
$$;
CREATE OR REPLACE FUNCTION pg_temp.source_key(p_1 text, p_2 text, p_3 text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT pg_temp.key_part(p_1) || '/' || pg_temp.key_part(p_2) || '/' || pg_temp.key_part(p_3)
$$;

-- An incremental run's persons (docs/incremental.md): the ones whose rows changed, whose
-- recheck day has come, or whose permit starts; the run's session only (run/scope.cpp).
-- Each once (incremental/persons.sql fills it in one statement). No keys here or in
-- scope_change: they are read whole (hashed, after incremental/analyze.sql), and a key took
-- 4–7 µs a row to fill, 1.5 s at S1 on a night that changes a tenth of the persons.
CREATE TEMP TABLE scope_person (
    person_id text NOT NULL
);

-- Of those, the persons whose rows changed, per register: only their rows of it are
-- validated again (incremental/carry_rejections.sql). Each (source, person) once.
CREATE TEMP TABLE scope_change (
    source    text NOT NULL,
    person_id text NOT NULL
);

-- rules.md §2: the value in force on a day; the most specific key wins on the same start.
CREATE OR REPLACE FUNCTION pg_temp.param(p_name text, p_basis text, p_sequence text, p_day date)
    RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT value FROM pg_temp.parameter
    WHERE name = p_name AND basis IN (p_basis, '*') AND sequence IN (p_sequence, '*') AND valid_from <= p_day
    ORDER BY valid_from DESC, (basis <> '*')::int * 2 + (sequence <> '*')::int DESC
    LIMIT 1
$$;

-- The day its value came into force, for the evidence of a signal.
CREATE OR REPLACE FUNCTION pg_temp.param_since(p_name text, p_basis text, p_sequence text, p_day date)
    RETURNS date LANGUAGE sql STABLE AS $$
    SELECT valid_from FROM pg_temp.parameter
    WHERE name = p_name AND basis IN (p_basis, '*') AND sequence IN (p_sequence, '*') AND valid_from <= p_day
    ORDER BY valid_from DESC, (basis <> '*')::int * 2 + (sequence <> '*')::int DESC
    LIMIT 1
$$;

-- Which bases (and sequences, '*' for all) each signal type applies to.
CREATE TEMP TABLE signal_scope (
    signal_type text NOT NULL,
    basis       text NOT NULL,
    sequence    text NOT NULL
);

-- The work queue of each basis; a basis not listed goes to 'general'.
CREATE TEMP TABLE queue_basis (
    basis text PRIMARY KEY,
    queue text NOT NULL
);

CREATE TEMP TABLE study_term (
    name        text    NOT NULL,
    start_month integer NOT NULL,
    start_day   integer NOT NULL,
    end_month   integer NOT NULL,
    end_day     integer NOT NULL
);

CREATE TEMP TABLE campaign (
    campaign_id      text   NOT NULL,
    active_from      date   NOT NULL,
    active_until     date   NOT NULL,
    bases            text[] NOT NULL,
    sequences        text[] NOT NULL,   -- empty: every sequence
    decided_from     date,
    decided_until    date,
    with_open_signal text[] NOT NULL    -- empty: no condition
);

-- What this run finds, before it writes anything (rules.md §3): the supervised permits
-- whose supervision ends, and the permits to enrol. Found per shard, written in one place
-- (21_end/end.sql, 22_enrol/enrol.sql).
CREATE TEMP TABLE end_now (
    permit_id text PRIMARY KEY,
    reason    text NOT NULL
);

CREATE TEMP TABLE enrol_now (
    permit_id text PRIMARY KEY,
    person_id text NOT NULL,
    line_id   text NOT NULL
);

-- Each register's completeness on this run (rules.md §1).
CREATE TEMP TABLE register (
    source           text PRIMARY KEY,
    complete_through date,
    refreshed_at     timestamptz
);

-- The permits evaluated this run: enrolled, not ended, not rejected (rules.md §3).
CREATE TEMP TABLE active_permit (
    permit_id               text PRIMARY KEY,
    person_id               text    NOT NULL,
    basis                   text    NOT NULL,
    sequence                text    NOT NULL,
    decision_date           date    NOT NULL,
    valid_from              date    NOT NULL,
    valid_until             date    NOT NULL,
    company_id              text,
    required_monthly_income numeric,
    grace_months            integer NOT NULL,
    eval_from               date    NOT NULL,   -- add_months(valid_from, grace)
    first_month             date    NOT NULL,   -- first evaluation month (its first day)
    incomes_last_month      date,               -- last evaluation month for incomes (its first day)
    benefits_last_month     date                -- the same for benefits
);

-- The permits evaluated this run as supervision.evaluated_permit holds them once the run
-- has written its ends and enrolments (14_recheck/evaluated_now.sql).
CREATE TEMP TABLE evaluated_now (
    permit_id  text PRIMARY KEY,
    person_id  text NOT NULL,
    line_id    text NOT NULL,
    basis      text NOT NULL,
    sequence   text NOT NULL,
    recheck_on date NOT NULL    -- the holder's (recheck_now), for supervision.person_recheck
);

-- The persons whose monthly income figures the signals read, from which day
-- (13_prepare/income_persons.sql).
CREATE TEMP TABLE income_person (
    person_id text PRIMARY KEY,
    first_day date NOT NULL
);

-- The Incomes Register rows this run looks at, read once (13_prepare/income_read.sql): the
-- rejected ones (reasons not empty), and the others of the persons evaluated, in the
-- evaluation's months.
CREATE TEMP TABLE income_now (
    record_id    text NOT NULL,
    person_id    text,
    month        date,            -- of period_end (rules.md §4), as a column for ANALYZE
    gross_amount numeric,
    hours        numeric,
    reasons      text NOT NULL,   -- the failed checks, a line each; '' when none
    visible_on   date             -- period_end of a row dated after as_of (rules.md §1): not counted yet
);

-- Monthly income and hours per person, over all payers (rules.md §4). One row per
-- (person, month) by construction (GROUP BY); no index: the signals hash-join it, and
-- maintaining a key over millions of rows cost more than the aggregation.
CREATE TEMP TABLE person_month (
    person_id text    NOT NULL,
    month     date    NOT NULL,
    income    numeric NOT NULL,
    hours     numeric NOT NULL
);

-- The work history of the persons no_income looks at: the days their work-based permits
-- were granted, overlaps once, up to as_of, and the day it reaches long_work_history_days
-- (13_prepare/work_history.sql).
CREATE TEMP TABLE work_history (
    person_id text    PRIMARY KEY,
    days      integer NOT NULL,
    long_from date
);

-- The conditions that hold this run, one row per (permit, type, key).
CREATE TEMP TABLE signal_now (
    permit_id    text  NOT NULL,
    person_id    text  NOT NULL,
    signal_type  text  NOT NULL,
    signal_key   text  NOT NULL DEFAULT '',
    period_start date  NOT NULL,
    period_end   date  NOT NULL,
    evidence     jsonb NOT NULL,
    PRIMARY KEY (permit_id, signal_type, signal_key)
);

-- Per evaluated person, the next day a result can change with no changed row
-- (14_recheck/recheck.sql), carried by evaluated_now to supervision.person_recheck.
CREATE TEMP TABLE recheck_now (
    person_id  text PRIMARY KEY,
    recheck_on date NOT NULL
);

-- Review candidates of this run (rules.md §6), one row per permit (candidates.sql groups
-- by it). No key: the whole backlog passes through here every night, and keying it cost
-- more than the two statements that read it gained.
CREATE TEMP TABLE candidate (
    permit_id    text    NOT NULL,
    person_id    text    NOT NULL,
    queue        text    NOT NULL,
    score        numeric NOT NULL,
    first_raised date    NOT NULL
);

-- The register changes the evaluation's snapshot sees (02_scope/changes_seen.sql): the ones
-- the run takes into account and deletes when it commits (28_evaluation_state/consume_changes.sql).
CREATE TEMP TABLE change_seen (
    change_id bigint PRIMARY KEY
);

-- The open and hearing reviews this run links new signals to, locked by the writing
-- transaction until it commits (25_reviews/lock.sql).
CREATE TEMP TABLE review_locked (
    review_id bigint PRIMARY KEY,
    permit_id text   NOT NULL
);

-- The explanations in force on as_of (rules.md §6): the latest record of each (permit,
-- type) whose explained_until is on or after as_of; those signals weigh 0 in the score
-- (25_reviews/explained.sql).
CREATE TEMP TABLE explained (
    permit_id       text        NOT NULL,
    signal_type     text        NOT NULL,
    explained_until date        NOT NULL,
    reason          text        NOT NULL,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (permit_id, signal_type)
);

-- The reviews whose priority or due date this run raised (25_reviews/escalate.sql), with
-- what they were, for the events.
CREATE TEMP TABLE escalated (
    review_id    bigint  PRIMARY KEY,
    permit_id    text    NOT NULL,
    old_priority numeric NOT NULL,
    priority     numeric NOT NULL,
    old_due_on   date    NOT NULL,
    due_on       date    NOT NULL
);

-- The Incomes Register rows whose keys may be wrong (13_prepare/income_suspects.sql).
CREATE TEMP TABLE income_suspect (
    record_id text PRIMARY KEY
);

-- The service's lists, from the C++ that holds them (run/session_setup.cpp): the SQL joins
-- them instead of keeping copies of its own. list: basis, sequence, signal_type,
-- signal_dated_by_run, person_register, captured_register, source.
CREATE TEMP TABLE vocabulary (
    list   text NOT NULL,
    member text NOT NULL,
    PRIMARY KEY (list, member)
);

-- Of an incremental run's persons, per person register, those whose rows of it the run
-- validates again (run/mode.h); the others' rejections are taken over
-- (incremental/carry_rejections.sql).
CREATE TEMP TABLE revalidated (
    source    text NOT NULL,
    person_id text NOT NULL
);
