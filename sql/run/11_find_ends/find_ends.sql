-- rules.md §3 "End": supervision ends on the first run where the permit is no longer
-- valid. Reason precedence: revoked/withdrawn, deceased, expired. A permit rejected
-- this run is left as it is; a rejected death (e.g. dated -infinity) is no death. Found
-- here, written by end.sql.
-- $1 as_of, $2 shard count, $3 this shard, $4 the persons of an incremental run or NULL
-- (supervision.in_scope).
INSERT INTO pg_temp.end_now (permit_id, reason)
SELECT e.permit_id, e.reason
FROM (
    SELECT sp.permit_id,
           CASE
               WHEN p.status IN ('revoked', 'withdrawn') AND p.status_date <= $1 THEN p.status
               WHEN EXISTS (SELECT 1 FROM registry.population_event e
                            WHERE e.person_id = p.person_id AND e.event_type = 'deceased' AND e.event_date <= $1
                              AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now x
                                              WHERE x.source = 'population_event' AND x.source_key = e.event_id))
                   THEN 'deceased'
               WHEN $1 > p.valid_until THEN 'expired'
           END AS reason
    FROM supervision.supervised_permit sp
    JOIN registry.permit p ON p.permit_id = sp.permit_id
    WHERE sp.ended_on IS NULL
      AND supervision.in_scope(p.person_id, $2, $3, $4)
      AND NOT EXISTS (SELECT 1 FROM pg_temp.rejected_now r
                      WHERE r.source = 'permit' AND r.source_key = sp.permit_id)
) e
WHERE e.reason IS NOT NULL
