-- What the run told the case system about the permit (supervision.event), in order.
-- $1 permit_id.
SELECT event_id, run_id, kind, review_id, detail,
       to_char(created_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD HH24:MI:SS') AS created_at
FROM supervision.event WHERE permit_id = $1 ORDER BY event_id
