-- Taken under the run lock, so no sequence is needed and a dry run consumes nothing.
SELECT coalesce(max(run_id), 0) + 1 AS run_id FROM supervision.run
