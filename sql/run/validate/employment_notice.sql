-- rules.md §8: employers' notices without the date the employment ended.
-- One pass: the failed checks of each row as an array, kept only when non-empty.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'employment_notice', k.source_key, unnest(k.reasons)
FROM (
    SELECT n.notice_id AS source_key, array_remove(ARRAY[
        CASE WHEN n.person_id IS NULL OR n.person_id = '' THEN 'person_id missing' END,
        CASE WHEN n.employment_ended_on IS NULL THEN 'employment_ended_on missing' END
    ], NULL) AS reasons
    FROM registry.employment_notice n
) k
WHERE k.reasons <> '{}'
ON CONFLICT DO NOTHING
