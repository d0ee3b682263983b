-- The register extracts, loaded by an ETL that is not ours (contract.md, "Inputs").
-- Types and keys only: meaning is validated by the run (rules.md §8), so that one bad
-- row never blocks a whole load. IF NOT EXISTS because the ETL may have created them.
CREATE SCHEMA IF NOT EXISTS registry;

CREATE TABLE IF NOT EXISTS registry.permit (
    permit_id               text PRIMARY KEY,
    person_id               text,
    basis                   text,
    sequence                text,
    decision_date           date,
    valid_from              date,
    valid_until             date,
    status                  text,
    status_date             date,
    employer_id             text,
    company_id              text,
    institution_id          text,
    required_monthly_income numeric(10,2),
    updated_at              timestamptz
);

CREATE TABLE IF NOT EXISTS registry.income_record (
    record_id    text PRIMARY KEY,
    person_id    text,
    payer_id     text,
    period_start date,
    period_end   date,
    gross_amount numeric(12,2),
    hours        numeric(8,2),
    received_at  timestamptz
);

CREATE TABLE IF NOT EXISTS registry.population_event (
    event_id    text PRIMARY KEY,
    person_id   text,
    event_type  text,
    event_date  date,
    received_at timestamptz
);

CREATE TABLE IF NOT EXISTS registry.company_status (
    company_id  text,
    status      text,
    status_date date,
    received_at timestamptz,
    PRIMARY KEY (company_id, status_date)
);

CREATE TABLE IF NOT EXISTS registry.study_record (
    person_id      text,
    institution_id text,
    term_start     date,
    term_end       date,
    enrolment      text,
    credits        numeric(6,1),
    received_at    timestamptz,
    PRIMARY KEY (person_id, institution_id, term_start)
);

CREATE TABLE IF NOT EXISTS registry.benefit_payment (
    payment_id   text PRIMARY KEY,
    person_id    text,
    benefit      text,
    period_start date,
    period_end   date,
    amount       numeric(12,2),
    received_at  timestamptz
);

CREATE TABLE IF NOT EXISTS registry.employment_notice (
    notice_id           text PRIMARY KEY,
    person_id           text,
    employer_id         text,
    employment_ended_on date,
    received_at         timestamptz
);

CREATE TABLE IF NOT EXISTS registry.source_status (
    source           text PRIMARY KEY,
    complete_through date,
    refreshed_at     timestamptz
);

-- Lookup paths of the run; person_id is the join key of every register.
CREATE INDEX IF NOT EXISTS permit_person_idx ON registry.permit (person_id);
CREATE INDEX IF NOT EXISTS income_record_person_idx ON registry.income_record (person_id, period_end);
CREATE INDEX IF NOT EXISTS population_event_person_idx ON registry.population_event (person_id, event_date);
CREATE INDEX IF NOT EXISTS benefit_payment_person_idx ON registry.benefit_payment (person_id);
CREATE INDEX IF NOT EXISTS employment_notice_person_idx ON registry.employment_notice (person_id);
