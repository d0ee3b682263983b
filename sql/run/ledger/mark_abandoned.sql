-- A run left 'running' can only belong to a process that died: we hold the run lock.
-- $1 run_id of the run that found it.
UPDATE supervision.run
SET status = 'failed', finished_at = clock_timestamp(),
    error = 'abandoned: the process ended without finishing; found by run ' || $1::text
WHERE status = 'running'
RETURNING run_id
