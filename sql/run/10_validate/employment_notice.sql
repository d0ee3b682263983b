-- rules.md §8: employers' notices without the date the employment ended, or keyed
-- wrongly (as in permit.sql).
-- One pass: the failed checks of each row as one text, a line per reason (half the cost
-- of an array per row), kept only when not empty.
-- The same notice twice (person, employer and end date): the greater id is rejected.
-- Judged among the notices without a keying error: one rejected for its key is no copy to
-- compare with. A notice without an employer is the same as another without one.
-- $1 shard count, $2 this shard, $3 the persons of an incremental run or NULL
-- (supervision.in_scope): only those persons' rows.
WITH keyed AS (
    SELECT n.notice_id, n.person_id, n.employer_id, n.employment_ended_on
    FROM registry.employment_notice n
    WHERE n.notice_id <> '' AND NOT supervision.padded(n.notice_id)
      AND coalesce(n.employer_id <> '' AND NOT supervision.padded(n.employer_id), true)
      AND pg_temp.day(n.employment_ended_on) IS NOT NULL
      AND supervision.in_scope(n.person_id, $1, $2, $3)
), duplicate AS (
    SELECT later.notice_id
    FROM keyed later
    JOIN keyed earlier
      ON earlier.person_id = later.person_id AND coalesce(earlier.employer_id, '') = coalesce(later.employer_id, '')
     AND earlier.employment_ended_on = later.employment_ended_on AND earlier.notice_id < later.notice_id
)
INSERT INTO pg_temp.rejected_now (source, source_key, reason, person_id)
SELECT 'employment_notice', k.source_key, string_to_table(k.reasons, E'\n'), k.person_id
FROM (
    SELECT n.notice_id AS source_key, coalesce(n.person_id, '') AS person_id, concat_ws(E'\n',
        CASE WHEN n.notice_id = '' THEN 'notice_id empty' END,
        CASE WHEN supervision.padded(n.notice_id) THEN 'notice_id has leading or trailing white space' END,
        CASE WHEN n.person_id IS NULL OR n.person_id = '' THEN 'person_id missing' END,
        CASE WHEN supervision.padded(n.person_id) THEN 'person_id has leading or trailing white space' END,
        CASE WHEN n.employer_id = '' THEN 'employer_id empty' END,
        CASE WHEN supervision.padded(n.employer_id) THEN 'employer_id has leading or trailing white space' END,
        CASE WHEN n.employment_ended_on IS NULL THEN 'employment_ended_on missing' END,
        CASE WHEN NOT isfinite(n.employment_ended_on) THEN 'employment_ended_on is not a calendar day' END,
        CASE WHEN pg_temp.day(n.employment_ended_on) IS NULL AND isfinite(n.employment_ended_on) THEN 'employment_ended_on out of range' END,
        CASE WHEN n.notice_id IN (SELECT notice_id FROM duplicate) THEN 'duplicate notice (same person, employer and date)' END
    ) AS reasons
    FROM registry.employment_notice n
    WHERE supervision.in_scope(n.person_id, $1, $2, $3)
    -- A fence: the reasons are computed once a row; pulled up into the outer query they
    -- would be computed again for each use (the filter and the output).
    OFFSET 0
) k
WHERE k.reasons <> ''
ON CONFLICT DO NOTHING
