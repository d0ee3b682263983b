-- rules.md §8: Incomes Register rows that cannot be attributed to a month or person.
-- One pass: the failed checks of each row as one text, a line per reason (half the cost
-- of an array per row), kept only when not empty.
-- $1 shard count, $2 this shard (supervision.shard_of): only this shard's persons.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'income_record', k.source_key, string_to_table(k.reasons, E'\n')
FROM (
    SELECT r.record_id AS source_key, concat_ws(E'\n',
        CASE WHEN r.person_id IS NULL OR r.person_id = '' THEN 'person_id missing' END,
        CASE WHEN r.period_start IS NULL OR r.period_end IS NULL THEN 'period dates missing' END,
        CASE WHEN r.period_end < r.period_start THEN 'period_end before period_start' END,
        CASE WHEN r.gross_amount IS NULL THEN 'gross_amount missing' END,
        CASE WHEN r.gross_amount < 0 THEN 'negative gross_amount' END,
        CASE WHEN r.hours < 0 THEN 'negative hours' END,
        CASE WHEN r.hours > 744 THEN 'hours above 744 in one record' END
    ) AS reasons
    FROM registry.income_record r
    WHERE supervision.shard_of(r.person_id, $1) = $2
) k
WHERE k.reasons <> ''
ON CONFLICT DO NOTHING
