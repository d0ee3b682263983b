-- rules.md §8: trade register statuses of an unknown kind.
-- One pass: the failed checks of each row as one text, a line per reason (half the cost
-- of an array per row), kept only when not empty.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'company_status', k.source_key, string_to_table(k.reasons, E'\n')
FROM (
    SELECT s.company_id || '/' || s.status_date::text AS source_key, concat_ws(E'\n',
        CASE WHEN s.status IS NULL OR s.status NOT IN ('active', 'liquidation', 'bankrupt', 'deregistered') THEN 'unknown status' END,
        -- A status is registered after it takes effect, never before.
        CASE WHEN s.status_date > (s.received_at AT TIME ZONE 'Europe/Helsinki')::date THEN 'status_date after received_at' END
    ) AS reasons
    FROM registry.company_status s
) k
WHERE k.reasons <> ''
ON CONFLICT DO NOTHING
