-- rules.md §3 "End": supervision ends on the first run where the permit is no longer
-- valid. Reason precedence: revoked/withdrawn, deceased, expired. A permit rejected
-- this run is left as it is. $1 as_of, $2 run_id. Returns one row per reason.
WITH ending AS (
    SELECT sp.permit_id,
           CASE
               WHEN p.status IN ('revoked', 'withdrawn') AND p.status_date <= $1 THEN p.status
               WHEN EXISTS (SELECT 1 FROM registry.population_event e
                            WHERE e.person_id = p.person_id AND e.event_type = 'deceased' AND e.event_date <= $1)
                   THEN 'deceased'
               WHEN $1 > p.valid_until THEN 'expired'
           END AS reason
    FROM supervision.supervised_permit sp
    JOIN registry.permit p ON p.permit_id = sp.permit_id
    WHERE sp.ended_on IS NULL
      AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now r
                      WHERE r.source = 'permit' AND r.source_key = sp.permit_id)
), ended AS (
    UPDATE supervision.supervised_permit sp
    SET ended_on = $1, end_reason = e.reason, ended_run = $2
    FROM ending e
    WHERE e.permit_id = sp.permit_id AND e.reason IS NOT NULL
    RETURNING sp.end_reason
)
SELECT end_reason, count(*) AS permits FROM ended GROUP BY end_reason ORDER BY end_reason
