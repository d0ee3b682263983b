-- Ends the supervision of the permits find_ends.sql found. $1 as_of, $2 run_id.
-- Returns one row per reason.
WITH ended AS (
    UPDATE supervision.supervised_permit sp
    SET ended_on = $1, end_reason = e.reason, ended_run = $2
    FROM pg_temp.end_now e
    WHERE e.permit_id = sp.permit_id
    RETURNING sp.end_reason
)
SELECT end_reason, count(*) AS permits FROM ended GROUP BY end_reason ORDER BY end_reason
