-- Makes supervision.rejected_row this run's list: new rows in, seen rows touched,
-- fixed rows out (into the history). $1 run_id, $2 whether the run validated every row
-- (a full run) or only the rows of its persons (pg_temp.scope_person) and the trade
-- register (an incremental run: the others' rows did not change, so their rejections
-- stand and are only marked seen). Returns (added, kept, cleared).
WITH cleared AS (
    DELETE FROM supervision.rejected_row r
    WHERE ($2 OR r.source = 'company_status'
           OR EXISTS (SELECT 1 FROM pg_temp.scope_person d WHERE d.person_id = r.person_id))
      AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now n
                      WHERE n.source = r.source AND n.source_key = r.source_key AND n.reason = r.reason)
    RETURNING r.*
), history AS (
    INSERT INTO supervision.rejected_row_history
        (source, source_key, reason, first_seen_run, last_seen_run, cleared_run)
    SELECT source, source_key, reason, first_seen_run, last_seen_run, $1 FROM cleared
), untouched AS (
    UPDATE supervision.rejected_row r SET last_seen_run = $1
    WHERE NOT $2 AND r.source <> 'company_status'
      AND NOT EXISTS (SELECT 1 FROM pg_temp.scope_person d WHERE d.person_id = r.person_id)
), merged AS (
    INSERT INTO supervision.rejected_row (source, source_key, reason, first_seen_run, last_seen_run, person_id)
    SELECT source, source_key, reason, $1, $1, person_id FROM pg_temp.rejected_now
    ON CONFLICT (source, source_key, reason) DO UPDATE
    SET last_seen_run = EXCLUDED.last_seen_run, person_id = EXCLUDED.person_id
    RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)     AS added,
       count(*) FILTER (WHERE NOT inserted) AS kept,
       (SELECT count(*) FROM cleared)        AS cleared
FROM merged
