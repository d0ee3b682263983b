-- rules.md §8: Kela benefit payments that cannot be placed in time or kind, or keyed
-- wrongly (as in permit.sql).
-- One pass: the failed checks of each row as one text, a line per reason (half the cost
-- of an array per row), kept only when not empty.
-- $1 shard count, $2 this shard, $3 the persons of an incremental run or NULL
-- (supervision.in_scope): only those persons' rows.
INSERT INTO pg_temp.rejected_now (source, source_key, reason, person_id)
SELECT 'benefit_payment', k.source_key, string_to_table(k.reasons, E'\n'), k.person_id
FROM (
    SELECT b.payment_id AS source_key, coalesce(b.person_id, '') AS person_id, concat_ws(E'\n',
        CASE WHEN b.payment_id = '' THEN 'payment_id empty' END,
        CASE WHEN supervision.padded(b.payment_id) THEN 'payment_id has leading or trailing white space' END,
        CASE WHEN b.person_id IS NULL OR b.person_id = '' THEN 'person_id missing' END,
        CASE WHEN supervision.padded(b.person_id) THEN 'person_id has leading or trailing white space' END,
        CASE WHEN b.benefit IS NULL OR b.benefit NOT IN ('basic_social_assistance', 'other') THEN 'unknown benefit' END,
        CASE WHEN b.period_start IS NULL OR b.period_end IS NULL THEN 'period dates missing' END,
        CASE WHEN NOT isfinite(b.period_start) THEN 'period_start is not a calendar day' END,
        CASE WHEN pg_temp.day(b.period_start) IS NULL AND isfinite(b.period_start) THEN 'period_start out of range' END,
        CASE WHEN NOT isfinite(b.period_end) THEN 'period_end is not a calendar day' END,
        CASE WHEN pg_temp.day(b.period_end) IS NULL AND isfinite(b.period_end) THEN 'period_end out of range' END,
        CASE WHEN pg_temp.day(b.period_end) < pg_temp.day(b.period_start) THEN 'period_end before period_start' END,
        CASE WHEN b.amount IS NULL THEN 'amount missing' END,
        CASE WHEN b.amount < 0 THEN 'negative amount' END
    ) AS reasons
    FROM registry.benefit_payment b
    WHERE supervision.in_scope(b.person_id, $1, $2, $3)
    -- A fence: the reasons are computed once a row; pulled up into the outer query they
    -- would be computed again for each use (the filter and the output).
    OFFSET 0
) k
WHERE k.reasons <> ''
ON CONFLICT DO NOTHING
