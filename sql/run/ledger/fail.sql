-- $1 run_id, $2 error message (no personal data: messages name stages and tables).
UPDATE supervision.run SET status = 'failed', finished_at = clock_timestamp(), error = $2
WHERE run_id = $1 AND status = 'running'
