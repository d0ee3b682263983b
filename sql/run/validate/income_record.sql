-- rules.md §8: Incomes Register rows that cannot be attributed to a month or person.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'income_record', r.record_id, c.reason
FROM registry.income_record r
CROSS JOIN LATERAL (VALUES
    (r.person_id IS NULL OR r.person_id = '', 'person_id missing'),
    (r.period_start IS NULL OR r.period_end IS NULL, 'period dates missing'),
    (r.period_end < r.period_start, 'period_end before period_start'),
    (r.gross_amount IS NULL, 'gross_amount missing'),
    (r.gross_amount < 0, 'negative gross_amount'),
    (r.hours < 0, 'negative hours'),
    -- A month has at most 744 hours; more is a unit or keying error.
    (r.hours > 744, 'hours above 744 in one record')
) AS c(failed, reason)
WHERE c.failed
ON CONFLICT DO NOTHING
