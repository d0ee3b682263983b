-- The service's own schema: run ledger, enrolments, rejected rows, configuration
-- snapshots. No foreign keys across person-keyed tables: the schema stays ready for
-- distribution by person_id (docs/scaling.md).
CREATE SCHEMA IF NOT EXISTS supervision;

-- rules.md §1: add_months with end-of-month clamping. PostgreSQL's date + interval
-- clamps the same way (2024-08-31 + 6 months = 2025-02-28); named for readability.
CREATE FUNCTION supervision.add_months(d date, n integer) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (d + make_interval(months => n))::date;

CREATE TABLE supervision.run (
    run_id          bigint PRIMARY KEY,
    as_of           date        NOT NULL,
    mode            text        NOT NULL CHECK (mode IN ('scheduled', 'manual')),
    status          text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at     timestamptz,
    config_digest   text        NOT NULL,
    service_version text        NOT NULL,
    counts          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error           text,
    host            text
);
CREATE INDEX run_status_as_of_idx ON supervision.run (status, as_of);

-- The effective configuration of every digest a run used, for audit.
CREATE TABLE supervision.config_snapshot (
    config_digest  text PRIMARY KEY,
    config_version text  NOT NULL,
    config         jsonb NOT NULL,
    first_run_id   bigint NOT NULL
);

CREATE TABLE supervision.supervised_permit (
    permit_id    text PRIMARY KEY,
    person_id    text   NOT NULL,
    line_id      text   NOT NULL,
    enrolled_on  date   NOT NULL,
    enrolled_run bigint NOT NULL,
    ended_on     date,
    end_reason   text CHECK (end_reason IN ('expired', 'revoked', 'withdrawn', 'deceased')),
    ended_run    bigint,
    CHECK ((ended_on IS NULL) = (end_reason IS NULL))
);
CREATE INDEX supervised_permit_person_idx ON supervision.supervised_permit (person_id);
CREATE INDEX supervised_permit_active_idx ON supervision.supervised_permit (permit_id) WHERE ended_on IS NULL;

-- The current list of register rows the run could not use (rules.md §8).
CREATE TABLE supervision.rejected_row (
    source         text   NOT NULL,
    source_key     text   NOT NULL,
    reason         text   NOT NULL,
    first_seen_run bigint NOT NULL,
    last_seen_run  bigint NOT NULL,
    PRIMARY KEY (source, source_key, reason)
);

-- Rows that left the list because the register fixed them: kept for audit.
CREATE TABLE supervision.rejected_row_history (
    source         text   NOT NULL,
    source_key     text   NOT NULL,
    reason         text   NOT NULL,
    first_seen_run bigint NOT NULL,
    last_seen_run  bigint NOT NULL,
    cleared_run    bigint NOT NULL
);
CREATE INDEX rejected_row_history_key_idx ON supervision.rejected_row_history (source, source_key);

-- rules.md §1 and §3: whether a permit's validity and scope satisfy a coverage line's
-- conditions. Shared by the enrolment and the coverage report so the two cannot drift.
CREATE FUNCTION supervision.line_conditions_hold(
    valid_from date, valid_until date, decision_date date,
    validity text, validity_months integer, scope_field text, scope_from date) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE validity
               WHEN 'at_least'  THEN valid_until + 1 >= supervision.add_months(valid_from, validity_months)
               WHEN 'more_than' THEN valid_until + 1 >  supervision.add_months(valid_from, validity_months)
           END
       AND CASE scope_field
               WHEN 'valid_from'    THEN valid_from >= scope_from
               WHEN 'decision_date' THEN decision_date >= scope_from
           END;

-- rules.md §1: a permit is valid on d within its validity while granted; a revocation
-- or withdrawal counts from its status_date on.
CREATE FUNCTION supervision.permit_valid_on(
    d date, valid_from date, valid_until date, status text, status_date date) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN valid_from <= d AND d <= valid_until
       AND (status = 'granted' OR (status IN ('revoked', 'withdrawn') AND status_date > d));
