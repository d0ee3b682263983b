-- The explanations supervisors recorded for the permit. The latest record of a signal type
-- (recorded_at, then explanation_id) holds; it is in force on a day on or before its
-- explained_until (migration 0010). $1 permit_id, $2 the day judged on (the last run's
-- as_of; NULL before any run).
SELECT explanation_id, signal_type, explained_until, reason, recorded_by,
       to_char(recorded_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD HH24:MI:SS') AS recorded_at,
       superseded_by,
       superseded_by IS NULL AND $2::date IS NOT NULL AND $2::date <= explained_until AS in_force
FROM (SELECT e.*, lead(e.explanation_id) OVER (PARTITION BY e.signal_type ORDER BY e.recorded_at, e.explanation_id)
                      AS superseded_by
      FROM supervision.signal_explanation e WHERE e.permit_id = $1) x
ORDER BY recorded_at, explanation_id
