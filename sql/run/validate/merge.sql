-- Makes supervision.rejected_row this run's list: new rows in, seen rows touched,
-- fixed rows out (into the history). $1 run_id. Returns (added, kept, cleared).
WITH cleared AS (
    DELETE FROM supervision.rejected_row r
    WHERE NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now n
                      WHERE n.source = r.source AND n.source_key = r.source_key AND n.reason = r.reason)
    RETURNING r.*
), history AS (
    INSERT INTO supervision.rejected_row_history
        (source, source_key, reason, first_seen_run, last_seen_run, cleared_run)
    SELECT source, source_key, reason, first_seen_run, last_seen_run, $1 FROM cleared
), merged AS (
    INSERT INTO supervision.rejected_row (source, source_key, reason, first_seen_run, last_seen_run)
    SELECT source, source_key, reason, $1, $1 FROM pg_temp.rejected_now
    ON CONFLICT (source, source_key, reason) DO UPDATE SET last_seen_run = EXCLUDED.last_seen_run
    RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)     AS added,
       count(*) FILTER (WHERE NOT inserted) AS kept,
       (SELECT count(*) FROM cleared)        AS cleared
FROM merged
