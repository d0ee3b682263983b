-- rules.md §8: employers' notices without the date the employment ended.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'employment_notice', n.notice_id, c.reason
FROM registry.employment_notice n
CROSS JOIN LATERAL (VALUES
    (n.person_id IS NULL OR n.person_id = '', 'person_id missing'),
    (n.employment_ended_on IS NULL, 'employment_ended_on missing')
) AS c(failed, reason)
WHERE c.failed
ON CONFLICT DO NOTHING
