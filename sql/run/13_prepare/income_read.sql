-- The Incomes Register, read once for three things (it is the largest register; reading it
-- twice was a third of the run at S1, docs/performance.md):
-- - rules.md §8: rows that cannot be attributed to a month or person are rejected. The
--   failed checks of each row as one text, a line per reason, kept when not empty
--   (income_rejected.sql). The keying errors (supervision.padded, pg_temp.day) are
--   looked for only in the rows the partial index income_record_keying_suspect_idx holds
--   (migration 0011, income_suspects.sql): the others have their ids and dates right, and get the cheap checks
--   alone. A record counts whole in the month of its period_end (rules.md §4), however
--   long its period;
-- - rules.md §4: the rows of the persons evaluated dated in the months their signals read
--   (income_persons.sql, income_months.sql);
-- - rules.md §1: their rows dated after as_of, not counted yet, whose period_end is a day
--   their figures change (recheck.sql).
-- $1 as_of, $2 first day (person_months_from.sql), $3 shard count, $4 this shard, $5 the
-- persons of an incremental run or NULL (supervision.in_scope). date_trunc on timestamp,
-- not timestamptz: no time zone lookup; only of a row whose dates are calendar days in
-- range (a suspect row is rejected for its keys, and its month is NULL).
INSERT INTO pg_temp.income_now (record_id, person_id, month, gross_amount, hours, reasons, visible_on)
SELECT r.record_id, r.person_id, CASE WHEN NOT r.suspect THEN date_trunc('month', r.period_end::timestamp)::date END,
       r.gross_amount, r.hours, r.reasons, CASE WHEN NOT r.suspect AND r.period_end > $1::date THEN r.period_end END
FROM (
    SELECT r.record_id, r.person_id, r.period_end, r.gross_amount, r.hours,
           r.record_id IN (SELECT i.record_id FROM pg_temp.income_suspect i) AS suspect,
           CASE WHEN r.record_id NOT IN (SELECT i.record_id FROM pg_temp.income_suspect i) THEN concat_ws(E'\n',
        CASE WHEN r.person_id IS NULL THEN 'person_id missing' END,
        CASE WHEN r.period_start IS NULL OR r.period_end IS NULL THEN 'period dates missing' END,
        CASE WHEN r.period_end < r.period_start THEN 'period_end before period_start' END,
        CASE WHEN r.gross_amount IS NULL THEN 'gross_amount missing' END,
        CASE WHEN r.gross_amount < 0 THEN 'negative gross_amount' END,
        CASE WHEN r.hours < 0 THEN 'negative hours' END,
        -- A pay period may be longer than a month (an annual bonus, a contract paid at its
        -- end): its hours are bounded by the days of its own period. The exact bound is
        -- computed only for more hours than 28 days hold or a period shorter than 28 days
        -- (a month's record skips it: it costs as much as all the other checks of a row).
        CASE WHEN (r.hours > 672 OR r.period_end - r.period_start < 27)
                  AND r.period_end >= r.period_start AND r.hours > 24 * (r.period_end - r.period_start + 1)
             THEN 'hours above 24 a day of the period' END)
           ELSE concat_ws(E'\n',
        CASE WHEN r.record_id = '' THEN 'record_id empty' END,
        CASE WHEN supervision.padded(r.record_id) THEN 'record_id has leading or trailing white space' END,
        CASE WHEN r.person_id IS NULL OR r.person_id = '' THEN 'person_id missing' END,
        CASE WHEN supervision.padded(r.person_id) THEN 'person_id has leading or trailing white space' END,
        CASE WHEN r.payer_id = '' THEN 'payer_id empty' END,
        CASE WHEN supervision.padded(r.payer_id) THEN 'payer_id has leading or trailing white space' END,
        CASE WHEN r.period_start IS NULL OR r.period_end IS NULL THEN 'period dates missing' END,
        CASE WHEN NOT isfinite(r.period_start) THEN 'period_start is not a calendar day' END,
        CASE WHEN pg_temp.day(r.period_start) IS NULL AND isfinite(r.period_start) THEN 'period_start out of range' END,
        CASE WHEN NOT isfinite(r.period_end) THEN 'period_end is not a calendar day' END,
        CASE WHEN pg_temp.day(r.period_end) IS NULL AND isfinite(r.period_end) THEN 'period_end out of range' END,
        CASE WHEN pg_temp.day(r.period_end) < pg_temp.day(r.period_start) THEN 'period_end before period_start' END,
        CASE WHEN r.gross_amount IS NULL THEN 'gross_amount missing' END,
        CASE WHEN r.gross_amount < 0 THEN 'negative gross_amount' END,
        CASE WHEN r.hours < 0 THEN 'negative hours' END,
        CASE WHEN pg_temp.day(r.period_end) >= pg_temp.day(r.period_start)
                  AND r.hours > 24 * (pg_temp.day(r.period_end) - pg_temp.day(r.period_start) + 1)
             THEN 'hours above 24 a day of the period' END) END AS reasons
    -- The suspects as a hashed subplan (record_id is the key: never NULL): built once, probed
    -- once a row. As a join, the planner took the shard's filter for 0.5 % of the rows and
    -- rescanned the suspects for each row instead: 4.5 s a worker at S1.
    FROM registry.income_record r
    WHERE supervision.in_scope(r.person_id, $3, $4, $5)
    -- A fence: the reasons are computed once a row; pulled up into the outer query they
    -- would be computed again for each use (the filter and the output).
    OFFSET 0
) r
LEFT JOIN pg_temp.income_person p ON p.person_id = r.person_id  -- hashed: one probe a row
WHERE r.reasons <> ''
   OR (NOT r.suspect AND r.period_end >= $2::date AND r.period_end >= p.first_day)
