-- The run's working tables, private to its transaction: the effective configuration
-- (so that every rule is one set-based statement that joins it) and the rows that
-- fail validation this run.
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
) ON COMMIT DROP;

CREATE TEMP TABLE parameter (
    name       text    NOT NULL,
    basis      text    NOT NULL,   -- '*' for every basis
    sequence   text    NOT NULL,   -- '*' for every sequence
    valid_from date    NOT NULL,
    value      numeric NOT NULL
) ON COMMIT DROP;

CREATE TEMP TABLE rejected_now (
    source     text NOT NULL,
    source_key text NOT NULL,
    reason     text NOT NULL,
    PRIMARY KEY (source, source_key, reason)
) ON COMMIT DROP;

-- rules.md §2: the value in force on a day; the most specific key wins on the same start.
CREATE OR REPLACE FUNCTION pg_temp.param(p_name text, p_basis text, p_sequence text, p_day date)
    RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT value FROM pg_temp.parameter
    WHERE name = p_name AND basis IN (p_basis, '*') AND sequence IN (p_sequence, '*') AND valid_from <= p_day
    ORDER BY valid_from DESC, (basis <> '*')::int * 2 + (sequence <> '*')::int DESC
    LIMIT 1
$$;
