-- rules.md §8: trade register statuses of an unknown kind.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'company_status', s.company_id || '/' || s.status_date::text, c.reason
FROM registry.company_status s
CROSS JOIN LATERAL (VALUES
    (s.status IS NULL OR s.status NOT IN ('active', 'liquidation', 'bankrupt', 'deregistered'), 'unknown status')
) AS c(failed, reason)
WHERE c.failed
ON CONFLICT DO NOTHING
