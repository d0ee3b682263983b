-- rules.md §8: study register rows with an impossible term or unknown enrolment.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'study_record', s.person_id || '/' || s.institution_id || '/' || s.term_start::text, c.reason
FROM registry.study_record s
CROSS JOIN LATERAL (VALUES
    (s.term_end IS NULL, 'term_end missing'),
    (s.term_end < s.term_start, 'term_end before term_start'),
    (s.enrolment IS NULL OR s.enrolment NOT IN ('present', 'absent', 'withdrawn', 'graduated'), 'unknown enrolment'),
    (s.credits < 0, 'negative credits')
) AS c(failed, reason)
WHERE c.failed
ON CONFLICT DO NOTHING
