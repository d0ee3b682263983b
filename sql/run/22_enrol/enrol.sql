-- Enrols the permits find_enrolments.sql found. $1 as_of, $2 run_id.
-- Returns one row per line.
WITH enrolled AS (
    INSERT INTO supervision.supervised_permit (permit_id, person_id, line_id, enrolled_on, enrolled_run)
    SELECT permit_id, person_id, line_id, $1, $2 FROM pg_temp.enrol_now
    RETURNING line_id
)
SELECT line_id, count(*) AS permits FROM enrolled GROUP BY line_id ORDER BY line_id
