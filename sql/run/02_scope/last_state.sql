-- The evaluation state of the latest run that succeeded (docs/incremental.md): what it
-- evaluated on which keys. NULL before the first run, or after runs that kept none.
SELECT as_of, evaluation FROM supervision.run
WHERE status = 'succeeded'
ORDER BY as_of DESC, run_id DESC
LIMIT 1
