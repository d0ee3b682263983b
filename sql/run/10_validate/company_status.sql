-- rules.md §8: trade register statuses of an unknown kind, or keyed wrongly (as in
-- permit.sql). The key is (company_id, status_date), built by pg_temp.source_key as
-- company_inactive.sql looks it up.
-- One pass: the failed checks of each row as one text, a line per reason (half the cost
-- of an array per row), kept only when not empty.
INSERT INTO pg_temp.rejected_now (source, source_key, reason)
SELECT 'company_status', k.source_key, string_to_table(k.reasons, E'\n')
FROM (
    SELECT pg_temp.source_key(s.company_id, s.status_date::text) AS source_key, concat_ws(E'\n',
        CASE WHEN s.company_id = '' THEN 'company_id empty' END,
        CASE WHEN supervision.padded(s.company_id) THEN 'company_id has leading or trailing white space' END,
        CASE WHEN NOT isfinite(s.status_date) THEN 'status_date is not a calendar day' END,
        CASE WHEN pg_temp.day(s.status_date) IS NULL AND isfinite(s.status_date) THEN 'status_date out of range' END,
        CASE WHEN s.status IS NULL OR s.status NOT IN ('active', 'liquidation', 'bankrupt', 'deregistered') THEN 'unknown status' END,
        -- A status is registered after it takes effect, never before.
        CASE WHEN pg_temp.day(s.status_date) > (s.received_at AT TIME ZONE 'Europe/Helsinki')::date THEN 'status_date after received_at' END
    ) AS reasons
    FROM registry.company_status s
    -- A fence: the reasons are computed once a row; pulled up into the outer query they
    -- would be computed again for each use (the filter and the output).
    OFFSET 0
) k
WHERE k.reasons <> ''
ON CONFLICT DO NOTHING
