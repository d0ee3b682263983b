-- rules.md §8: study register rows with an impossible term or unknown enrolment, or keyed
-- wrongly (as in permit.sql). The key is (person_id, institution_id, term_start), built by
-- pg_temp.source_key as study_inactive.sql looks it up.
-- One pass: the failed checks of each row as one text, a line per reason (half the cost
-- of an array per row), kept only when not empty.
-- $1 shard count, $2 this shard, $3 the persons of an incremental run or NULL
-- (supervision.in_scope): only those persons' rows.
INSERT INTO pg_temp.rejected_now (source, source_key, reason, person_id)
SELECT 'study_record', k.source_key, string_to_table(k.reasons, E'\n'), k.person_id
FROM (
    SELECT pg_temp.source_key(s.person_id, s.institution_id, s.term_start::text) AS source_key,
           coalesce(s.person_id, '') AS person_id, concat_ws(E'\n',
        CASE WHEN s.person_id = '' THEN 'person_id missing' END,
        CASE WHEN supervision.padded(s.person_id) THEN 'person_id has leading or trailing white space' END,
        CASE WHEN s.institution_id = '' THEN 'institution_id empty' END,
        CASE WHEN supervision.padded(s.institution_id) THEN 'institution_id has leading or trailing white space' END,
        CASE WHEN NOT isfinite(s.term_start) THEN 'term_start is not a calendar day' END,
        CASE WHEN pg_temp.day(s.term_start) IS NULL AND isfinite(s.term_start) THEN 'term_start out of range' END,
        CASE WHEN s.term_end IS NULL THEN 'term_end missing' END,
        CASE WHEN NOT isfinite(s.term_end) THEN 'term_end is not a calendar day' END,
        CASE WHEN pg_temp.day(s.term_end) IS NULL AND isfinite(s.term_end) THEN 'term_end out of range' END,
        CASE WHEN pg_temp.day(s.term_end) < pg_temp.day(s.term_start) THEN 'term_end before term_start' END,
        CASE WHEN s.enrolment IS NULL OR s.enrolment NOT IN ('present', 'absent', 'withdrawn', 'graduated') THEN 'unknown enrolment' END,
        CASE WHEN s.credits < 0 THEN 'negative credits' END
    ) AS reasons
    FROM registry.study_record s
    WHERE supervision.in_scope(s.person_id, $1, $2, $3)
    -- A fence: the reasons are computed once a row; pulled up into the outer query they
    -- would be computed again for each use (the filter and the output).
    OFFSET 0
) k
WHERE k.reasons <> ''
ON CONFLICT DO NOTHING
