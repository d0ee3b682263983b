-- rules.md §8: employers' notices without the date the employment ended.
-- One pass: the failed checks of each row as one text, a line per reason (half the cost
-- of an array per row), kept only when not empty.
-- The same notice twice (person, employer and end date): the greater id is rejected.
-- $1 shard count, $2 this shard, $3 the persons of an incremental run or NULL
-- (supervision.in_scope): only those persons' rows.
WITH duplicate AS (
    SELECT later.notice_id
    FROM registry.employment_notice later
    JOIN registry.employment_notice earlier
      ON earlier.person_id = later.person_id AND coalesce(earlier.employer_id, '') = coalesce(later.employer_id, '')
     AND earlier.employment_ended_on = later.employment_ended_on AND earlier.notice_id < later.notice_id
    WHERE supervision.in_scope(later.person_id, $1, $2, $3)
)
INSERT INTO pg_temp.rejected_now (source, source_key, reason, person_id)
SELECT 'employment_notice', k.source_key, string_to_table(k.reasons, E'\n'), k.person_id
FROM (
    SELECT n.notice_id AS source_key, coalesce(n.person_id, '') AS person_id, concat_ws(E'\n',
        CASE WHEN n.person_id IS NULL OR n.person_id = '' THEN 'person_id missing' END,
        CASE WHEN n.employment_ended_on IS NULL THEN 'employment_ended_on missing' END,
        CASE WHEN n.notice_id IN (SELECT notice_id FROM duplicate) THEN 'duplicate notice (same person, employer and date)' END
    ) AS reasons
    FROM registry.employment_notice n
    WHERE supervision.in_scope(n.person_id, $1, $2, $3)
) k
WHERE k.reasons <> ''
ON CONFLICT DO NOTHING
