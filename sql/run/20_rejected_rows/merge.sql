-- Makes the rejected-rows list (supervision.rejected_row_current, the contract's view
-- supervision.rejected_row) this run's: new rows in, fixed rows out into the history with
-- the last run that saw them (the latest that succeeded). $1 run_id, $2 whether the run
-- validated every row (a full run) or only the rows of its persons (pg_temp.scope_person)
-- and the trade register (an incremental run: the others' rows did not change, so their
-- rejections stand). Rows that stay are not written. Returns (added, cleared).
WITH previous AS MATERIALIZED (
    SELECT max(run_id) AS run_id FROM supervision.run WHERE status = 'succeeded'
), cleared AS (
    DELETE FROM supervision.rejected_row_current r
    WHERE ($2 OR r.source = 'company_status'
           OR EXISTS (SELECT 1 FROM pg_temp.scope_person d WHERE d.person_id = r.person_id))
      AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now n
                      WHERE n.source = r.source AND n.source_key = r.source_key AND n.reason = r.reason)
    RETURNING r.*
), history AS (
    INSERT INTO supervision.rejected_row_history
        (source, source_key, reason, first_seen_run, last_seen_run, cleared_run)
    SELECT c.source, c.source_key, c.reason, c.first_seen_run, p.run_id, $1 FROM cleared c CROSS JOIN previous p
), merged AS (
    INSERT INTO supervision.rejected_row_current (source, source_key, reason, first_seen_run, person_id)
    SELECT source, source_key, reason, $1, person_id FROM pg_temp.rejected_now
    ON CONFLICT (source, source_key, reason) DO UPDATE SET person_id = EXCLUDED.person_id
    WHERE rejected_row_current.person_id IS DISTINCT FROM EXCLUDED.person_id
    RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS added,
       (SELECT count(*) FROM cleared)   AS cleared
FROM merged
