-- The Incomes Register, read once for three things (it is the largest register; reading it
-- twice was a third of the run at S1, docs/performance.md):
-- - rules.md §8: rows that cannot be attributed to a month or person are rejected. The
--   failed checks of each row as one text, a line per reason, kept when not empty
--   (income_rejected.sql);
-- - rules.md §4: the rows of the persons evaluated dated in the months their signals read
--   (income_persons.sql, income_months.sql);
-- - rules.md §1: their rows dated after as_of, not counted yet, whose period_end is a day
--   their figures change (recheck.sql).
-- $1 as_of, $2 first day (person_months_from.sql), $3 shard count, $4 this shard, $5 the
-- persons of an incremental run or NULL (supervision.in_scope). date_trunc on timestamp,
-- not timestamptz: no time zone lookup.
INSERT INTO pg_temp.income_now (record_id, person_id, month, gross_amount, hours, reasons, visible_on)
SELECT r.record_id, r.person_id, date_trunc('month', r.period_end::timestamp)::date, r.gross_amount, r.hours,
       v.reasons, CASE WHEN r.period_end > $1::date THEN r.period_end END
FROM registry.income_record r
LEFT JOIN pg_temp.income_person p ON p.person_id = r.person_id  -- hashed: one probe a row
CROSS JOIN LATERAL (SELECT concat_ws(E'\n',
    CASE WHEN r.person_id IS NULL OR r.person_id = '' THEN 'person_id missing' END,
    CASE WHEN r.period_start IS NULL OR r.period_end IS NULL THEN 'period dates missing' END,
    CASE WHEN r.period_end < r.period_start THEN 'period_end before period_start' END,
    CASE WHEN r.gross_amount IS NULL THEN 'gross_amount missing' END,
    CASE WHEN r.gross_amount < 0 THEN 'negative gross_amount' END,
    CASE WHEN r.hours < 0 THEN 'negative hours' END,
    CASE WHEN r.hours > 744 THEN 'hours above 744 in one record' END
) AS reasons) v
WHERE supervision.in_scope(r.person_id, $3, $4, $5)
  AND (v.reasons <> ''
       OR (r.period_end >= $2::date AND r.period_end >= p.first_day))
