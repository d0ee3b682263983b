-- The last completed run (rules.md §9: rejections and "validity not started" are judged
-- by it); no row before the first.
SELECT run_id, as_of FROM stats.completed_run ORDER BY run_id DESC LIMIT 1
