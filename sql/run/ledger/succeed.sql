-- Committed in the same transaction as the run's work: the record says succeeded
-- exactly when the work is there, and names the transaction that wrote it.
-- $1 run_id, $2 counts, $3 how it evaluated (run/scope.h).
UPDATE supervision.run SET status = 'succeeded', finished_at = clock_timestamp(), counts = $2::jsonb,
                           evaluation = $3::jsonb, transaction_id = pg_current_xact_id()
WHERE run_id = $1 AND status = 'running'
